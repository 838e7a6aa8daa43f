import ZenamuCore

/// Newsletter consent read by its words, and by the legal sentences consent forms use in each
/// country ("Souhlasím se zasíláním obchodních sdělení", "Wyrażam zgodę na otrzymywanie informacji
/// handlowych", "Acconsento al trattamento dei dati per finalità di marketing"). Each word carries a
/// weight; a header whose words reach 1 is consent. Words of another channel or agreement (SMS,
/// WhatsApp, terms, privacy) veto it; words of opting out make it consent inverted.
enum ConsentHeaderWords {
    struct Word {
        let weight: Double
        let language: String
    }

    /// Folded words (no accents, lower case) → what they weigh.
    static let words: [String: [Word]] = {
        var table: [String: [Word]] = [:]
        func add(_ weight: Double, _ language: String, _ list: [String]) {
            for word in list { table[word, default: []].append(Word(weight: weight, language: language)) }
        }
        // A word that alone says it, words that say it together, words that help.
        add(1, "en", ["newsletter", "newsletters", "mailing"])
        add(0.6, "en", ["marketing", "optin", "subscribed", "subscribe", "subscription", "consent", "promotions",
                        "promotional", "updates", "accepts"])
        add(0.6, "en", ["receive", "allow", "ok"])
        add(0.4, "en", ["agree", "preference", "preferences", "emails", "email", "offers"])
        add(1, "fr", ["infolettre"])
        add(0.6, "fr", ["recevoir", "souhaite", "abonne", "consentement", "offres"])
        add(0.4, "fr", ["accepte", "commerciales", "communications"])
        add(1, "it", ["iscrizionenewsletter"])
        add(0.6, "it", ["consenso", "iscritto", "ricevere", "promozioni", "acconsento", "promozionali"])
        add(0.4, "it", ["invio", "comunicazioni", "commerciali", "accetta"])
        add(1, "hu", ["hirlevel", "hirlevelre", "hirlevelet", "hirlevelek"])
        add(0.6, "hu", ["feliratkozott", "feliratkozas", "hozzajarulas", "hozzajarult", "hozzajarulok"])
        add(0.4, "hu", ["kuldesehez", "ajanlatok"])
        add(1, "cs", ["novinky", "zpravodaj", "newsletteru", "newsletterem", "novinek"])
        add(0.6, "cs", ["zasilat", "zasilani", "zasilanim", "souhlas", "souhlasim", "odebirat", "odber", "marketingove",
                        "marketingem", "marketingovy"])
        add(0.4, "cs", ["obchodnich", "sdeleni"])
        add(1, "sk", ["noviniek", "newsletterom"])
        add(0.6, "sk", ["zasielat", "zasielanie", "zasielanim", "suhlas", "suhlasim", "odber", "marketingove",
                        "marketingovych", "marketingovy"])
        add(0.4, "sk", ["obchodnych", "oznameni"])
        add(1, "de", ["newsletteranmeldung", "werbeeinwilligung"])
        add(0.6, "de", ["einwilligung", "werbung", "abonniert", "willige"])
        add(0.4, "de", ["erhalten", "erhalt", "mochte"])
        add(1, "nl", ["nieuwsbrief"])
        add(0.6, "nl", ["toestemming", "aangemeld"])
        add(0.4, "nl", ["ontvangen", "akkoord"])
        add(1, "pl", ["newslettera"])
        add(0.6, "pl", ["zgoda", "zgode", "subskrypcja", "handlowych", "marketingowa", "zapisany"])
        add(0.4, "pl", ["wyrazam", "otrzymywanie"])
        add(1, "es", ["boletin"])
        add(0.6, "es", ["consentimiento", "suscrito", "recibir"])
        add(0.4, "es", ["acepto", "deseo", "comunicaciones", "comerciales", "comercial"])
        return table
    }()

    /// Words that make a consent column someone else's channel or agreement.
    static let otherChannels: Set<String> = [
        "sms", "text", "texts", "transactional", "waiver", "liability", "push", "whatsapp", "call", "calls",
        "phone", "telefon", "telephone", "post", "postal", "terms", "privacy", "gdpr", "photo", "photos",
    ]

    /// Words that say the column is the opposite of consent: yes means no.
    static let optOut: Set<String> = ["optout", "optedout", "unsubscribed", "unsubscribe", "desabonne", "desinscrit",
                                      "odhlasen", "leiratkozott", "abgemeldet", "afgemeld"]

    /// Yes/no columns of the account's state, not of consent: "Tax Exempt", "Active", "Bloccato".
    static let accountStates: Set<String> = [
        "exempt", "active", "inactive", "blocked", "banned", "archived", "deleted", "verified", "vip", "member",
        "bloque", "archive", "bloccato", "attivo", "archiviato", "aktiv", "gesperrt", "archiviert", "aktivni",
        "blokovany", "blokovane", "zablokowany", "aktywny", "bloqueado", "activo", "geblokkeerd", "actief",
        "letiltva", "inaktiv",
    ]

    /// Words that turn a consent sentence into its opposite.
    static let negations: Set<String> = ["no", "not", "dont", "donotsend", "nesouhlasim", "nesuhlasim", "nie", "keinen", "keine",
                                         "nicht", "pas", "geen", "niet", "non", "nem", "nechci", "nechcem"]

    /// A yes/no column of the account's state ("Tax Exempt", "Active"), asked last: explained as
    /// not consent.
    static func accountState(_ tokens: [String]) -> HeaderWords.Match? {
        guard let state = tokens.first(where: accountStates.contains) else { return nil }
        return HeaderWords.Match(field: nil, words: [state], languages: [],
                                 note: "its word \"\(state)\" speaks of the account's state, not of newsletter consent")
    }

    /// `tokens`: the header's folded words and joined neighbours (`HeaderWords.tokens`).
    static func match(_ tokens: [String]) -> HeaderWords.Match? {
        var score = 0.0
        var found: [String] = []
        var languages: [String] = []
        for token in tokens {
            guard let entries = words[token], let best = entries.max(by: { $0.weight < $1.weight }) else { continue }
            score += best.weight
            found.append(token)
            languages += entries.map(\.language)
        }
        // "Do not send the newsletter", "Nesouhlasím…", "Ich möchte keinen Newsletter": a sentence
        // that says no is an opt-out column.
        let optingOut = tokens.first(where: optOut.contains)
            ?? (score >= 1 ? tokens.first(where: negations.contains) : nil)
        guard score >= 1 || optingOut != nil else { return nil }
        let distinct = HeaderWords.distinct(languages)
        if let channel = tokens.first(where: otherChannels.contains) {
            return HeaderWords.Match(field: nil, words: found + [channel], languages: distinct,
                                     note: "its words (\(found.joined(separator: ", ")), \(channel)) speak of another "
                                        + "channel or agreement, not newsletter consent")
        }
        if let optingOut {
            return HeaderWords.Match(field: .consent, words: found + [optingOut], languages: distinct, note: nil,
                                     inverted: true)
        }
        return HeaderWords.Match(field: .consent, words: found, languages: distinct, note: nil)
    }
}

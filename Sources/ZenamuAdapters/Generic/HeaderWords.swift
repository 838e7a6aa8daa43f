import Foundation
import ZenamuCore

/// Headers read by the words they contain, when no synonym phrase matches the whole header:
/// "Souhaite recevoir la newsletter", "E-mail marketing opt in (yes/no)", "Hírlevélre feliratkozott",
/// "Zasílat novinky e-mailem". Each word carries a weight toward a field; a header whose words
/// reach 1 feeds that field, and the report names the words. Words that mark another channel
/// (SMS, text, transactional, waiver) veto newsletter consent: those columns are not it.
enum HeaderWords {
    struct Word {
        let field: CanonicalField
        let weight: Double
        let language: String
    }

    struct Match {
        /// nil: a column the words place and the tool deliberately does not use.
        let field: CanonicalField?
        let words: [String]
        let languages: [String]
        let note: String?
    }

    /// Folded words (no accents, lower case) → what they say.
    static let words: [String: [Word]] = {
        var table: [String: [Word]] = [:]
        func add(_ field: CanonicalField, _ weight: Double, _ language: String, _ list: [String]) {
            for word in list { table[word, default: []].append(Word(field: field, weight: weight, language: language)) }
        }
        // Newsletter consent: a word that alone says it, and words that say it together.
        add(.consent, 1, "en", ["newsletter", "newsletters", "mailing"])
        add(.consent, 0.6, "en", ["marketing", "optin", "subscribed", "subscribe", "subscription", "consent", "promotions",
                                  "promotional", "updates", "accepts"])
        add(.consent, 1, "fr", ["infolettre"])
        add(.consent, 0.6, "fr", ["recevoir", "souhaite", "abonne", "consentement", "offres"])
        add(.consent, 1, "it", ["iscrizionenewsletter"])
        add(.consent, 0.6, "it", ["consenso", "iscritto", "ricevere", "promozioni"])
        add(.consent, 1, "hu", ["hirlevel", "hirlevelre", "hirlevelet", "hirlevelek"])
        add(.consent, 0.6, "hu", ["feliratkozott", "feliratkozas", "hozzajarulas", "hozzajarult"])
        add(.consent, 1, "cs", ["novinky", "zpravodaj", "newsletteru", "newsletterem"])
        add(.consent, 0.6, "cs", ["zasilat", "zasilani", "souhlas", "odebirat", "odber"])
        add(.consent, 1, "sk", ["novinky"])
        add(.consent, 0.6, "sk", ["zasielat", "zasielanie", "suhlas", "odber"])
        add(.consent, 1, "de", ["newsletteranmeldung"])
        add(.consent, 0.6, "de", ["einwilligung", "werbung", "abonniert"])
        add(.consent, 1, "nl", ["nieuwsbrief"])
        add(.consent, 0.6, "nl", ["toestemming", "aangemeld"])
        add(.consent, 1, "pl", ["newslettera"])
        add(.consent, 0.6, "pl", ["zgoda", "subskrypcja"])
        add(.consent, 1, "es", ["boletin"])
        add(.consent, 0.6, "es", ["consentimiento", "suscrito", "recibir"])
        return table
    }()

    /// Words that make a consent column someone else's channel.
    static let otherChannels: Set<String> = [
        "sms", "text", "texts", "transactional", "waiver", "liability", "push", "whatsapp", "call", "calls",
        "phone", "telefon", "telephone", "post", "postal", "terms", "privacy", "gdpr", "photo", "photos",
    ]

    /// Words that say the column is the opposite of consent.
    static let optOut: Set<String> = ["optout", "unsubscribed", "unsubscribe", "desabonne", "odhlasen", "leiratkozott",
                                      "abgemeldet", "afgemeld"]

    /// The header's words, folded, with each pair of neighbours joined too ("e mail" → "email",
    /// "opt in" → "optin").
    static func tokens(_ header: String) -> [String] {
        guard HeaderText.isPlausible(header) else { return [] }
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }.map { String(String.UnicodeScalarView($0)) }
        return words + zip(words, words.dropFirst()).map { $0 + $1 }
    }

    /// The field the header's words reach, if any.
    static func match(_ header: String) -> Match? {
        let tokens = tokens(header)
        var score = 0.0
        var found: [String] = []
        var languages: [String] = []
        for token in tokens {
            guard let entries = words[token]?.filter({ $0.field == .consent }), let best = entries.max(by: { $0.weight < $1.weight })
            else { continue }
            score += best.weight
            found.append(token)
            languages += entries.map(\.language)
        }
        guard score >= 1 else { return nil }
        let distinct = languages.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if let channel = tokens.first(where: otherChannels.contains) {
            return Match(field: nil, words: found + [channel], languages: distinct,
                         note: "its words (\(found.joined(separator: ", ")), \(channel)) speak of another channel or "
                            + "agreement, not newsletter consent")
        }
        if tokens.contains(where: optOut.contains) {
            return nil
        }
        return Match(field: .consent, words: found, languages: distinct, note: nil)
    }
}

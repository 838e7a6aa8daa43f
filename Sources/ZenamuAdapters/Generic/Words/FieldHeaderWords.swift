import ZenamuCore

/// The e-mail, phone, name, client id and pass expiry read by their words when no synonym phrase
/// matches the whole header: "Primary Email", "E-mail klienta", "Day Phone", "Tél. domicile",
/// "Nome cliente", "Mitgliedsnummer", "Bérlet lejárata", "Data ważności karnetu". Each field has
/// words of which one must be there (a stem starting a word, or with `*` inside one), words of
/// which one must be there beside it when the first alone would be too loose, and words that say
/// the column is something else ("Emergency Phone", "Card Expiration", "Company Name").
enum FieldHeaderWords {
    struct Rule: Sendable {
        let field: CanonicalField
        let words: [String]
        /// When not empty, one of these must be there too.
        let with: [String]
        let not: [String]
        var rank = 0

        func found(in words: [String], _ stems: [String]) -> String? {
            for word in words {
                for stem in stems {
                    if FieldHeaderWords.matches(stem, word) { return word }
                }
            }
            return nil
        }
    }

    /// `*stem` may sit inside a word, `stem$` is the whole word, a stem of three letters or fewer
    /// is the whole word, any other starts one.
    static func matches(_ stem: String, _ word: String) -> Bool {
        if stem.hasPrefix("*") { return word.contains(stem.dropFirst()) }
        if stem.hasSuffix("$") { return word == stem.dropLast() }
        return stem.count <= 3 ? word == stem : word.hasPrefix(stem)
    }

    static let clientWords = ["client", "customer", "member$", "members$", "cliente", "klient", "zakaznik", "ugyfel", "kunde", "mitglied",
                              "socio", "lid", "clienta", "klienta", "czlonk", "uczestnik", "student", "alumno", "yogi"]
    static let passWords = ["abonnement", "abbonamento", "permanentk", "berlet", "karnet", "carnet", "pass", "membership",
                            "mitgliedschaft", "bono", "tessera", "strippenkaart", "blockkarte"]

    static let expiryWords = ["expir", "expire", "scaden", "lejar", "ervenyes", "platnost", "platn", "wazn", "vencim",
                              "caducid", "gultig", "ablauf", "vervaldatum", "geldig"]
    static let nameWords = ["name", "nom", "nome", "nombre", "naam", "nazwa", "nev", "neve$", "jmeno", "meno"]
    /// People who are not the client.
    static let otherPeople = ["emergency", "notfall", "urgence", "emergenza", "nouzov", "vesz", "awaryj", "emergencia",
                              "nood", "staff", "employee", "instructor", "teacher", "trainer", "referr", "company", "firma",
                              "business"]

    static let rules: [Rule] = [
        Rule(field: .email, words: ["email", "emails", "mail", "courriel", "correo", "*email"], with: [],
             not: ["verified", "valid", "bounced", "status", "confirmed", "marketing", "opt", "consent", "domain", "receive",
                   "allow", "ok$", "no$", "send", "accept", "subscri", "newsletter"] + otherPeople),
        Rule(field: .phone, words: ["mobile", "mobil", "cell", "handy", "portable", "cellulare", "komork", "movil", "gsm"],
             with: [], not: ["emergency", "notfall", "urgence", "emergenza", "nouzov", "vesz", "awaryj", "emergencia",
                             "nood", "verified"], rank: HeaderSynonym.mobile),
        Rule(field: .phone, words: ["phone", "telephone", "tel", "telefon", "telefono", "telefoon", "telefonu"], with: [],
             not: ["emergency", "notfall", "urgence", "emergenza", "nouzov", "vesz", "awaryj", "emergencia", "nood",
                   "verified"], rank: HeaderSynonym.generalPhone),
        Rule(field: .givenName, words: ["first", "given", "fore"], with: nameWords, not: otherPeople),
        Rule(field: .familyName, words: ["last", "surname", "family", "sur$"], with: nameWords, not: otherPeople),
        Rule(field: .fullName, words: nameWords,
             with: clientWords, not: ["studio", "user", "login", "pass", "membership", "plan", "product", "service", "class",
                                     "package"] + otherPeople),
        Rule(field: .clientID, words: ["id", "identifiant", "nr", "no", "number", "numero", "cislo", "azonosito", "code",
                                       "codice", "*nummer", "*szam"], with: clientWords + ["*kunden", "*mitglied", "*lid"],
             not: ["phone", "tel", "tax", "vat", "card", "pass", "membership", "zip", "postal", "post", "referr", "stripe",
                   "promo", "coupon", "discount", "voucher", "gift"]),
        Rule(field: .clientID, words: ["*mitgliedsnummer", "*kundennummer", "*lidnummer", "*klantnummer"], with: [], not: []),
        Rule(field: .passExpiry, words: expiryWords, with: [],
             not: ["card", "carte", "tarjeta", "karty", "karte", "birth", "naissance", "nascita", "szulet", "narozen",
                   "geburt", "urodzenia", "nacimiento", "geboorte",
                   // The first day of validity ("gültig ab", "valid from"), not the last.
                   "ab$", "vanaf", "od$", "kezdet", "from$", "start", "beginn", "debut", "inizio", "desde", "zacat", "pocat",
                   "von$"]),
        Rule(field: .passExpiry, words: ["fin", "end", "ende", "konec", "koniec", "vege"], with: passWords, not: []),
        Rule(field: .country, words: ["country$", "pays$", "paese$", "orszag", "zeme$", "krajina$", "land$", "kraj$", "pais$"],
             with: [], not: ["birth", "naissance", "nascita", "szulet", "narozen", "geburt", "urodzenia", "nacimiento",
                             "geboorte", "origin", "nationality"]),
    ]

    static func match(_ words: [String]) -> HeaderWords.Match? {
        for rule in rules {
            guard let word = rule.found(in: words, rule.words) else { continue }
            if !rule.with.isEmpty, rule.found(in: words, rule.with) == nil { continue }
            if let other = rule.found(in: words, rule.not) {
                return HeaderWords.Match(field: nil, words: [word, other], languages: [],
                                         note: "its words (\(word), \(other)) say it is not the client's \(rule.field.label)")
            }
            return HeaderWords.Match(field: rule.field, words: [word], languages: [], note: nil, rank: rule.rank)
        }
        return nil
    }
}

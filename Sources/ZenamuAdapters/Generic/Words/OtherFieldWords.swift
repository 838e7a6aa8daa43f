import ZenamuCore

/// Columns known not to be a client field of Zenamu's, asked last: their words explain them, so
/// their content never makes them a column to decide (a yes/no "SMS consent" is not newsletter
/// consent; a count of visits made or no-shows is not entries left; a birthday, a postal code,
/// an amount spent are kept in the report, not imported).
enum OtherFieldWords {
    struct Kind {
        let stems: [String]
        let note: String
    }

    static let kinds: [Kind] = [
        Kind(stems: ["sms", "text$", "texts$", "whatsapp", "push", "notification", "notifikac", "powiadom"],
             note: "consent to another channel (SMS, WhatsApp, push), not newsletter consent"),
        Kind(stems: ["terms", "condition", "condizion", "termini", "aszf", "podmink", "podmienk", "podminek", "agb$",
                     "regulamin", "voorwaarden", "privacy", "*datenschutz", "privacidad", "waiver", "liability", "haftung", "gdpr"],
             note: "an agreement to terms, privacy or a waiver, not newsletter consent"),
        Kind(stems: ["birth", "birthday", "naissance", "nascita", "szulet", "narozen", "narodeni", "geburt", "urodzen",
                     "nacimiento", "geboorte"],
             note: "a date of birth, not a client field Zenamu takes"),
        Kind(stems: ["postal", "postcode", "zip$", "postale", "iranyitoszam", "psc$", "plz$", "pocztow"],
             note: "a postal code, not a client field Zenamu takes"),
        Kind(stems: ["visits$", "noshow", "checkin", "points", "orders", "sales", "spend", "spent", "umsatz", "speso",
                     "gastado", "kwota", "zakup", "buchung", "boeking", "rezerwac", "signed", "loyalty", "fidelit", "fedelta", "treue", "vernost", "huseg", "lojalnos", "fidelidad", "loyaliteit"],
             note: "a count of what the client did or spent, not a balance they hold"),
    ]

    /// `words`: the header's folded words (`HeaderWords.words`), with neighbours joined.
    static func match(_ words: [String]) -> HeaderWords.Match? {
        for kind in kinds {
            guard let word = words.first(where: { word in kind.stems.contains { FieldHeaderWords.matches($0, word) } })
            else { continue }
            return HeaderWords.Match(field: nil, words: [word], languages: [], note: "its word \"\(word)\": \(kind.note)")
        }
        return nil
    }
}

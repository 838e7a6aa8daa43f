import ZenamuCore

/// Balances read by their words, in any order and number: a unit of attendance ("class", "séance",
/// "alkalom", "vstup", "Einheit") with a word for what is left ("remaining", "restantes", "maradék",
/// "zbývající", "verbleibend") is remaining entries; a word for stored value ("credit", "Guthaben",
/// "zůstatek", "egyenleg") is credits, unless a unit says they are class credits, which are
/// entries. Words of counts and money that are not a balance ("booked", "attended", "paid", "total")
/// explain the column as something else.
///
/// A stem starts a word ("rest" in "restants"); a few also match inside one, for German and
/// Hungarian compounds ("Restguthaben", "fennmaradó").
enum BalanceHeaderWords {
    /// A stem starts a word; one written with a leading `*` may sit inside it (a compound).
    struct Stem {
        let text: String
        let inside: Bool
        let language: String

        init(_ written: String, language: String) {
            inside = written.hasPrefix("*")
            text = inside ? String(written.dropFirst()) : written
            self.language = language
        }

        func matches(_ word: String) -> Bool { inside ? word.contains(text) : word.hasPrefix(text) }
    }

    private static func stems(_ language: String, _ list: [String]) -> [Stem] { list.map { Stem($0, language: language) } }

    /// Units of attendance.
    static let units: [Stem] = stems("en", ["class", "session", "lesson", "punch", "visit", "entri", "entry", "pass"])
        + stems("fr", ["seance", "cours", "entree", "passag"])
        + stems("it", ["ingress", "lezion"])
        + stems("hu", ["alkal", "belep"])
        + stems("cs", ["vstup", "lekce", "lekci"])
        + stems("sk", ["vstupov", "lekcie"])
        + stems("de", ["*einheit", "eintritt", "besuch"])
        + stems("pl", ["wejsc", "wejscia", "zajec", "trening"])
        + stems("es", ["clase", "sesion", "entrada"])
        + stems("nl", ["lessen", "beurt", "strip"])

    /// What is left.
    static let remaining: [Stem] = stems("en", ["remain", "left", "available", "unused"])
        + stems("fr", ["rest", "dispo"])
        + stems("it", ["rimanent", "residu", "dispon"])
        + stems("hu", ["*marad", "hatralev"])
        + stems("cs", ["zbyv", "zbyva", "zbyt"])
        + stems("sk", ["zostav", "zostava"])
        + stems("de", ["verbleib", "ubrig", "offen"])
        + stems("pl", ["pozostal"])
        + stems("es", ["quedan"])
        + stems("nl", ["resterend"])

    /// Stored value.
    static let value: [Stem] = stems("en", ["credit", "balance", "wallet"])
        + stems("fr", ["solde", "avoir", "monnaie"])
        + stems("it", ["borsellino"])
        + stems("hu", ["*kredit", "*egyenleg"])
        + stems("cs", ["zustatek", "kredity"])
        + stems("sk", ["zostatok"])
        + stems("de", ["*guthaben", "kontostand"])
        + stems("pl", ["kredyt", "srodki"])
        + stems("es", ["*saldo", "monedero"])
        + stems("nl", ["*tegoed"])

    /// Counts and money that are not a balance: bookings made, visits attended, amounts paid or
    /// owed, totals, points.
    static let notABalance: [Stem] = stems("en", ["book", "attend", "used", "taken", "total", "paid", "spent",
                                                   "owed", "outstand", "earned", "point", "cancel", "noshow",
                                                   "shows", "since", "last", "purchas", "bought", "missed", "payment",
                                                   "price", "revenue", "lifetime", "expired", "appointment", "registr",
                                                   "reservation", "tax"])
        + stems("fr", ["reserv", "effectu", "paye", "depens", "achat"])
        + stems("it", ["prenot", "pagat", "effettu"])
        + stems("hu", ["osszes", "foglal", "fizet", "teljes"])
        + stems("cs", ["rezerv", "zaplac", "vycerp", "celkov"])
        + stems("de", ["gesamt", "gebucht", "bezahlt", "besucht"])
        + stems("pl", ["zarezerw", "zaplac", "wykorzyst"])
        + stems("es", ["reservad", "pagad", "usad"])
        + stems("nl", ["geboekt", "betaald", "totaal", "bijgewoond"])

    /// Units that alone, as a plural, name the balance in exports ("Séances", "Vstupy").
    static let pluralAlone: Set<String> = ["seances", "entrees", "alkalmak", "vstupy", "wejscia", "ingressi", "entradas",
                                           "einheiten", "punches", "beurten", "strippen"]

    static func match(_ words: [String]) -> HeaderWords.Match? {
        func found(_ stems: [Stem]) -> [(word: String, stem: Stem)] {
            words.compactMap { word in stems.first { $0.matches(word) }.map { (word, $0) } }
        }
        // "Over" (Dutch: left) and "due" are whole words; elsewhere they start others.
        let left = found(remaining) + words.filter { $0 == "over" }.map { ($0, Stem("over", language: "nl")) }
        let unit = found(units), stored = found(value)
        let all = unit + left + stored
        // A credit card on file is not credit ("Credit Card": yes/no), a gift card's balance is.
        let cardOnFile = words.contains("card") && !words.contains("balance") && left.isEmpty
        // "Visit count" is visits made; "number of visits remaining" is what is left.
        let countOnly = left.isEmpty ? words.first { $0 == "count" || $0 == "number" || $0 == "pocet" } : nil
        let veto = found(notABalance).first?.word ?? words.first { $0 == "due" || $0 == "sold" }
            ?? countOnly ?? (cardOnFile ? "card" : nil)
        if let veto {
            // Alone, a word of counts says what the column is too ("Total Bookings", "Count").
            let named = all.map(\.word) + [veto]
            return HeaderWords.Match(field: nil, words: named, languages: HeaderWords.distinct(all.map(\.stem.language)),
                                     note: "its words (\(named.joined(separator: ", "))) speak of bookings, visits, "
                                        + "money paid or a card on file, not of a balance the client holds")
        }
        guard !unit.isEmpty || !stored.isEmpty else { return nil }
        let field: CanonicalField
        // Units on a pass ("Vstupy na permanentke") are what the pass holds.
        let onAPass = words.contains { word in
            !unit.contains { $0.word == word } && FieldHeaderWords.passWords.contains { word.hasPrefix($0) }
        }
        if !unit.isEmpty, !left.isEmpty || !stored.isEmpty || onAPass || (words.count == 1 && pluralAlone.contains(words[0])) {
            field = .entries
        } else if !stored.isEmpty {
            field = .credits
        } else {
            return nil
        }
        return HeaderWords.Match(field: field, words: all.map(\.word),
                                 languages: HeaderWords.distinct(all.map(\.stem.language)), note: nil)
    }
}

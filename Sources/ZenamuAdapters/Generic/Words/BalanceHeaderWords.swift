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
    /// A stem, written in the notation of `FieldHeaderWords.matches` (`*` inside a word, `$` the
    /// whole word, else the start of one), and the language it belongs to.
    struct Stem {
        let written: String
        let language: String

        init(_ written: String, language: String) {
            self.written = written
            self.language = language
        }

        func matches(_ word: String) -> Bool { FieldHeaderWords.matches(written, word) }
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
        + stems("de", ["verbleib", "ubrig"])
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

    /// Money that is not held: paid, spent, owed. Not a balance, unless units are left
    /// ("paid classes remaining").
    static let moneyNotHeld: [Stem] = stems("en", ["paid", "spent", "owed", "owing", "outstand", "debt", "arrear",
                                                    "purchas", "bought", "payment", "price", "revenue", "tax", "due$"])
        + stems("fr", ["paye", "depens", "achat", "du$", "dette", "impaye"])
        + stems("it", ["pagat", "debito", "insolut"])
        + stems("hu", ["fizet", "tartoz"])
        + stems("cs", ["zaplac", "dluh", "nedoplat"])
        + stems("de", ["bezahlt", "offen", "schuld", "ausstehend"])
        + stems("pl", ["zaplac", "zadluz", "dlug"])
        + stems("es", ["pagad", "deuda", "pendiente"])
        + stems("nl", ["betaald", "openstaand", "schuld"])

    /// Counts of what was done, not what is left: bookings made, visits attended, totals. A total
    /// of stored value ("Gesamtguthaben") is a balance; a total of visits is not.
    static let countsNotLeft: [Stem] = stems("en", ["book", "attend", "used", "taken", "earned", "point", "cancel",
                                                     "noshow", "shows", "since", "last", "missed", "expired", "appointment",
                                                     "registr", "reservation", "checkin"])
        + stems("fr", ["reserv", "effectu"])
        + stems("it", ["prenot", "effettu"])
        + stems("hu", ["foglal"])
        + stems("cs", ["rezerv", "vycerp"])
        + stems("de", ["gebucht", "besucht"])
        + stems("pl", ["zarezerw", "wykorzyst"])
        + stems("es", ["reservad", "usad"])
        + stems("nl", ["geboekt", "bijgewoond", "gevolgd"])
    static let totals: [Stem] = stems("en", ["total", "lifetime"]) + stems("hu", ["osszes", "teljes"])
        + stems("cs", ["celkov"]) + stems("de", ["gesamt"]) + stems("nl", ["totaal"])

    /// Alone (no balance word), these explain a column of counts: "Total Bookings", "Count"
    /// (and money paid or owed explains one of amounts: "Total Spent", "Price").
    static let countsAlone: [Stem] = stems("en", ["book", "attend", "appointment", "registr", "reservation", "checkin",
                                                   "noshow", "count$"])
        + stems("fr", ["reserv"]) + stems("it", ["prenot"]) + stems("hu", ["foglal"]) + stems("cs", ["rezerv"])
        + stems("de", ["gebucht"]) + stems("pl", ["zarezerw"]) + stems("es", ["reservad"]) + stems("nl", ["geboekt", "bijgewoond"])

    /// Units that alone, as a plural, name the balance in exports ("Séances", "Vstupy").
    static let pluralAlone: Set<String> = ["seances", "entrees", "alkalmak", "vstupy", "wejscia", "ingressi", "entradas",
                                           "einheiten", "punches", "beurten", "strippen"]

    static func match(_ words: [String]) -> HeaderWords.Match? {
        func found(_ stems: [Stem]) -> [(word: String, stem: Stem)] {
            words.compactMap { word in stems.first { $0.matches(word) }.map { (word, $0) } }
        }
        // A date of the balance ("Credit Expiry", "Guthaben gültig bis") is its pass's expiry.
        if words.contains(where: { word in FieldHeaderWords.expiryWords.contains { FieldHeaderWords.matches($0, word) } }) {
            return nil
        }
        // "Over" (Dutch: left) is a whole word; elsewhere it starts others.
        let left = found(remaining) + words.filter { $0 == "over" }.map { ($0, Stem("over", language: "nl")) }
        let unit = found(units), stored = found(value)
        let all = unit + left + stored
        // A credit card on file is not credit ("Credit Card": yes/no), a gift card's balance is.
        let cardOnFile = words.contains("card") && !words.contains("balance") && left.isEmpty && !stored.isEmpty
        // "Visit count" is visits made; "number of visits remaining" is what is left.
        let countOnly = left.isEmpty && !unit.isEmpty ? words.first { $0 == "count" || $0 == "number" || $0 == "pocet" } : nil
        let veto: String?
        if unit.isEmpty && stored.isEmpty {
            // "du", "due" alone are other words ("E-mail du client"); beside a balance they are owed.
            veto = found(countsAlone).first?.word ?? found(moneyNotHeld).first { $0.word.count > 3 }?.word
        } else {
            let money = unit.isEmpty || left.isEmpty ? found(moneyNotHeld).first?.word : nil
            let counts = left.isEmpty ? found(countsNotLeft).first?.word : nil
            let total = left.isEmpty && !unit.isEmpty ? found(totals).first?.word : nil
            veto = money ?? counts ?? total ?? countOnly ?? (cardOnFile ? "card" : nil)
        }
        if let veto {
            let named = all.map(\.word) + [veto]
            return HeaderWords.Match(field: nil, words: named, languages: HeaderWords.distinct(all.map(\.stem.language)),
                                     note: "its words (\(named.joined(separator: ", "))) speak of bookings, visits, "
                                        + "money paid or owed or a card on file, not of a balance the client holds")
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

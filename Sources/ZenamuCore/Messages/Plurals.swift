/// The CLDR plural categories a language's nouns take after a number.
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other
}

/// A noun after a number, one template per category the language uses (`{n} entry`,
/// `{n} entries`); a category a language does not use falls back to `other`.
public struct PluralNoun: Sendable, Equatable {
    public var one: String
    public var few: String?
    public var many: String?
    public var other: String

    public init(one: String, few: String? = nil, many: String? = nil, other: String) {
        self.one = one
        self.few = few
        self.many = many
        self.other = other
    }

    public func template(_ category: PluralCategory) -> String {
        switch category {
        case .one: one
        case .few: few ?? other
        case .many: many ?? other
        case .other: other
        }
    }
}

extension MessageLanguage {
    /// The CLDR cardinal category of a number written as the canonical CSV writes it (`5`,
    /// `1000.5`): from its integer digits `i` and its count of visible fraction digits `v`.
    /// (Unicode CLDR, plurals.xml: en, hu; fr and it with their "many" for whole millions; cs.)
    public func pluralCategory(_ number: String) -> PluralCategory {
        let parts = number.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first.flatMap({ Int($0) }) else { return .other }
        let v = parts.count == 2 ? parts[1].count : 0
        let i = abs(whole)
        switch self {
        case .english:
            return i == 1 && v == 0 ? .one : .other
        case .hungarian:
            return i == 1 && v == 0 ? .one : .other
        case .french:
            if i == 0 || i == 1 { return .one }
            return v == 0 && i % 1_000_000 == 0 ? .many : .other
        case .italian:
            if i == 1 && v == 0 { return .one }
            return v == 0 && i != 0 && i % 1_000_000 == 0 ? .many : .other
        case .czech:
            if v != 0 { return .many }
            if i == 1 { return .one }
            return (2...4).contains(i) ? .few : .other
        }
    }
}

extension Words {
    /// "5 entries and 10 credits", in the language's grammar.
    public func balance(entries: String?, credits: String?, language: MessageLanguage) -> String? {
        let amounts = [entries.map { amount(of: self.entries, $0, language) }, credits.map { amount(of: self.credits, $0, language) }]
            .compactMap { $0 }
        return amounts.isEmpty ? nil : amounts.joined(separator: balanceSeparator)
    }

    public func amount(of noun: PluralNoun, _ number: String, _ language: MessageLanguage) -> String {
        IssueKind.render(noun.template(language.pluralCategory(number)), ["n": number])
    }
}

import ZenamuCore

/// Any client list whose header names its columns in one of ten languages. The fallback for every
/// system without an adapter of its own, and the base named adapters build on.
public struct GenericClientList: SourceAdapter {
    public static let id = "generic"

    public init() {}

    public let description = AdapterDescription(
        id: GenericClientList.id,
        name: "Any client list (multilingual header)",
        systems: ["Zenamu import format", "bsport", "Eversports", "Momoyoga", "Reservio", "any other"],
        languages: ["en", "fr", "it", "hu", "cs", "sk", "de", "pl", "es", "nl"],
        fingerprint: "a header row naming at least two client fields (a name or an e-mail among them) "
            + "in any of its languages, found even below a title",
        samples: [
            AdapterSample(
                name: "Zenamu's own sample from the help article",
                csv: """
                    name and surname, email, entries, credits, phone, consent
                    John Doe,john@example.com, 0, 1000, +420 123456789, yes
                    Jane Doe,jane@example.com,,,,
                    Anna Doe,anna@example.com,,150,,
                    """,
                expected: [
                    "John Doe,john@example.com,0,1000,+420123456789,yes",
                    "Jane Doe,jane@example.com,,,,",
                    "Anna Doe,anna@example.com,,150,,",
                ]),
            AdapterSample(
                name: "French headers, family name first",
                csv: """
                    Nom;Prénom;Courriel;Entrées restantes;Téléphone;Newsletter
                    Dupont;Marie;Marie.Dupont@Example.fr;5;06 12 34 56 78;oui
                    """,
                expected: ["Marie Dupont,marie.dupont@example.fr,5,,+33612345678,yes"]),
        ],
        role: .anyClientList)

    public func recognise(header: [String]) -> Recognition {
        let mapping = mapping(for: header)
        let used = mapping.used
        let fields = Set(used.compactMap(\.field))
        let nonEmpty = header.filter { !$0.isEmpty }.count
        guard fields.contains(where: \.isName) || fields.contains(.email), fields.count >= 2, nonEmpty > 0 else {
            return .none
        }
        let share = Double(used.count) / Double(nonEmpty)
        // Never certain: a named system's adapter that knows the exact header should win.
        let confidence = min(0.9, 0.2 + 0.12 * Double(fields.count) + 0.2 * share)
        let names = fields.sorted().map(\.label).joined(separator: ", ")
        return Recognition(confidence: confidence, reasons: [
            "\(used.count) of \(nonEmpty) columns recognised by their header words (\(names))"
        ])
    }

    public func mapping(for header: [String]) -> ColumnMapping {
        let dictionary = HeaderDictionary.shared
        let matches = header.map { dictionary.match($0) }

        // Which name columns exist unambiguously decides the ambiguous words.
        let plain = Set(matches.compactMap { $0?.synonym.ambiguity == nil ? $0?.synonym.field : nil })
        var columns: [MappedColumn] = []
        for (index, text) in header.enumerated() {
            let column = ColumnRef(index: index, header: text)
            guard let match = matches[index] else {
                if let words = HeaderWords.match(text) {
                    let listed = words.words.map { "\"\($0)\"" }.joined(separator: ", ")
                    let languages = words.languages.isEmpty ? "" : " (\(Self.languageList(words.languages)))"
                    var reason = words.note ?? "its words \(listed)\(languages) say \(words.field?.label ?? "")"
                    if words.inverted { reason += "; an opt-out column, so yes means no consent" }
                    columns.append(MappedColumn(column: column, field: words.field, rank: words.rank,
                                                inverted: words.inverted, reason: reason, languages: words.languages))
                    continue
                }
                columns.append(MappedColumn(column: column, field: nil,
                                            reason: text.isEmpty ? "no header" : "not a client field we know",
                                            unexplained: true))
                continue
            }
            let synonym = match.synonym
            guard var field = synonym.field else {
                columns.append(MappedColumn(column: column, field: nil, reason: synonym.note ?? "not used",
                                            languages: match.languages))
                continue
            }
            var why = "\(Self.languageList(match.languages)) word for \(field.label)"
            switch synonym.ambiguity {
            case .givenUnlessAlone where !plain.contains(.familyName):
                field = .fullName
                why = "\(Self.languageList(match.languages)) word for the name; read as the full name because no family-name column exists"
            case .givenUnlessAlone:
                why += " (a family-name column exists)"
            case .familyUnlessAlone where !plain.contains(.givenName):
                field = .fullName
                why = "\(Self.languageList(match.languages)) word for the name; read as the full name because no given-name column exists"
            case .familyUnlessAlone:
                why += " (in French \"nom\" is the family name)"
            case nil:
                break
            }
            if match.distance > 0 { why += ", one letter off \"\(match.phrase)\"" }
            if synonym.inverted { why += "; an opt-out column, so yes means no consent" }
            columns.append(MappedColumn(column: column, field: field, rank: synonym.rank, inverted: synonym.inverted,
                                        reason: why, languages: match.languages))
        }
        Self.keepFirstOfSingleFields(&columns)
        return ColumnMapping(columns: columns, language: Self.dominantLanguage(columns))
    }

    /// Only phones and e-mails may come from several columns (a second e-mail column is read
    /// where the first is empty: a client whose address sits there keeps it); for any other field
    /// the first column wins and the others are listed as ignored, with the reason.
    static func keepFirstOfSingleFields(_ columns: inout [MappedColumn]) {
        var taken: [CanonicalField: String] = [:]
        var emails = 0
        for index in columns.indices {
            guard let field = columns[index].field, field != .phone else { continue }
            if field == .email, let first = taken[field] {
                emails += 1
                columns[index].rank = emails
                columns[index].reason += "; a further e-mail column, read where \"\(first)\" is empty"
                continue
            }
            if let first = taken[field] {
                columns[index].field = nil
                columns[index].reason = "column \"\(first)\" already gives the \(field.label)"
                // A second balance or consent column may hold what the first does not: its content
                // decides whether the user must choose (`column_not_used`).
                columns[index].unexplained = [.entries, .credits, .consent].contains(field)
            } else {
                taken[field] = columns[index].column.header
            }
        }
    }

    /// The language most header words belong to; words shared by many languages weigh less.
    static func dominantLanguage(_ columns: [MappedColumn]) -> String? {
        var votes: [String: Double] = [:]
        for column in columns where !column.languages.isEmpty {
            for language in Set(column.languages) { votes[language, default: 0] += 1 / Double(Set(column.languages).count) }
        }
        let ranked = votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let top = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].value == top.value { return nil }
        return top.key
    }

    public static let languageNames = [
        "en": "English", "fr": "French", "it": "Italian", "hu": "Hungarian", "cs": "Czech", "sk": "Slovak",
        "de": "German", "pl": "Polish", "es": "Spanish", "nl": "Dutch",
    ]

    static func languageList(_ codes: [String]) -> String {
        let unique = codes.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if unique.count > 3 { return "common" }
        return unique.map { languageNames[$0] ?? $0 }.joined(separator: "/")
    }
}

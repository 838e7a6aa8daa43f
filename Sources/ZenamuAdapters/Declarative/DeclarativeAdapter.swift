import ZenamuCore

/// An adapter made of an `AdapterDeclaration`: the generic adapter's reading of the header, with
/// the system's own column names on top, recognised by the headers only that system writes.
public struct DeclarativeAdapter: SourceAdapter {
    public let declaration: AdapterDeclaration
    public let description: AdapterDescription
    private let generic = GenericClientList()
    private let signatureKeys: [String]
    private let columnFields: [String: (field: CanonicalField, rank: Int)?]
    private let minimum: Int
    private let optOutKeys: Set<String>

    public init(_ declaration: AdapterDeclaration) {
        self.declaration = declaration
        description = AdapterDescription(
            id: declaration.id, name: declaration.name, systems: declaration.systems,
            languages: declaration.languages, fingerprint: declaration.fingerprint,
            samples: declaration.samples.map { AdapterSample(name: $0.name, csv: $0.csv, expected: $0.expected) })
        signatureKeys = declaration.signature.map(HeaderText.key)
        var fields: [String: (field: CanonicalField, rank: Int)?] = [:]
        for (header, field) in declaration.columns ?? [:] {
            fields[HeaderText.key(header)] = field.flatMap(AdapterDeclaration.field)
        }
        columnFields = fields
        optOutKeys = Set((declaration.optOutColumns ?? []).map(HeaderText.key))
        minimum = declaration.minimumSignature ?? min(2, declaration.signature.count)
    }

    public var dateOrder: DateOrder? { declaration.dateOrder.flatMap(DateOrder.init(rawValue:)) }

    public var assembly: RowAssembly {
        declaration.assembly.flatMap(AdapterDeclaration.assembly) ?? .onePerRow
    }

    public func recognise(header: [String]) -> Recognition {
        let keys = HeaderText.keySet(header)
        let found = zip(declaration.signature, signatureKeys).filter { keys.contains($0.1) }.map(\.0)
        guard found.count >= minimum, generic.recognise(header: header).confidence > 0 || !mapping(for: header).used.isEmpty
        else { return .none }
        // Above the generic adapter's ceiling (0.9): the system's own headers say more than words.
        let share = Double(found.count) / Double(signatureKeys.count)
        return Recognition(confidence: 0.91 + 0.09 * share, reasons: [
            "\(found.count) of the \(signatureKeys.count) headers \(declaration.systems.joined(separator: "/"))'s export is known by: "
                + found.map { "\"\($0)\"" }.joined(separator: ", ")
        ])
    }

    public func mapping(for header: [String]) -> ColumnMapping {
        var mapping = generic.mapping(for: header)
        let system = declaration.systems.first ?? declaration.name
        for index in mapping.columns.indices {
            let column = mapping.columns[index]
            let key = HeaderText.key(column.column.header)
            if optOutKeys.contains(key), !(column.field == .consent && column.inverted) {
                mapping.columns[index].field = .consent
                mapping.columns[index].inverted = true
                mapping.columns[index].reason = "\(system)'s opt-out column: yes there means no newsletter consent"
                continue
            }
            guard let declared = columnFields[key] else { continue }
            // Where the words already give the same field, the generic reason stays.
            if column.field == declared?.field, declared.map({ $0.rank == column.rank }) ?? true { continue }
            if let declared {
                mapping.columns[index].field = declared.field
                mapping.columns[index].rank = declared.rank
                mapping.columns[index].inverted = false
                mapping.columns[index].reason = "\(system)'s column for the \(declared.field.label)"
            } else {
                mapping.columns[index].field = nil
                mapping.columns[index].reason = "\(system) writes it; not a client field Zenamu takes"
                mapping.columns[index].unexplained = false
            }
        }
        GenericClientList.keepFirstOfSingleFields(&mapping.columns)
        return mapping
    }
}

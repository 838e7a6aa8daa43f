import Foundation
import ZenamuAdapters
import ZenamuCore

/// What `inspect` decided about a file's columns, written as a declarative adapter
/// (`inspect --save-mapping FILE`): every column of the header and the field it feeds (or `null`),
/// the header as its signature, and a sample row of invented values, never the customer's. With
/// `--adapters`, files of the same shape are then read the same way without flags.
public enum SavedMapping {
    /// The declaration for `file` (its report entry, as `inspect` planned it).
    public static func declaration(of file: FileReport) throws -> AdapterDeclaration {
        // A system with an adapter in Swift reads more than columns (passes, packed cells, a second
        // file): a declaration would replace it with less.
        if let adapter = AdapterRegistry.adapter(id: file.system), adapter.description.role == .namedSystem,
           !(adapter is DeclarativeAdapter) {
            throw UsageError("\(file.file) is read by \(adapter.description.name)'s own adapter, which a saved mapping "
                + "would replace with less; decide its columns with --map and --ignore instead (import remembers them).")
        }
        let headers = file.mapping.map(\.column)
        var columns: [String: String?] = [:]
        // A column still to decide stays undecided: saving it as unused would decide it unseen.
        let toDecide = Set(file.problems.compactMap(\.columnLetter))
        for column in file.mapping where !column.column.isEmpty && columns[column.column] == nil
            && !toDecide.contains(column.letter) {
            columns[column.column] = .some(column.field)
        }
        let signature = headers.filter { !$0.isEmpty }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let stem = ((file.file as NSString).deletingPathExtension).lowercased()
        let slug = stem.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? String($0) : "-" }
            .joined().split(separator: "-").joined(separator: "-")
        let csv = ([headers] + [file.mapping.map { invented($0.field) }])
            .map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        var declaration = AdapterDeclaration(
            id: "saved-" + (slug.isEmpty ? "mapping" : String(slug.prefix(40))), name: "Saved mapping of \(file.file)",
            systems: [file.system == GenericClientList.id ? "the export of \(file.file)" : file.systemName ?? file.system],
            languages: [file.language ?? "en"],
            fingerprint: "the header of \(file.file), its columns decided as `inspect --save-mapping` saved them",
            signature: signature, minimumSignature: signature.count, columns: columns,
            samples: [AdapterDeclaration.Sample(name: "Invented client", csv: csv, expected: [])])
        // The expected line is what the tool makes of the invented row with this declaration.
        let adapter = DeclarativeAdapter(declaration)
        let run = try AdapterSampleRun(AdapterSample(name: "Invented client", csv: csv, expected: []),
                                       adapters: [adapter] + AdapterRegistry.all)
        declaration.samples[0].expected = run.clientLines
        return declaration
    }

    /// The declaration as the bundled ones are written: keys sorted, indented.
    public static func json(_ declaration: AdapterDeclaration) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(declaration)
        data.append(0x0A)
        return data
    }

    /// A value no customer wrote, for the field.
    static func invented(_ field: String?) -> String {
        switch field.flatMap(CanonicalField.init(rawValue:)) {
        case .fullName: "Ada Example"
        case .givenName: "Ada"
        case .familyName: "Example"
        case .familyNamePrefix: "van"
        case .email: "ada@example.com"
        case .phone: "+44 20 7946 0000"
        case .entries: "5"
        case .credits: "10"
        case .consent: "yes"
        case .passExpiry: "2099-12-31"
        case .clientID: "1001"
        case .country: "GB"
        case nil: ""
        }
    }

    private static func quoted(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}

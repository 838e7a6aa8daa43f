import ZenamuAdapters
import ZenamuCore

/// The error workbook zenamu-migrate wrote, corrected by the customer and sent back.
///
/// Its "To fix" sheets hold the customer's own columns, read as the generic adapter reads them,
/// plus two columns of ours (`ErrorWorkbookLayout`) in any of the catalogue languages: "Problem", which is not imported,
/// and "Original row", which ties each row to the row of the first file it stands for. Its
/// hidden sheets carry what the first run knew: the clients it imported, its settings and the rows
/// it sent (`context(of:)`).
public struct ReturnedErrorWorkbook: SourceAdapter {
    public static let id = "zenamu-errors"

    private let generic = GenericClientList()

    public init() {}

    public let description = AdapterDescription(
        id: ReturnedErrorWorkbook.id,
        name: "Zenamu error workbook, corrected and sent back",
        systems: ["zenamu-migrate"],
        languages: MessageLanguage.allCases.map(\.rawValue),
        fingerprint: "an \"Original row\" column (in any of its languages) holding references such as "
            + "\"clients.csv #12\", beside the customer's own client columns",
        samples: [
            AdapterSample(
                name: "A corrected row and one still wrong",
                csv: #"""
                    Original row,Problem,Name,Email,Entries
                    clients.csv #4,"""jana@example"" is not a valid e-mail address.",Jana Nováková,jana@example.cz,5
                    clients.csv #9,The client has no name.,,petr@example.cz,2
                    """#,
                expected: ["Jana Nováková,jana@example.cz,5,,,"]),
        ],
        readsEverySheet: true, role: .returnedWorkbook)

    private func ownColumns(_ header: [String]) -> (reference: Int, problem: Int)? {
        ErrorWorkbookLayout.ownColumns(in: header)
    }

    public func recognise(header: [String]) -> Recognition {
        guard let own = ownColumns(header) else { return .none }
        let customer = generic.recognise(header: blanking(own, in: header))
        guard customer.confidence > 0 else { return .none }
        return Recognition(confidence: 1, reasons: [
            "the error workbook zenamu-migrate writes: column \"\(header[own.reference])\" refers to the original rows"
        ] + customer.reasons)
    }

    public func mapping(for header: [String]) -> ColumnMapping {
        guard let own = ownColumns(header) else { return generic.mapping(for: header) }
        var mapping = generic.mapping(for: blanking(own, in: header))
        let added = [own.reference, own.problem]
        for index in added {
            let column = ColumnRef(index: index, header: header[index])
            let reason = index == own.reference
                ? "the original file and row each line stands for (kept for the report, not imported)"
                : "the problem the error workbook explained (not imported)"
            if let position = mapping.columns.firstIndex(where: { $0.column.index == index }) {
                mapping.columns[position] = MappedColumn(column: column, field: nil, reason: reason)
            }
        }
        mapping.addedColumns = Set(added)
        mapping.referenceColumn = own.reference
        return mapping
    }

    public func extract(_ row: SourceRow, mapping: ColumnMapping) -> RawClient {
        generic.extract(row, mapping: mapping)
    }

    public func origin(of row: SourceRow, mapping: ColumnMapping) -> RowReference? {
        mapping.referenceColumn.flatMap { RowReference(text: row[$0]) }
    }

    /// A row the customer emptied but for our own columns was removed, not a client without a
    /// name; other noise is any file's.
    public func noise(_ row: SourceRow, header: SourceRow) -> SkipReason? {
        if let own = ownColumns(header.cells), RowReference(text: row[own.reference]) != nil,
           row.cells.indices.allSatisfy({ $0 == own.reference || $0 == own.problem || row.cells[$0].isEmpty }) {
            return .removedByCustomer
        }
        return SystemNoise.reason(row, header: header)
    }

    /// The hidden sheets the first run wrote. A workbook written before one of them existed
    /// reads without it: no known clients, the settings of this run, no rows counted as sent.
    public func context(of document: any TableFile) throws -> DocumentContext {
        let sent = try document.rows(ofSheetNamed: SentRows.sheetName)?.dropFirst()
            .compactMap(\.first).filter { !$0.isEmpty }
        return DocumentContext(
            knownClients: try document.rows(ofSheetNamed: KnownClient.sheetName)?.compactMap(KnownClient.init(cells:)) ?? [],
            settings: try document.rows(ofSheetNamed: RunSettings.sheetName, limit: 100).map(RunSettings.init(rows:)),
            sentRows: sent ?? [])
    }

    /// The header with our columns emptied, so their words never count as the customer's.
    private func blanking(_ own: (reference: Int, problem: Int), in header: [String]) -> [String] {
        var header = header
        header[own.reference] = ""
        header[own.problem] = ""
        return header
    }
}

/// What happened to one data row. Every row below the header ends as exactly one of these, which is
/// what makes `read = accepted + rejected + merged + skipped` hold.
public enum RowOutcome: Sendable {
    /// Imported; `warnings` are notes on it.
    case accepted(ClientRecord, warnings: [Issue])
    /// Not imported: at least one issue is an error.
    case rejected(Provenance, issues: [Issue])
    /// The same client as an earlier row; folded into it.
    case merged(ClientRecord, issues: [Issue])
    /// Not a client row (blank, a footer such as `Total records: 2`, a title above the header).
    case skipped(Provenance, reason: SkipReason)
}

public enum SkipReason: String, Sendable, Codable {
    case blank
    case footer
    case preamble
    case repeatedHeader = "repeated_header"
    /// A row of a returned error workbook the customer emptied: they removed the client.
    case removedByCustomer = "removed_by_customer"
    /// A line of text the old system printed among the rows ("please read the instructions…").
    case systemNote = "system_note"
    /// A printed report's page number among the rows ("Page 2 of 3", "Seite 2 von 3", "2. oldal").
    case pageNumber = "page_number"
    /// A line above the header (a title) that a printed report repeats at each page break.
    case repeatedTitle = "repeated_title"

    public var explanation: String {
        switch self {
        case .blank: "empty row"
        case .footer: "footer row (a total, not a client)"
        case .preamble: "above the header (a title or column numbers)"
        case .repeatedHeader: "the header repeated"
        case .removedByCustomer: "emptied by the customer (read as removed)"
        case .systemNote: "a note the old system printed among the rows, not a client"
        case .pageNumber: "a page number of a printed report"
        case .repeatedTitle: "the report's title repeated at a page break"
        }
    }
}

/// Where the results go. Sinks see the canonical schema only, never the source system.
public protocol ClientSink: AnyObject {
    /// A file starts: its header, the mapping chosen and the run's language.
    func begin(_ file: FileStart) throws
    /// One row's outcome, in file order.
    func consume(_ outcome: RowOutcome) throws
    /// The run is over and succeeded: a transactional sink commits here.
    func finish(_ report: RunReport) throws
    /// The run failed (`error`): a sink drops what it has written or rolls back. Called at most
    /// once, never after a `finish` that returned: instead of it, or after a `finish` that threw
    /// (to drop what it half wrote).
    func fail(_ error: any Error)
}

extension ClientSink {
    public func begin(_ file: FileStart) throws {}
    public func finish(_ report: RunReport) throws {}
    public func fail(_ error: any Error) {}
}

extension RowOutcome {
    /// The spreadsheet row this outcome is about.
    public var row: Int { provenance.row }

    /// The file this outcome is about.
    public var file: String { provenance.file }

    public var provenance: Provenance {
        switch self {
        case let .accepted(record, _), let .merged(record, _): record.provenance
        case let .rejected(provenance, _), let .skipped(provenance, _): provenance
        }
    }
}

/// What a sink learns as a file starts.
public struct FileStart: Sendable {
    public var table: TableInfo
    public var header: SourceRow
    public var mapping: ColumnMapping
    /// The customer's language, the same for every file of a run.
    public var messages: MessageCatalogue
    /// The adapter reading the file (`generic`, `zenamu-errors`…): the store records it.
    public var system: String
    /// The same in words ("Glofox members"), and its kind: what the customer is shown, since a
    /// sink never names an adapter by its id.
    public var systemName: String
    public var systemRole: AdapterRole
    /// The country assumed for this file's phones without a country code.
    public var region: String?
    /// Clients an earlier run imported, read from a returned error workbook; they go on into the
    /// next one.
    public var knownClients: [KnownClient]
    /// Problems of the file as a whole (`column_not_used`), on its header row.
    public var problems: [Issue] = []

    public init(table: TableInfo, header: SourceRow, mapping: ColumnMapping, messages: MessageCatalogue,
                system: String = "generic", systemName: String = "", systemRole: AdapterRole = .anyClientList,
                region: String? = nil, knownClients: [KnownClient] = []) {
        self.system = system
        self.systemName = systemName
        self.systemRole = systemRole
        self.region = region
        self.table = table
        self.header = header
        self.mapping = mapping
        self.messages = messages
        self.knownClients = knownClients
    }
}

/// Maps the rows of one kind of export to raw client fields. See docs/ARCHITECTURE.md, "Adapters".
///
/// An adapter describes itself (`description`): its id, the systems and languages it covers, and
/// sample files with the canonical rows they must produce. The adapter kit (`ZenamuAdapterKit`)
/// runs every adapter's samples, so adding an adapter adds its tests.
///
/// An adapter owns its whole file through hooks that all have defaults, so a plain client list
/// needs only `recognise` and `mapping`: which rows its system adds (`noise`), how a packed cell
/// unpacks (`extract`), whether several rows make one client (`assembly`), whether the file
/// is a second file joined to the client list (`part`), and what the whole document says of an
/// earlier run (`context(of:)`, `origin(of:mapping:)`: the returned error workbook).
public protocol SourceAdapter: Sendable {
    var description: AdapterDescription { get }

    /// How sure the adapter is that `header` is one of its files (0 = not at all), and why.
    func recognise(header: [String]) -> Recognition

    /// The same, knowing the first data rows below the header: a system whose header is common
    /// but whose values are not (a packed cell, a status letter) looks at them. The default asks
    /// `recognise(header:)`.
    func recognise(header: [String], sample: [SourceRow]) -> Recognition

    /// A row the system adds that is not a client (a footer, the header repeated), or nil.
    func noise(_ row: SourceRow, header: SourceRow) -> SkipReason?

    /// Whether each row is a client, or rows are passes to assemble into clients.
    var assembly: RowAssembly { get }

    /// The order of day and month in the system's slashed dates, when known (nil: a date is read
    /// only when one order makes sense).
    var dateOrder: DateOrder? { get }

    /// Which part of a system's export this header is: the client list, or a report of balances
    /// joined to it on the system's client id.
    func part(of header: [String]) -> FilePart

    /// What each column of `header` feeds, and why.
    func mapping(for header: [String]) -> ColumnMapping

    /// The raw values of one data row. The default reads the mapped columns; an adapter whose
    /// system packs several fields into one cell overrides it.
    func extract(_ row: SourceRow, mapping: ColumnMapping) -> RawClient

    /// What the whole document says before its rows are read: the clients, settings and sent
    /// rows of an earlier run that a reply to it carries. The default: nothing.
    func context(of document: any TableFile) throws -> DocumentContext

    /// The row of an earlier run's file that `row` stands for, in a reply to that run; nil for
    /// a row of a first file (the default).
    func origin(of row: SourceRow, mapping: ColumnMapping) -> RowReference?
}

extension SourceAdapter {
    public var id: String { description.id }

    public func recognise(header: [String], sample: [SourceRow]) -> Recognition { recognise(header: header) }

    public func noise(_ row: SourceRow, header: SourceRow) -> SkipReason? { SystemNoise.reason(row, header: header) }

    public var assembly: RowAssembly { .onePerRow }

    public var dateOrder: DateOrder? { nil }

    public func part(of header: [String]) -> FilePart { .clients }

    public func context(of document: any TableFile) throws -> DocumentContext { DocumentContext() }

    public func origin(of row: SourceRow, mapping: ColumnMapping) -> RowReference? { nil }

    public func extract(_ row: SourceRow, mapping: ColumnMapping) -> RawClient {
        var raw = RawClient(row: row)
        for mapped in mapping.used {
            guard let field = mapped.field else { continue }
            let text = row[mapped.column.index]
            guard !text.isEmpty else { continue }
            raw.values.append(RawValue(text: text, column: mapped.column, inverted: mapped.inverted), for: field)
        }
        return raw
    }
}

/// What kind of reader an adapter is.
public enum AdapterRole: Sendable, Equatable {
    /// One booking system's export (Mindbody, Glofox…), recognised by its own columns.
    case namedSystem
    /// Any client list, read by its header's words in many languages.
    case anyClientList
    /// The tool's own error workbook, corrected and sent back.
    case returnedWorkbook
}

/// What an adapter is, in data: `zenamu-migrate adapters` prints it, the tests run its samples.
public struct AdapterDescription: Sendable {
    public let id: String
    public let name: String
    /// The booking systems whose exports it reads.
    public let systems: [String]
    /// ISO 639-1 codes of the header languages it understands.
    public let languages: [String]
    /// How it recognises a file, in a sentence.
    public let fingerprint: String
    public let samples: [AdapterSample]
    /// Read every sheet of a workbook it recognises, not only the best one (the error workbook has
    /// a "To fix" sheet per file of the first run).
    public let readsEverySheet: Bool
    /// What kind of reader it is, so that the outputs can name it in the customer's words without
    /// knowing adapter ids.
    public let role: AdapterRole

    public init(id: String, name: String, systems: [String], languages: [String], fingerprint: String,
                samples: [AdapterSample], readsEverySheet: Bool = false, role: AdapterRole = .namedSystem) {
        self.readsEverySheet = readsEverySheet
        self.role = role
        self.id = id
        self.name = name
        self.systems = systems
        self.languages = languages
        self.fingerprint = fingerprint
        self.samples = samples
    }
}

/// A small file an adapter must read, and the lines of Zenamu's CSV it must give.
public struct AdapterSample: Sendable {
    public let name: String
    public let csv: String
    /// Expected `clients.csv` lines without the header, e.g. `Jana Nováková,jana@example.cz,5,,,yes`.
    public let expected: [String]

    public init(name: String, csv: String, expected: [String]) {
        self.name = name
        self.csv = csv
        self.expected = expected
    }
}

/// How sure an adapter is about a header, with the reasons `inspect` prints.
public struct Recognition: Sendable, Equatable {
    /// 0 … 1.
    public var confidence: Double
    public var reasons: [String]

    public init(confidence: Double, reasons: [String]) {
        self.confidence = confidence
        self.reasons = reasons
    }

    public static let none = Recognition(confidence: 0, reasons: [])
}

/// The decision for one column.
public struct MappedColumn: Sendable, Equatable {
    public var column: ColumnRef
    /// nil: the column is not used (kept in provenance, listed as ignored).
    public var field: CanonicalField?
    /// Among columns feeding the same field, lower ranks are tried first (mobile before home phone).
    public var rank: Int
    /// The column says the opposite of consent ("Opted out"): yes means no.
    public var inverted: Bool
    /// Why, in words: "French synonym of family name".
    public var reason: String
    /// Languages the header word belongs to, as ISO 639-1 codes.
    public var languages: [String]
    /// Where the decision came from (the plan sets `adapter`, `map`, `ignore` and `content`).
    public var source: ColumnSource = .header
    /// An unused column that nothing explains: neither its header's words nor the adapter say
    /// what it is. Its content decides whether it is a problem (`column_not_used`).
    public var unexplained = false

    public init(column: ColumnRef, field: CanonicalField?, rank: Int = 0, inverted: Bool = false,
                reason: String, languages: [String] = [], unexplained: Bool = false) {
        self.column = column
        self.field = field
        self.rank = rank
        self.inverted = inverted
        self.reason = reason
        self.languages = languages
        self.unexplained = unexplained
    }
}

/// Where a column's decision came from, as `report.json` names it.
public enum ColumnSource: String, Sendable, Equatable {
    /// The header's words (the generic reading, which named adapters build on).
    case header
    /// The adapter of the file's system, where it decides otherwise than the words.
    case adapter
    /// `--map HEADER=field`.
    case map
    /// `--ignore HEADER`.
    case ignore
    /// A decision an earlier import of the studio made (`--map` or `--ignore` then), which the
    /// store remembers for files of the same system.
    case remembered
    /// How the first run read the column, kept in the error workbook it wrote: the reply's
    /// columns are read the same way.
    case firstRun
    /// The column's values: the only column whose content fits the e-mail or the phone.
    case content
}

/// Every column of a header and what it feeds.
public struct ColumnMapping: Sendable, Equatable {
    public var columns: [MappedColumn] {
        didSet { used = Self.used(columns) }
    }
    /// The header's language, when its words tell (ISO 639-1).
    public var language: String?
    /// Columns that are not the customer's: the error workbook's "Problem" and "Original row",
    /// when that workbook comes back. Never written back into a new one.
    public var addedColumns: Set<Int>
    /// The column holding each row's `RowReference` to the original file, in a returned workbook
    /// (the adapter's own note for `SourceAdapter.origin(of:mapping:)`).
    public var referenceColumn: Int?

    public init(columns: [MappedColumn], language: String? = nil, addedColumns: Set<Int> = [],
                referenceColumn: Int? = nil) {
        self.columns = columns
        self.language = language
        self.addedColumns = addedColumns
        self.referenceColumn = referenceColumn
        self.used = Self.used(columns)
    }

    /// The columns that feed a field, best first. Kept, not computed: every row is read through it.
    public private(set) var used: [MappedColumn]

    private static func used(_ columns: [MappedColumn]) -> [MappedColumn] {
        columns.filter { $0.field != nil }.sorted { ($0.rank, $0.column.index) < ($1.rank, $1.column.index) }
    }

    public var ignored: [MappedColumn] { columns.filter { $0.field == nil } }

    /// The best column for each field: where an issue about an empty cell points.
    public var bestColumns: [CanonicalField: ColumnRef] {
        used.reduce(into: [:]) { best, mapped in
            if let field = mapped.field, best[field] == nil { best[field] = mapped.column }
        }
    }

    public var fields: Set<CanonicalField> { Set(columns.compactMap(\.field)) }
}

/// One cell's text and where it came from.
public struct RawValue: Sendable, Equatable {
    public var text: String
    public var column: ColumnRef
    public var inverted: Bool

    public init(text: String, column: ColumnRef, inverted: Bool = false) {
        self.text = text
        self.column = column
        self.inverted = inverted
    }
}

/// A data row as an adapter read it: non-empty values per field, best column first.
public struct RawClient: Sendable, Equatable {
    public var row: SourceRow
    public var values: FieldValues

    public init(row: SourceRow, values: FieldValues = [:]) {
        self.row = row
        self.values = values
    }

    /// The first (best) value for a field.
    public subscript(field: CanonicalField) -> RawValue? { values.first(field) }
}

/// How an adapter's rows become clients.
public enum RowAssembly: Sendable, Equatable {
    /// Each row is one client: streamed, memory independent of the file's length.
    case onePerRow
    /// One row per pass: the rows of one client (same e-mail, else the old system's id, else
    /// name) are one client whose balances are the sum of their unexpired passes.
    case passesByClient
}

/// The part of a system's export a file is.
public enum FilePart: Sendable, Equatable {
    /// Clients, one per row (or per pass, by `RowAssembly`).
    case clients
    /// Balances per client (remaining visits, credits, expiry), joined to the client list of the
    /// same run on the old system's client id; its rows add to a client, they are not clients.
    case balances
}

/// What a document says of the earlier run it answers (`SourceAdapter.context(of:)`).
public struct DocumentContext: Sendable, Equatable {
    /// The clients the earlier run imported: a row of this document on one of their e-mails is
    /// the same client again, or another person.
    public var knownClients: [KnownClient]
    /// The earlier run's phone country and language, kept so the reply reads the same way.
    public var settings: RunSettings?
    /// The original rows the earlier run sent to fix; nil when the document answers no run. The
    /// report's account of a reply (fixed, still to fix, removed, added) counts against them.
    public var sentRows: [String]?

    public init(knownClients: [KnownClient] = [], settings: RunSettings? = nil, sentRows: [String]? = nil) {
        self.knownClients = knownClients
        self.settings = settings
        self.sentRows = sentRows
    }

    /// Whether the document answers an earlier run.
    public var isReply: Bool { sentRows != nil }
}

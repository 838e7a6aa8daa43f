/// The machine-readable account of a run: what `report.json` holds.
///
/// The keys `format`, `encoding`, `delimiter`, `system`, `rows` and `issues` are the contract in
/// ARCHITECTURE.md; the others extend it. Rows are numbered as the customer's spreadsheet shows them.
public struct RunReport: Sendable, Codable, Equatable {
    /// The first file's values, or "mixed" when several files differ.
    public var format: String
    public var encoding: String?
    public var delimiter: String?
    public var system: String
    /// The first file's default country for phones without an international prefix, and where it
    /// came from; each file's own is in `files`.
    public var region: String?
    public var regionSource: String?
    /// The language of messages and the error workbook (ISO 639-1), and where it came from.
    public var locale: String
    public var localeSource: String
    public var rows: RowCounts
    /// In `report.json`, every issue. The report the pipeline hands to sinks leaves `issues` and
    /// `skipped` empty: they stream to the report sink as rows come, so memory does not grow
    /// with them, and the sink writes them in their place (`ReportJSON.write`).
    public var issues: [ReportIssue]
    public var skipped: [SkippedRow]
    public var files: [FileReport]
    /// Every entry and credit of the run's files, where each went (the files' `balances` summed).
    public var balances = Balances()

    public init(format: String, encoding: String?, delimiter: String?, system: String, region: String?,
                regionSource: String?, locale: String = "en", localeSource: String = "default", rows: RowCounts,
                issues: [ReportIssue], skipped: [SkippedRow], files: [FileReport], balances: Balances = Balances()) {
        self.balances = balances
        self.locale = locale
        self.localeSource = localeSource
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.system = system
        self.region = region
        self.regionSource = regionSource
        self.rows = rows
        self.issues = issues
        self.skipped = skipped
        self.files = files
    }
}

extension RunReport {
    /// The problems of whole files (`FileReport.problems`), in file order.
    public var problems: [ReportIssue] { files.flatMap(\.problems) }

    /// A file has a problem of error severity (a column holding balances or consent that nothing
    /// reads): the run exits 1 and `import` writes nothing to the store.
    public var hasFileErrors: Bool { problems.contains { $0.severity == .error } }
}

/// `read = accepted + rejected + merged + skipped`, always.
public struct RowCounts: Sendable, Codable, Equatable {
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    public var merged = 0
    public var skipped = 0

    public init() {}

    public var addsUp: Bool { read == accepted + rejected + merged + skipped }

    public static func + (lhs: Self, rhs: Self) -> Self {
        var sum = RowCounts()
        sum.read = lhs.read + rhs.read
        sum.accepted = lhs.accepted + rhs.accepted
        sum.rejected = lhs.rejected + rhs.rejected
        sum.merged = lhs.merged + rhs.merged
        sum.skipped = lhs.skipped + rhs.skipped
        return sum
    }
}

public struct ReportIssue: Sendable, Codable, Equatable {
    public var file: String
    public var row: Int
    /// The column's header as written; `columnLetter` is where Excel shows it.
    public var column: String?
    public var columnLetter: String?
    public var field: String?
    public var severity: Severity
    public var code: String
    public var message: String
    public var value: String?
    public var suggestion: String?

    /// The issue with its message in the catalogue's language; `onRejectedRow` for an issue of a
    /// row that was not imported.
    public init(_ issue: Issue, messages: MessageCatalogue = .english, onRejectedRow: Bool = false) {
        file = issue.file
        row = issue.row
        column = issue.column?.header
        columnLetter = issue.column?.letter
        field = issue.field?.rawValue
        severity = issue.severity
        code = issue.code
        message = messages.message(for: issue, onRejectedRow: onRejectedRow)
        value = issue.value
        suggestion = issue.suggestion
    }
}

/// Rows skipped for one reason: `row` alone, or the consecutive rows `row` … `through`.
public struct SkippedRow: Sendable, Codable, Equatable {
    public var file: String
    public var row: Int
    /// The last row of the run (`row` itself for one row).
    public var through: Int
    public var reason: SkipReason

    public init(file: String, row: Int, through: Int? = nil, reason: SkipReason) {
        self.file = file
        self.row = row
        self.through = through ?? row
        self.reason = reason
    }

    /// Every row the entry stands for.
    public var rows: ClosedRange<Int> { row...through }
}

/// What was decided about one input file.
public struct FileReport: Sendable, Codable, Equatable {
    public var file: String
    public var format: String
    /// The worksheet read, for a workbook; `sheets` lists them all.
    public var sheet: String?
    public var sheets: [String]
    public var encoding: String?
    public var encodingReason: String?
    public var delimiter: String?
    public var system: String
    /// How sure the adapter was, 0 … 1.
    public var systemConfidence: Double
    public var systemReason: [String]
    /// The adapter's name in words ("Mindbody client list").
    public var systemName: String?
    /// The adapter that came second on the same header, with its confidence: how clear the choice was.
    public var systemRunnerUp: SystemCandidate?
    /// "clients", or "balances" for a system's second file joined to its client list.
    public var part: String = "clients"
    public var headerRow: Int
    public var language: String?
    /// The country assumed for this file's phones without a country code, and where it came from.
    public var region: String?
    public var regionSource: String?
    public var mapping: [ColumnDecision]
    public var rows: RowCounts
    /// For an error workbook sent back: each of its rows, the original row it stands for, and
    /// whether it is now imported. nil for any other file.
    public var corrections: [Correction]?
    /// For an error workbook sent back: what became of the rows sent to the customer and of the rows
    /// they added. nil for any other file.
    public var returned: ReturnedRows?
    /// Problems of the file as a whole, not of a row (a column that holds balances or consent and
    /// is not used: `column_not_used`), in the run's language. They are in `issues` too.
    public var problems: [ReportIssue] = []
    /// The file's entries and credits, where each went.
    public var balances = Balances()
    /// The phones left out because no country was known, and the likeliest country; nil when none was.
    public var phonesWithoutCountry: PhonesWithoutCountry?

    public init(file: String, format: String, sheet: String?, sheets: [String], encoding: String?, encodingReason: String?,
                delimiter: String?, system: String, systemConfidence: Double, systemReason: [String], headerRow: Int,
                language: String?, region: String?, regionSource: String?, mapping: [ColumnDecision], rows: RowCounts,
                corrections: [Correction]? = nil) {
        self.corrections = corrections
        self.file = file
        self.format = format
        self.sheet = sheet
        self.sheets = sheets
        self.encoding = encoding
        self.encodingReason = encodingReason
        self.delimiter = delimiter
        self.system = system
        self.systemConfidence = (systemConfidence * 100).rounded() / 100
        self.systemReason = systemReason
        self.headerRow = headerRow
        self.language = language
        self.region = region
        self.regionSource = regionSource
        self.mapping = mapping
        self.rows = rows
    }
}

/// An adapter and how sure it was.
public struct SystemCandidate: Sendable, Codable, Equatable {
    public var id: String
    public var confidence: Double

    public init(id: String, confidence: Double) {
        self.id = id
        self.confidence = (confidence * 100).rounded() / 100
    }
}

public struct ColumnDecision: Sendable, Codable, Equatable {
    public var column: String
    public var letter: String
    /// nil: ignored (kept in provenance).
    public var field: String?
    public var reason: String
    /// Where the decision came from: `header` (its words), `adapter`, `map` (`--map`), `ignore`
    /// (`--ignore`), `remembered` (an earlier import's decision, kept by the store), `content` (the
    /// values, for an e-mail or phone column the header does not name).
    public var source: String
    /// For an unused column, what its values look like (`ColumnLooks`); nil for a used one.
    public var looksLike: String?

    public init(_ mapped: MappedColumn, looksLike: String? = nil) {
        column = mapped.column.header
        letter = mapped.column.letter
        field = mapped.field?.rawValue
        reason = mapped.reason
        source = mapped.source.rawValue
        self.looksLike = mapped.field == nil ? looksLike : nil
    }
}

// Optional values are written as `null`, never left out: every key of the contract is always there.

extension RunReport {
    /// Every key of `report.json`, each with its value: the one list the encoder and the report
    /// sink (which writes `issues` and `skipped` from its spools) both follow.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case format, encoding, delimiter, system, region, regionSource, locale, localeSource, rows, issues, skipped, files,
             balances
    }

    /// The value written under `key`.
    public func value(for key: CodingKeys) -> any Encodable {
        switch key {
        case .format: format
        case .encoding: encoding
        case .delimiter: delimiter
        case .system: system
        case .region: region
        case .regionSource: regionSource
        case .locale: locale
        case .localeSource: localeSource
        case .rows: rows
        case .issues: issues
        case .skipped: skipped
        case .files: files
        case .balances: balances
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for key in CodingKeys.allCases { try c.encode(value(for: key), forKey: key) }
    }
}

extension ReportIssue {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(row, forKey: .row)
        try c.encode(column, forKey: .column)
        try c.encode(columnLetter, forKey: .columnLetter)
        try c.encode(field, forKey: .field)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(value, forKey: .value)
        try c.encode(suggestion, forKey: .suggestion)
    }
}

extension FileReport {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(format, forKey: .format)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(sheets, forKey: .sheets)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(encodingReason, forKey: .encodingReason)
        try c.encode(delimiter, forKey: .delimiter)
        try c.encode(system, forKey: .system)
        try c.encode(systemConfidence, forKey: .systemConfidence)
        try c.encode(systemReason, forKey: .systemReason)
        try c.encode(systemName, forKey: .systemName)
        try c.encode(systemRunnerUp, forKey: .systemRunnerUp)
        try c.encode(part, forKey: .part)
        try c.encode(headerRow, forKey: .headerRow)
        try c.encode(language, forKey: .language)
        try c.encode(region, forKey: .region)
        try c.encode(regionSource, forKey: .regionSource)
        try c.encode(mapping, forKey: .mapping)
        try c.encode(rows, forKey: .rows)
        try c.encode(corrections, forKey: .corrections)
        try c.encode(returned, forKey: .returned)
        try c.encode(problems, forKey: .problems)
        try c.encode(balances, forKey: .balances)
        try c.encode(phonesWithoutCountry, forKey: .phonesWithoutCountry)
    }
}

extension ColumnDecision {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encode(letter, forKey: .letter)
        try c.encode(field, forKey: .field)
        try c.encode(reason, forKey: .reason)
        try c.encode(source, forKey: .source)
        try c.encode(looksLike, forKey: .looksLike)
    }
}

/// A returned error workbook's account: every row sent to the customer is fixed, still to fix, or
/// removed (emptied, or deleted from the sheet); rows they added are counted apart. For a workbook
/// with several To fix sheets, the first file entry carries the whole workbook's account.
public struct ReturnedRows: Sendable, Codable, Equatable {
    /// Rows the workbook listed to fix when it was written (0 for a workbook from an older tool).
    public var sent = 0
    public var fixed = 0
    public var stillToFix = 0
    public var removed = 0
    /// Rows the customer added (no original row): imported, or to fix in the next workbook.
    public var added = 0
    public var addedImported = 0

    public init() {}
}

/// One row of a returned error workbook: is the original row it stands for fixed now?
public struct Correction: Sendable, Codable, Equatable {
    /// The row in the returned workbook.
    public var row: Int
    public var original: RowReference
    /// Accepted (or merged into an earlier client) this time.
    public var fixed: Bool
    /// Emptied by the customer: read as a row they removed, not as a client without a name.
    public var removed: Bool

    public init(row: Int, original: RowReference, fixed: Bool, removed: Bool = false) {
        self.row = row
        self.original = original
        self.fixed = fixed
        self.removed = removed
    }
}

/// Phones written without their international code in a file whose country is not known: left
/// out, counted, and the `--region` that would read them, with an example.
public struct PhonesWithoutCountry: Sendable, Codable, Equatable {
    public var count: Int
    /// ISO 3166 alpha-2: the country under whose plan most of them are valid numbers.
    public var likelyRegion: String?
    /// One of them as written, and as that country reads it.
    public var example: String?
    public var exampleE164: String?

    public init(count: Int) { self.count = count }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(likelyRegion, forKey: .likelyRegion)
        try c.encode(example, forKey: .example)
        try c.encode(exampleE164, forKey: .exampleE164)
    }
}

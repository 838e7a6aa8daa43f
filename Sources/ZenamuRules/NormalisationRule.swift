import ZenamuCore

/// Turns one field's raw text into canonical values, and says what is wrong with it.
///
/// One rule per file, named for what it demands (`EmailMustBeValid`); each declares the issue
/// kinds it can raise beside itself, so a code and its message are found in one place, and
/// examples of them, which are its tests and its documentation (`docs/ISSUES.md`).
public protocol NormalisationRule: Sendable {
    /// Every kind of issue this rule can raise.
    static var kinds: [IssueKind] { get }
    /// Examples of the kinds this rule defines: each of them raised, and a good value beside it.
    static var examples: [IssueExamples] { get }
    func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext)
}

/// A rule about the client rows became, run once per client after the clients stage has
/// assembled it (balances joined from a second file, passes summed), never again on its rows.
public protocol ClientRule: Sendable {
    /// Every kind of issue this rule can raise.
    static var kinds: [IssueKind] { get }
    /// Examples of the kinds it explains: its tests and its entry in docs/ISSUES.md.
    static var examples: [IssueExamples] { get }
    func apply(to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext)
}

/// What rules may know about the run beyond the row.
public struct RuleContext: Sendable {
    public var file: String
    /// The country assumed for phones without an international prefix ("CZ").
    public var region: String?
    /// The header's language (ISO 639-1): decides name order (Hungarian: family name first) and
    /// which separator is decimal in `1.500`.
    public var language: String?
    public var phones: any PhoneParsing
    /// The best column for each field, to point at when the cell is empty.
    public var columns: [CanonicalField: ColumnRef]
    /// ISO date a pass must last until to count (`PassMustBeCurrent`).
    public var today: String

    /// The order of the system's slashed dates, when its adapter knows it.
    public var dateOrder: DateOrder?

    public init(file: String, region: String?, language: String?, phones: any PhoneParsing,
                columns: [CanonicalField: ColumnRef] = [:], today: String = PassExpiry.today, dateOrder: DateOrder? = nil) {
        self.dateOrder = dateOrder
        self.file = file
        self.today = today
        self.region = region
        self.language = language
        self.phones = phones
        self.columns = columns
    }

    /// Languages that write `1 000,50`.
    public var usesDecimalComma: Bool? {
        guard let language else { return nil }
        return language != "en"
    }
}

/// The issues of one row, with the row's place filled in.
public struct RowIssues: Sendable {
    public let file: String
    public let row: Int
    public private(set) var all: [Issue] = []

    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }

    public mutating func add(_ kind: IssueKind, _ value: RawValue? = nil, field: CanonicalField? = nil,
                             suggestion: String? = nil, details: [String: String] = [:]) {
        all.append(Issue(kind, file: file, row: row, column: value?.column, field: field, value: value?.text,
                         suggestion: suggestion, details: details))
    }

    /// An issue about an empty cell: points at the column without a value.
    public mutating func add(_ kind: IssueKind, emptyIn column: ColumnRef?, field: CanonicalField,
                             details: [String: String] = [:]) {
        all.append(Issue(kind, file: file, row: row, column: column, field: field, details: details))
    }

    public mutating func add(_ issue: Issue) { all.append(issue) }

    public mutating func add(contentsOf other: RowIssues) { all += other.all }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}

/// The rules in the order they run: the row rules on each row by itself, then the client rules
/// on each client the rows became.
public enum RuleBook {
    public static let rules: [any NormalisationRule] = [
        TextMustBeReadable(),
        NameMustBePresent(),
        EmailMustBeValid(),
        EntriesMustBeWholeNumber(),
        CreditsMustBeNumber(),
        PhoneMustBeDialable(),
        ConsentMustBeClear(),
        ReferencesAreKept(),
        PassMustBeCurrent(),
    ]

    /// After the row rules: they need to know the client's balances and whether its e-mail was read.
    public static let clientRules: [any ClientRule] = [
        BalanceNeedsEmail(),
    ]

    /// Every issue kind any part of the pipeline can raise.
    public static var allKinds: [IssueKind] {
        rules.flatMap { type(of: $0).kinds } + clientRules.flatMap { type(of: $0).kinds } + Reconciler.kinds
            + PassAssembly.kinds + CrossFile.kinds + ColumnAccount.kinds
    }

    /// The examples of every kind, one `IssueExamples` a kind, in the order the rules run.
    public static var allExamples: [IssueExamples] {
        rules.flatMap { type(of: $0).examples } + clientRules.flatMap { type(of: $0).examples } + Reconciler.examples
            + PassAssembly.examples + CrossFile.examples + ColumnAccount.examples
    }

    /// Runs the row rules over one row (the rows stage: nothing of other rows is needed).
    public static func normaliseRow(_ raw: RawClient, provenance: Provenance, context: RuleContext)
        -> (record: ClientRecord, issues: RowIssues)
    {
        var record = ClientRecord(provenance: provenance)
        var issues = RowIssues(file: context.file, row: raw.row.number)
        for rule in rules { rule.apply(raw, to: &record, issues: &issues, context: context) }
        return (record, issues)
    }

    /// Runs the client rules over a client the clients stage assembled.
    public static func checkClient(_ record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        for rule in clientRules { rule.apply(to: &record, issues: &issues, context: context) }
    }

    /// Every rule over one row that is a client by itself (the row rules, then the client rules).
    public static func normalise(_ raw: RawClient, provenance: Provenance, context: RuleContext)
        -> (record: ClientRecord, issues: RowIssues)
    {
        var (record, issues) = normaliseRow(raw, provenance: provenance, context: context)
        checkClient(&record, issues: &issues, context: context)
        return (record, issues)
    }
}

import ZenamuCore

/// All the pipeline asks of a store: run one import in one transaction, feeding it through a sink,
/// and say what it did. `ClientStore` (SQLite) is the embedded backend; a server database would be
/// another conformance, with no change to the pipeline or the command line's `import`.
///
/// A backend must: commit only when `run` returns, and leave the store as it was when it throws or
/// the process dies; recognise files it has imported before (nothing changes, and it says so);
/// match clients by e-mail, case-insensitively; replace balances, never add them.
public protocol StoreBackend: AnyObject {
    /// `run` is the pipeline; it is given the store's sink, or nil when the files were imported
    /// before (it still runs, for the report).
    func importing(_ request: ImportRequest, _ run: ((any ClientSink)?) throws -> RunReport) throws
        -> (RunReport, ImportSummary)
}

/// One import as asked: the files, who is invited, and what the user decided about columns.
public struct ImportRequest: Sendable {
    public var files: [String]
    public var toolVersion: String
    /// The studio's name for the invitations (`--studio`); nil keeps the stored one.
    public var studio: String?
    public var policy: InvitePolicy
    public var dryRun: Bool
    /// `--map` and `--ignore` as given: part of the import's identity with the files' content, so
    /// the same file imported again with a column decided otherwise is a new import.
    public var decisions: [String]

    public init(files: [String], toolVersion: String, studio: String?, policy: InvitePolicy, dryRun: Bool,
                decisions: [String] = []) {
        self.files = files
        self.toolVersion = toolVersion
        self.studio = studio
        self.policy = policy
        self.dryRun = dryRun
        self.decisions = decisions
    }
}

extension ClientStore: StoreBackend {}

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
    func importing(files: [String], toolVersion: String, studio: String?, policy: InvitePolicy, dryRun: Bool,
                   _ run: ((any ClientSink)?) throws -> RunReport) throws -> (RunReport, ImportSummary)
}

extension ClientStore: StoreBackend {}

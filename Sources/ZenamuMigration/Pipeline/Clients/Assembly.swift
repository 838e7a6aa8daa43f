import ZenamuCore
import ZenamuRules

/// The clients stage: how a file's prepared rows become clients. One conformer per way (one per
/// row, passes summed per client, balances joined by client id); each runs the client rules once
/// on every client it makes, and hands the client to the run's `ClientBook` to reconcile.
protocol Assembly {
    /// One prepared row, in file order; outcomes go to `emit` as soon as they are known.
    mutating func add(_ row: consuming PreparedRow, emit: (RowOutcome) throws -> Void) throws
    /// The file is read: the outcomes still held back.
    mutating func finish(emit: (RowOutcome) throws -> Void) throws
}

extension Assembly {
    mutating func finish(emit: (RowOutcome) throws -> Void) throws {}
}

/// The clients of the run so far, shared by every file's assembly: the reconciler, and the
/// balances of a system's second file waiting for their client.
final class ClientBook {
    var reconciler = Reconciler()
    var ledger = BalanceLedger()
    /// In a run of several client lists: the files' outcomes held, so one client in two files
    /// becomes one (`CrossFileClients`); nil in a run of one list.
    var crossFile: CrossFileClients?

    /// The assembly for a client list: how its adapter's rows become clients.
    func assembly(for plan: FilePlan) -> any Assembly {
        if plan.adapter.assembly == .passesByClient { return PassesPerClient(book: self, rules: plan.rules) }
        if ledger.hasBalances { return BalancesJoined(book: self, rules: plan.rules) }
        return OnePerRow(book: self, rules: plan.rules)
    }

    /// A client the client rules have checked: rejected for its errors, else reconciled.
    func decide(_ record: ClientRecord, issues: RowIssues, rules: RuleContext) -> RowOutcome {
        guard !issues.hasErrors else { return .rejected(record.provenance, issues: issues.all) }
        return reconcile(record, warnings: issues.all, rules: rules)
    }

    /// The reconcile stage: a client checked against the clients of the run so far: new, the same
    /// again, or another person on the same e-mail.
    func reconcile(_ record: ClientRecord, warnings: [Issue], rules: RuleContext) -> RowOutcome {
        switch reconciler.check(record, emailColumn: rules.columns[.email]) {
        case .unique:
            return .accepted(record, warnings: warnings)
        case let .duplicate(issue):
            return .merged(record, issues: warnings + [issue])
        case let .conflict(issue):
            if let resolved = crossFile?.resolve(record, warnings: warnings, conflict: issue) { return resolved }
            return .rejected(record.provenance, issues: warnings + [issue])
        }
    }
}

/// Each row is one client: streamed, memory independent of the file's length.
struct OnePerRow: Assembly {
    let book: ClientBook
    let rules: RuleContext

    func add(_ row: consuming PreparedRow, emit: (RowOutcome) throws -> Void) throws {
        switch consume row {
        case let .outcome(outcome):
            try emit(outcome)
        case .normalised(var record, var issues):
            RuleBook.checkClient(&record, issues: &issues, context: rules)
            try emit(book.decide(record, issues: issues, rules: rules))
        }
    }
}

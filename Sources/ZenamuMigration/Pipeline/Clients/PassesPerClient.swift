import ZenamuCore
import ZenamuRules

/// A pass report (one row per pass, `RowAssembly.passesByClient`): the rows of one client become
/// one client whose balances are the sum of their unexpired passes (`PassAssembler`). The
/// outcomes wait for the end of the file, since a later row may add to an earlier client.
///
/// Each pass is judged by the client rules as it is read: a pass that holds a balance but no
/// e-mail can reach nobody, whichever client it would join.
struct PassesPerClient: Assembly {
    let book: ClientBook
    let rules: RuleContext
    private var passes: PassAssembler

    init(book: ClientBook, rules: RuleContext) {
        self.book = book
        self.rules = rules
        passes = PassAssembler(today: rules.today)
    }

    mutating func add(_ row: consuming PreparedRow, emit: (RowOutcome) throws -> Void) throws {
        switch consume row {
        case let .outcome(outcome):
            passes.add(outcome)
        case .normalised(var record, var issues):
            RuleBook.checkClient(&record, issues: &issues, context: rules)
            if issues.hasErrors {
                passes.add(.rejected(record.provenance, issues: issues.all))
            } else {
                passes.add(pass: record, warnings: issues.all)
            }
        }
    }

    func finish(emit: (RowOutcome) throws -> Void) throws {
        for outcome in passes.outcomes({ book.reconcile($0, warnings: $1, rules: rules) }) { try emit(outcome) }
    }
}

import ZenamuCore
import ZenamuRules

/// A client list whose balances are in a system's second file (Mindbody's pricing options),
/// joined on the old system's client id, in file order: the ledger remembers which client took
/// which balances, and reports the passes nobody took.
struct BalancesJoined: Assembly {
    let book: ClientBook
    let rules: RuleContext

    func add(_ row: consuming PreparedRow, emit: (RowOutcome) throws -> Void) throws {
        switch consume row {
        case let .outcome(outcome):
            try emit(outcome)
        case .normalised(var record, var issues):
            let id = record.sourceClientID
            let joined = book.ledger.peek(id)
            if let joined {
                record.entries = PassAssembler.sum(record.entries, joined.entries)
                record.credits = PassAssembler.sum(record.credits, joined.credits)
                record.passExpiry = record.passExpiry ?? joined.expiry
            }
            // After the join: a client without an e-mail may now hold a balance.
            RuleBook.checkClient(&record, issues: &issues, context: rules)
            // Claimed only by a client that is imported: one rejected, for its own errors or by the
            // reconciler (another person on its e-mail), leaves its passes waiting for the fix.
            let outcome = book.decide(record, issues: issues, rules: rules)
            if let id, joined != nil {
                if case .rejected = outcome { book.ledger.refuse(id) } else { book.ledger.claim(id) }
            }
            try emit(outcome)
        }
    }
}

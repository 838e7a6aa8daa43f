import Foundation
import ZenamuCore
import ZenamuRules

/// The balances of a system's second file (`FilePart.balances`: a pricing-options report of
/// remaining visits and expiry), by the old system's client id, waiting to be joined to the
/// client list. Memory grows with the clients holding a pass.
struct BalanceLedger {
    struct Totals {
        var entries: Int?
        var credits: Decimal?
        var expiry: String?
    }

    private enum Slot {
        case done(RowOutcome)
        /// A pass for a client id: merged when a client takes it, else an error.
        case pass(id: String, record: ClientRecord, row: SourceRow)
    }

    /// One balances file read in full: its rows, in order, and the column naming the client.
    private struct File {
        let clientIDColumn: ColumnRef?
        var slots: [Slot] = []
    }

    private var files: [File] = []
    private(set) var totals: [String: Totals] = [:]
    private var claimed: Set<String> = []
    /// Ids of clients the client list has but did not import (rejected rows).
    private var refused: Set<String> = []

    /// The rules a pass row goes through: only its balance and its references (it names a client
    /// the client list describes).
    static let rules: [any NormalisationRule] = [
        TextMustBeReadable(), EntriesMustBeWholeNumber(), CreditsMustBeNumber(), ReferencesAreKept(), PassMustBeCurrent(),
    ]

    /// A balances file starts; the rows read next are its own.
    mutating func begin(clientIDColumn: ColumnRef?) {
        files.append(File(clientIDColumn: clientIDColumn))
    }

    private mutating func append(_ slot: Slot) {
        files[files.count - 1].slots.append(slot)
    }

    /// Reads one pass row into the ledger.
    mutating func read(_ raw: RawClient, provenance: Provenance, context: RuleContext) {
        var record = ClientRecord(provenance: provenance)
        var issues = RowIssues(file: context.file, row: raw.row.number)
        for rule in Self.rules { rule.apply(raw, to: &record, issues: &issues, context: context) }
        guard !issues.hasErrors else {
            append(.done(.rejected(provenance, issues: issues.all)))
            return
        }
        guard let id = record.sourceClientID, !id.isEmpty else {
            append(.done(.rejected(provenance, issues: issues.all + [
                Issue(.clientIDRequired, file: context.file, row: raw.row.number, column: context.columns[.clientID],
                      field: .clientID),
            ])))
            return
        }
        // An expired pass (its balance set apart, with its warning, by the rules) adds nothing.
        if let expiry = record.passExpiry, PassExpiry.hasExpired(expiry, today: context.today) {
            append(.done(.merged(record, issues: issues.all)))
            return
        }
        var total = totals[id] ?? Totals()
        total.entries = PassAssembler.sum(total.entries, record.entries)
        total.credits = PassAssembler.sum(total.credits, record.credits)
        total.expiry = PassExpiry.later(total.expiry, record.passExpiry)
        totals[id] = total
        append(.pass(id: id, record: record, row: raw.row))
    }

    mutating func skip(_ outcome: RowOutcome) {
        append(.done(outcome))
    }

    /// A client of the client list took the balances of `id`.
    mutating func claim(_ id: String) {
        claimed.insert(id)
        refused.remove(id)
    }

    func peek(_ id: String?) -> Totals? { id.flatMap { totals[$0] } }

    /// Whether any balances file was read: only then do client rows need joining.
    var hasBalances: Bool { !totals.isEmpty }

    /// The client with this id is in the client list but was rejected: their passes wait for them.
    mutating func refuse(_ id: String) {
        if !claimed.contains(id) { refused.insert(id) }
    }

    /// The file's outcomes once every client list is read: a pass is merged into the client that
    /// took it, or is an error naming the id nobody had.
    func outcomes(ofFile index: Int) -> [RowOutcome] {
        let file = files[index]
        return file.slots.map { slot in
            switch slot {
            case let .done(outcome):
                return outcome
            case let .pass(id, record, row):
                if claimed.contains(id) { return .merged(record, issues: []) }
                return .rejected(record.provenance, issues: [
                    Issue(refused.contains(id) ? .passOfRejectedClient : .passWithoutClient, file: record.provenance.file, row: row.number,
                          column: file.clientIDColumn, field: .clientID, value: id,
                          details: record.balanceDetails),
                ])
            }
        }
    }
}

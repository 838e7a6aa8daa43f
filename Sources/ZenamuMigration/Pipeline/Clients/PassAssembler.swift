import Foundation
import ZenamuCore

/// Assembles a pass report (one row per pass, `RowAssembly.passesByClient`) into clients: the
/// rows of one client (same e-mail, else the old system's id, else name) become one client whose
/// entries and credits are the sum of their unexpired passes. The client stands on its first
/// row; its other passes are merged into it, an expired one with a warning.
///
/// The outcomes wait for the end of the file (a later row may add to an earlier client), so
/// memory grows with the report's rows; pass reports are small beside client lists.
struct PassAssembler {
    private struct Client {
        var slot: Int
        var record: ClientRecord
        var warnings: [Issue]
        var entries: Int?
        var credits: Decimal?
    }

    private enum Slot {
        case done(RowOutcome)
        /// The row a client stands on; its outcome is known once every pass is counted.
        case client(String)
        /// Another pass of that client, merged into it; if the client is rejected, it waits with it.
        case pass(String, RowOutcome)
    }

    private var slots: [Slot] = []
    private var clients: [String: Client] = [:]
    let today: String

    /// `today`: the run's (`RuleContext.today`), by which the rules set expired passes apart.
    init(today: String) {
        self.today = today
    }

    /// A row that is not a pass of an accepted client (skipped or rejected): kept in its place.
    mutating func add(_ outcome: RowOutcome) {
        slots.append(.done(outcome))
    }

    /// A pass row that passed the rules (an expired pass's balance already set apart, with its
    /// `pass_expired` warning, by `PassMustBeCurrent`).
    mutating func add(pass record: ClientRecord, warnings: [Issue]) {
        let key = Self.key(record)
        let expired = record.passExpiry.map { PassExpiry.hasExpired($0, today: today) } ?? false
        guard var client = clients[key] else {
            clients[key] = Client(slot: slots.count, record: record, warnings: warnings, entries: record.entries,
                                  credits: record.credits)
            slots.append(.client(key))
            return
        }
        client.entries = Self.sum(client.entries, record.entries)
        client.credits = Self.sum(client.credits, record.credits)
        // The client's pass expiry is the latest of their unexpired passes.
        if !expired { client.record.passExpiry = PassExpiry.later(client.record.passExpiry, record.passExpiry) }
        clients[key] = client
        slots.append(.pass(key, .merged(record, issues: warnings.filter { $0.kind == .passExpired })))
    }

    /// Every row's outcome in file order; `decide` turns each assembled client into its outcome
    /// (reconciliation with the rest of the run).
    func outcomes(_ decide: (ClientRecord, [Issue]) -> RowOutcome) -> [RowOutcome] {
        var decided: [String: RowOutcome] = [:]
        for slot in slots {
            guard case let .client(key) = slot, let client = clients[key] else { continue }
            var record = client.record
            record.entries = client.entries
            record.credits = client.credits
            decided[key] = decide(record, client.warnings)
        }
        return slots.map { slot in
            switch slot {
            case let .done(outcome):
                return outcome
            case let .client(key):
                return decided[key]!
            case let .pass(key, outcome):
                // The pass of a client who was rejected is not imported: it waits for the fix.
                guard case .rejected = decided[key], case let .merged(record, issues) = outcome else { return outcome }
                return .rejected(record.provenance, issues: issues + [
                    Issue(.passOfRejectedClient, file: record.provenance.file, row: record.provenance.row, field: .clientID,
                          value: record.sourceClientID ?? record.email ?? record.name.display, details: record.balanceDetails),
                ])
            }
        }
    }

    static func key(_ record: ClientRecord) -> String {
        if let email = record.email { return "e:" + email }
        if let id = record.sourceClientID { return "i:" + id }
        return "n:" + record.name.display.lowercased()
    }

    static func sum<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? {
        switch (a, b) {
        case let (a?, b?): a + b
        case let (a?, nil): a
        case let (nil, b): b
        }
    }
}

import Foundation
import GRDB
import ZenamuCore

/// Who is invited to sign up when their client lands in the store.
public enum InvitePolicy: String, CaseIterable, Sendable {
    /// Everyone holding entries or credits: what Zenamu requires, so no balance goes unclaimed.
    case balances
    case all
    case none
}

/// What an import did to the store (or, in a dry run, would have done).
public struct ImportSummary: Codable, Sendable, Equatable {
    /// "imported", "already imported" (the same files were imported before: nothing changed) or
    /// "dry run" (nothing written).
    public var outcome: String
    /// The ledger entry of this import; nil in a dry run.
    public var importID: Int64?
    /// For "already imported": the import that brought these files.
    public var previousImportID: Int64?
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var invited = 0
    /// Clients the policy would invite but who have no e-mail: never invited.
    public var notInvitable = 0
    /// Clients whose pass had expired: its entries are kept apart, not as a balance.
    public var expiredPasses = 0
    /// Registered clients whose balances the export would have changed: left as they are, since
    /// they took them over on signing up.
    public var registeredKept = 0
}

/// The store's side of an import: each accepted client is created, or updated when the store
/// already has it (by e-mail, case-insensitive; without e-mail by the old system's id; else by
/// name and phone), with every change recorded; balances are replaced by the export's, never
/// added; the outbox gets the invitations the policy asks for. Lives inside the import's
/// transaction (`ClientStore.importing`), so a failure anywhere leaves the store untouched.
public final class StoreSink: ClientSink {
    private let db: Database
    private let importID: Int64
    private let policy: InvitePolicy
    private let now: String
    private var system = ""
    private var file = ""
    public private(set) var summary: ImportSummary

    init(db: Database, importID: Int64, policy: InvitePolicy, summary: ImportSummary) {
        self.db = db
        self.importID = importID
        self.policy = policy
        self.summary = summary
        now = StoreClock.now()
    }

    public func begin(_ file: FileStart) throws {
        system = file.system
        self.file = file.table.file
    }

    public func consume(_ outcome: RowOutcome) throws {
        guard case let .accepted(record, _) = outcome else { return }
        let balance = StoredBalance(record)
        if balance.expiredEntries > 0 { summary.expiredPasses += 1 }
        if let existing = try find(record) {
            let registered = try update(existing, with: record, balance: balance)
            if !registered { try invite(existing, record: record, balance: balance) }
        } else {
            // A new client is unregistered.
            let client = try insert(record, balance: balance)
            created.insert(client)
            try invite(client, record: record, balance: balance)
            summary.created += 1
        }
        StopPoint.reach("store.client")
    }

    // MARK: - Matching

    /// The clients this import created: a client without an e-mail is matched only to one that
    /// existed before it (the pipeline already matched the run's rows to each other, by e-mail
    /// alone, as `clients.csv` shows them), so two people of one name stay two.
    private var created: Set<Int64> = []

    private func find(_ record: ClientRecord) throws -> Int64? {
        if let email = record.email {
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM clients WHERE email = ?"),
                                     arguments: [email])
        }
        return try findWithoutEmail(record).flatMap { created.contains($0) ? nil : $0 }
    }

    private func findWithoutEmail(_ record: ClientRecord) throws -> Int64? {
        if let id = record.sourceClientID, !id.isEmpty {
            return try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM clients WHERE sourceSystem = ? AND sourceClientID = ? AND email IS NULL"),
                                     arguments: [system, id])
        }
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM clients INDEXED BY clientsWithoutEmail WHERE email IS NULL AND name = ? AND phone IS ?
            """), arguments: [record.name.display, record.phone?.e164])
    }

    // MARK: - Writing

    private func insert(_ record: ClientRecord, balance: StoredBalance) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO clients (name, email, phone, phoneOriginal, sourceSystem, sourceClientID, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
                .execute(arguments: [record.name.display, record.email, record.phone?.e164, record.phone?.original, system,
                             record.sourceClientID, now, now])
        let client = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO consents (clientID, value, file, sourceColumn, word, recordedAt) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [client, record.consent.value.rawValue, file, record.consent.column, record.consent.token, now])
        try db.cachedStatement(sql: """
            INSERT INTO balances (clientID, entries, credits, passExpiry, expiredEntries, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
                .execute(arguments: [client, balance.entries, balance.credits, balance.passExpiry, balance.expiredEntries, now])
        return client
    }

    /// Brings the client up to the export's values; says whether the client has registered.
    private func update(_ client: Int64, with record: ClientRecord, balance: StoredBalance) throws -> Bool {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT c.name, c.phone, c.sourceClientID, c.status, s.value AS consent,
                   b.entries, b.credits, b.passExpiry, b.expiredEntries
            FROM clients c JOIN consents s ON s.clientID = c.id JOIN balances b ON b.clientID = c.id
            WHERE c.id = ?
            """), arguments: [client]) else { return false }
        var changed: [(field: String, old: String?, new: String?)] = []
        func compare(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changed.append((field, old, new)) }
        }
        compare("name", row["name"], record.name.display)
        compare("phone", row["phone"], record.phone?.e164)
        compare("sourceClientID", row["sourceClientID"], record.sourceClientID)
        compare("consent", row["consent"], record.consent.value.rawValue)
        let registered = (row["status"] as String?) == "registered"
        var balanceChanged: [(field: String, old: String?, new: String?)] = []
        for (field, old, new) in [("entries", (row["entries"] as Int64?).map(String.init), balance.entries.map(String.init)),
                                  ("credits", row["credits"] as String?, balance.credits),
                                  ("passExpiry", row["passExpiry"] as String?, balance.passExpiry),
                                  ("expiredEntries", (row["expiredEntries"] as Int64?).map(String.init),
                                   String(balance.expiredEntries))] where old != new {
            balanceChanged.append((field, old, new))
        }
        if registered, !balanceChanged.isEmpty {
            // The client took these balances over on signing up; an old export does not undo that.
            summary.registeredKept += 1
        } else {
            changed += balanceChanged
        }
        guard !changed.isEmpty else {
            summary.unchanged += 1
            return registered
        }
        summary.updated += 1
        for change in changed {
            try db.cachedStatement(sql: "INSERT INTO changes (importID, clientID, field, old, new) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [importID, client, change.field, change.old, change.new])
        }
        try db.cachedStatement(sql: """
            UPDATE clients SET name = ?, phone = ?, phoneOriginal = ?, sourceClientID = ?, updatedAt = ? WHERE id = ?
            """)
                .execute(arguments: [record.name.display, record.phone?.e164, record.phone?.original, record.sourceClientID, now, client])
        try db.cachedStatement(sql: "UPDATE consents SET value = ?, file = ?, sourceColumn = ?, word = ?, recordedAt = ? WHERE clientID = ?")
            .execute(arguments: [record.consent.value.rawValue, file, record.consent.column, record.consent.token, now, client])
        if !registered {
            try db.cachedStatement(sql: """
                UPDATE balances SET entries = ?, credits = ?, passExpiry = ?, expiredEntries = ?, updatedAt = ? WHERE clientID = ?
                """)
                    .execute(arguments: [balance.entries, balance.credits, balance.passExpiry, balance.expiredEntries, now, client])
        }
        return registered
    }

    /// Puts an unregistered client in the outbox when the policy asks for it.
    private func invite(_ client: Int64, record: ClientRecord, balance: StoredBalance) throws {
        let wanted = switch policy {
        case .balances: balance.isBalance
        case .all: true
        case .none: false
        }
        guard wanted else { return }
        guard let email = record.email else {
            summary.notInvitable += 1
            return
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO invitations (clientID, email, importID, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [client, email, importID, now])
        if db.changesCount > 0 { summary.invited += 1 }
    }
}

/// A client's balance as stored: entries of an expired pass are set apart.
struct StoredBalance {
    /// nil: the export gave no value.
    var entries: Int?
    var credits: String?
    var passExpiry: String?
    var expiredEntries: Int

    var isBalance: Bool { (entries ?? 0) > 0 || (credits.flatMap { Decimal(string: $0) } ?? 0) > 0 }

    init(_ record: ClientRecord) {
        credits = record.credits.map(\.plainText)
        passExpiry = record.passExpiry.map { PassExpiry.isoDate($0) ?? $0 }
        // An expired pass's entries were set apart by the rules (`PassMustBeCurrent`): kept on
        // record, not a balance; the balance is what `clients.csv` says.
        entries = record.entries
        expiredEntries = record.expired?.entries ?? 0
    }
}

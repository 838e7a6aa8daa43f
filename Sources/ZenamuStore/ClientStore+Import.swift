import Foundation
import GRDB
import ZenamuCore
import ZenamuSinks

extension ClientStore {
    /// One import: `run` is the pipeline, fed the store's sink. All in one transaction, recorded in
    /// the ledger with the files' content hash: files imported before change nothing (the ledger
    /// says "already imported", and `run` still runs, for the report, without the store's sink).
    /// A dry run does everything and rolls it back.
    public func importing(_ request: ImportRequest, _ run: ((any ClientSink)?) throws -> RunReport) throws
        -> (RunReport, ImportSummary) {
        // The files' content, and the columns' decisions when there are any (so a ledger written
        // before decisions existed still recognises its files).
        let hash = try request.files.map(ContentHash.sha256(path:)).joined(separator: "+")
            + (request.decisions.isEmpty ? "" : "+decided:" + request.decisions.joined(separator: "\u{1F}"))
        let names = request.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let dryRun = request.dryRun
        /// Thrown inside the transaction to roll it back: a file has a problem that must be decided
        /// first (`RunReport.hasFileErrors`), so nothing of the run is written.
        struct Undecided: Error { let report: RunReport }
        let imported: (RunReport, ImportSummary)
        do {
            imported = try importing(request, hash: hash, names: names) { sink in
                let report = try run(sink)
                if report.hasFileErrors { throw Undecided(report: report) }
                return report
            }
        } catch let undecided as Undecided {
            return (undecided.report, ImportSummary(outcome: "not imported", importID: nil, previousImportID: nil))
        }
        if !dryRun { StopPoint.reach("store.committed") }
        return imported
    }

    private func importing(_ request: ImportRequest, hash: String, names: String,
                           _ run: ((any ClientSink)?) throws -> RunReport) throws -> (RunReport, ImportSummary) {
        let (toolVersion, studio, policy, dryRun) = (request.toolVersion, request.studio, request.policy, request.dryRun)
        return try write(rollback: dryRun) { db in
            let now = StoreClock.now()
            let previous = try Int64.fetchOne(db, sql: """
                SELECT id FROM imports WHERE contentHash = ? AND outcome = 'imported' ORDER BY id LIMIT 1
                """, arguments: [hash])
            try db.execute(sql: """
                INSERT INTO imports (files, contentHash, adapter, rowsRead, accepted, rejected, merged, skipped, created,
                                     updated, unchanged, invited, outcome, importedAt, toolVersion)
                VALUES (?, ?, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?, ?)
                """, arguments: [names, hash, previous == nil ? "imported" : "already imported", now, toolVersion])
            let importID = db.lastInsertedRowID
            var summary = ImportSummary(outcome: dryRun ? "dry run" : previous == nil ? "imported" : "already imported",
                                        importID: dryRun ? nil : importID, previousImportID: previous)
            let sink = previous == nil ? StoreSink(db: db, importID: importID, policy: policy, summary: summary) : nil
            let report = try run(sink.map { $0 as any ClientSink })
            if let sink { summary = sink.summary }
            try db.execute(sql: """
                UPDATE imports SET adapter = ?, rowsRead = ?, accepted = ?, rejected = ?, merged = ?, skipped = ?,
                                   created = ?, updated = ?, unchanged = ?, invited = ? WHERE id = ?
                """, arguments: [report.system, report.rows.read, report.rows.accepted, report.rows.rejected, report.rows.merged,
                                 report.rows.skipped, summary.created, summary.updated, summary.unchanged, summary.invited,
                                 importID])
            try Self.remember(decisionsOf: report, importID: importID, now: now, in: db)
            // The studio and its language, for the invitations: set by the first import, or by --studio.
            try db.execute(sql: """
                INSERT INTO studio (id, name, locale) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = coalesce(?, name)
                """, arguments: [studio ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension,
                                 report.locale, studio])
            return (report, summary)
        }
    }
}

/// A column decision the store keeps: files read by `adapter` with column `header` feed `field`
/// (nil: the column is left unused on purpose).
public struct RememberedDecision: Sendable, Equatable {
    public var adapter: String
    public var header: String
    public var field: String?

    public init(adapter: String, header: String, field: String?) {
        self.adapter = adapter
        self.header = header
        self.field = field
    }
}

extension ClientStore {
    /// The decisions earlier imports made (`--map`, `--ignore`), to apply to the next one.
    public func rememberedDecisions() throws -> [RememberedDecision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT adapter, header, field FROM column_decisions ORDER BY adapter, headerKey")
                .map { RememberedDecision(adapter: $0["adapter"], header: $0["header"], field: $0["field"]) }
        }
    }

    /// Keeps what this import's files were decided by (`--map`, `--ignore`, or remembered), by
    /// system and header: the next import of that system starts from it.
    static func remember(decisionsOf report: RunReport, importID: Int64, now: String, in db: Database) throws {
        for file in report.files {
            for column in file.mapping where ["map", "ignore", "remembered"].contains(column.source) {
                try db.execute(sql: """
                    INSERT INTO column_decisions (studio, adapter, headerKey, header, field, importID, decidedAt)
                    VALUES (1, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (studio, adapter, headerKey) DO UPDATE
                    SET header = excluded.header, field = excluded.field, importID = excluded.importID,
                        decidedAt = excluded.decidedAt
                    """, arguments: [file.system, column.column.lowercased(), column.column, column.field, importID, now])
            }
        }
    }
}

/// A client as the store holds it.
public struct StoredClient: Codable, Sendable, Equatable {
    public var name: String
    public var email: String?
    /// nil: the export gave no value.
    public var entries: Int?
    public var credits: String?
    public var phone: String?
    public var consent: String
    public var status: String
    public var invited: Bool
    public var passExpiry: String?
    public var expiredEntries: Int

    public init(name: String, email: String?, entries: Int?, credits: String?, phone: String?, consent: String,
                status: String, invited: Bool, passExpiry: String?, expiredEntries: Int) {
        self.name = name
        self.email = email
        self.entries = entries
        self.credits = credits
        self.phone = phone
        self.consent = consent
        self.status = status
        self.invited = invited
        self.passExpiry = passExpiry
        self.expiredEntries = expiredEntries
    }

    public var hasBalance: Bool { (entries ?? 0) > 0 || (credits.flatMap { Decimal(string: $0) } ?? 0) > 0 }

    /// The canonical `clients.csv` cells: the store re-exports in Zenamu's import format.
    public var canonicalCells: [String] {
        [CanonicalCSV.neutralised(name), email ?? "", entries.map(String.init) ?? "", credits ?? "", phone ?? "",
         consent == "unknown" ? "" : consent]
    }
}

/// Which clients `clients` lists; nil means any.
public struct ClientFilter: Sendable {
    public var status: String?
    public var hasBalance: Bool?
    public var consent: String?
    public var invited: Bool?

    public init(status: String? = nil, hasBalance: Bool? = nil, consent: String? = nil, invited: Bool? = nil) {
        self.status = status
        self.hasBalance = hasBalance
        self.consent = consent
        self.invited = invited
    }
}

/// An invitation waiting in the outbox.
public struct Invitation: Codable, Sendable, Equatable {
    public var email: String
    public var name: String
    public var entries: Int?
    public var credits: String?
    public var createdAt: String

    public init(email: String, name: String, entries: Int? = nil, credits: String? = nil, createdAt: String = "") {
        self.email = email
        self.name = name
        self.entries = entries
        self.credits = credits
        self.createdAt = createdAt
    }
}

extension ClientStore {
    public func clients(_ filter: ClientFilter = ClientFilter()) throws -> [StoredClient] {
        var clients: [StoredClient] = []
        try forEachClient(filter) { clients.append($0) }
        return clients
    }

    /// The clients one at a time, in the order they were created, read from a cursor: memory stays
    /// that of one client whatever the store holds (`clients --format csv|json` streams them).
    public func forEachClient(_ filter: ClientFilter = ClientFilter(), _ body: (StoredClient) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status = filter.status {
            conditions.append("c.status = ?")
            _ = arguments.append(contentsOf: [status])
        }
        if let consent = filter.consent {
            conditions.append("s.value = ?")
            _ = arguments.append(contentsOf: [consent])
        }
        if let invited = filter.invited { conditions.append(invited ? "i.id IS NOT NULL" : "i.id IS NULL") }
        if let hasBalance = filter.hasBalance {
            let balance = "(coalesce(b.entries, 0) > 0 OR coalesce(CAST(b.credits AS REAL), 0) > 0)"
            conditions.append(hasBalance ? balance : "NOT \(balance)")
        }
        let sql = """
            SELECT c.name, c.email, b.entries, b.credits, c.phone, s.value AS consent, c.status,
                   i.id IS NOT NULL AS invited, b.passExpiry, b.expiredEntries
            FROM clients c JOIN consents s ON s.clientID = c.id JOIN balances b ON b.clientID = c.id
            LEFT JOIN invitations i ON i.clientID = c.id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY c.id
            """
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(StoredClient(name: row["name"], email: row["email"], entries: row["entries"], credits: row["credits"],
                                      phone: row["phone"], consent: row["consent"], status: row["status"],
                                      invited: row["invited"], passExpiry: row["passExpiry"],
                                      expiredEntries: row["expiredEntries"]))
            }
        }
    }

    public func invitations() throws -> [Invitation] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.email, c.name, b.entries, b.credits, i.createdAt
                FROM invitations i JOIN clients c ON c.id = i.clientID JOIN balances b ON b.clientID = c.id
                WHERE c.status = 'unregistered' ORDER BY i.id
                """).map { Invitation(email: $0["email"], name: $0["name"], entries: $0["entries"], credits: $0["credits"],
                                      createdAt: $0["createdAt"]) }
        }
    }

    /// The studio's name and language, as the first import recorded them.
    public func studio() throws -> (name: String, locale: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT name, locale FROM studio WHERE id = 1").map { ($0["name"], $0["locale"]) }
        }
    }

    /// The client with `email` signs up: becomes registered, holds its entries and credits, and
    /// leaves the outbox. Refused for an e-mail with no client, or one already registered.
    public func register(email: String) throws -> StoredClient {
        let address = EmailText.canonical(email)
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, status, registeredAt FROM clients WHERE email = ?",
                                             arguments: [address]) else {
                throw StoreError("no client in the store has the e-mail \(address); nothing was registered", kind: .refused)
            }
            guard (row["status"] as String) == "unregistered" else {
                let day = (row["registeredAt"] as String?).map { String($0.prefix(10)) } ?? "an earlier day"
                throw StoreError("\(address) has already signed up (on \(day)) and holds its balances; "
                    + "a second registration is refused", kind: .refused)
            }
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE clients SET status = 'registered', registeredAt = ?, updatedAt = ? WHERE id = ?",
                           arguments: [StoreClock.now(), StoreClock.now(), id])
            try db.execute(sql: "DELETE FROM invitations WHERE clientID = ?", arguments: [id])
        }
        guard let client = try clients().first(where: { $0.email == address }) else {
            throw StoreError("the registration of \(address) could not be read back")
        }
        return client
    }
}

/// One import as the ledger records it.
public struct LedgerEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var files: String
    public var contentHash: String
    public var adapter: String
    public var outcome: String
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    public var invited: Int
    public var importedAt: String
    public var toolVersion: String
}

/// What an import changed about one client.
public struct RecordedChange: Codable, Sendable, Equatable {
    public var importID: Int64
    public var email: String?
    public var field: String
    public var old: String?
    public var new: String?

    public init(importID: Int64, email: String?, field: String, old: String?, new: String?) {
        self.importID = importID
        self.email = email
        self.field = field
        self.old = old
        self.new = new
    }
}

extension ClientStore {
    public func ledger() throws -> [LedgerEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM imports ORDER BY id").map { row in
                LedgerEntry(id: row["id"], files: row["files"], contentHash: row["contentHash"], adapter: row["adapter"],
                            outcome: row["outcome"], rowsRead: row["rowsRead"], accepted: row["accepted"],
                            rejected: row["rejected"], created: row["created"], updated: row["updated"],
                            unchanged: row["unchanged"], invited: row["invited"], importedAt: row["importedAt"],
                            toolVersion: row["toolVersion"])
            }
        }
    }

    public func changes() throws -> [RecordedChange] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT ch.importID, c.email, ch.field, ch.old, ch.new FROM changes ch JOIN clients c ON c.id = ch.clientID
                ORDER BY ch.id
                """).map { RecordedChange(importID: $0["importID"], email: $0["email"], field: $0["field"],
                                          old: $0["old"], new: $0["new"]) }
        }
    }

    /// SQLite's own check of the file: "ok" when every page and index is sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Consent with where it came from.
    public func consent(of email: String) throws -> (value: String, file: String, column: String?, word: String?)? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.value, s.file, s.sourceColumn, s.word FROM consents s JOIN clients c ON c.id = s.clientID
                WHERE c.email = ?
                """, arguments: [email]).map { ($0["value"], $0["file"], $0["sourceColumn"], $0["word"]) }
        }
    }
}

import Foundation
import GRDB
import ZenamuCore
#if canImport(Glibc)
import Glibc
#endif

/// The Zenamu store, embedded: one SQLite file (through GRDB) holding the studio's clients as
/// unregistered users, their consent, their balances, the ledger of imports and the invitation
/// outbox. The pipeline never sees it; it reaches it through `StoreSink`.
///
/// Every import is one transaction: it lands whole or not at all, even when the process is killed
/// (SQLite's journal). Two imports at once: the second waits a few seconds for the first, then
/// stops with a clear message; the file is never corrupted.
public final class ClientStore {
    public let path: String
    let queue: DatabaseQueue
    /// How long an import waits for another one to finish before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// Opens the store at `path`, creating it (readable by its owner only: it holds personal data)
    /// when `create` is set and it does not exist. An older store is migrated; one written by a
    /// newer version of the tool is refused.
    public init(path: String, create: Bool) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { throw StoreError("there is no store at \(path); create one with `zenamu-migrate import`") }
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            // EEXIST: another import created it a moment ago; the migration lock below orders us.
            guard descriptor >= 0 || errno == EEXIST else {
                throw StoreError("cannot create the store \(path): \(String(cString: strerror(errno)))", kind: .unwritable)
            }
            if descriptor >= 0 { close(descriptor) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // SQLite's default page cache is 2 MB; the e-mail index of 100,000 clients alone is
            // larger, and every lookup would go back to the file. 64 MB is a fixed cap, not a
            // buffer that grows with the file.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        // GRDB reads which migrations a store has outside the migrations' own transactions, so
        // two processes opening a new store at once would both create its tables. Opening is
        // serialised with an advisory lock on the store's folder, held for the migration only. (Not
        // on the database file: closing any descriptor of it would drop SQLite's own locks.)
        let folder = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { flock(folder, LOCK_EX) }
        defer { if folder >= 0 { close(folder) } }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            try queue.read { db in
                // Another program's database is refused before anything is written to it.
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
                let ours = try tables.contains("grdb_migrations")
                    && migrator.appliedIdentifiers(db).contains(StoreSchema.firstMigration)
                if !tables.isEmpty, !ours {
                    let listed = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
                    throw StoreError("\(path) is another program's SQLite database (its tables: \(listed)), not a Zenamu "
                        + "store; it is left as it is: choose another --store path")
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw StoreError("the store \(path) was written by a newer version of zenamu-migrate; "
                        + "update the tool to read it (it is left as it is)")
                }
            }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError("\(path) is not a Zenamu store (not an SQLite database); choose another --store path")
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        } catch {
            throw StoreError("cannot open the store \(path): \(error)")
        }
    }

    /// A store in memory, with the same schema: a dry run against a store that does not exist yet
    /// writes no file.
    public init(inMemoryFor path: String) throws {
        self.path = path
        queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
    }

    /// Runs `body` in one immediate write transaction: committed when it returns (unless
    /// `rollback` is set, for a dry run), rolled back when it throws.
    func write<T>(rollback: Bool = false, _ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    if !rollback { StopPoint.reach("store.commit") }
                    return rollback ? .rollback : .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }
}

extension StoreError {
    static func busy(_ path: String) -> StoreError {
        StoreError("the store \(path) is in use by another command; run again when it has finished", kind: .busy)
    }

    /// SQLite's failure as one sentence naming the store, never its SQL.
    public init(_ error: DatabaseError, path: String) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path)
        case .SQLITE_FULL:
            self.init("the store \(path) cannot be written: the disk is full or a file-size limit was reached; "
                + "nothing of this command was kept", kind: .unwritable)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            self.init("the store \(path) cannot be written: it or its folder is read-only; nothing of this command "
                + "was kept", kind: .unwritable)
        case .SQLITE_IOERR:
            self.init("the store \(path) cannot be written: writing to the disk failed (a full disk or a file-size "
                + "limit); nothing of this command was kept", kind: .unwritable)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self.init("the store \(path) is damaged and cannot be read; nothing of this command was kept (restore it "
                + "from a copy)")
        default:
            self.init("the store \(path) cannot be used (SQLite result \(error.resultCode.rawValue)); nothing of this "
                + "command was kept")
        }
    }
}

/// Timestamps as ISO 8601 text, in UTC: sortable, and readable in any SQLite tool.
enum StoreClock {
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

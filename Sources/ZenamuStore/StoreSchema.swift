import GRDB

/// The store's tables, as versioned migrations. A migration, once released, is never edited: a
/// change is a new migration, so every older store can be brought up to date and a store written
/// by a newer tool is recognised (it knows migrations this one does not) and refused.
enum StoreSchema {
    /// The first migration's name: a database that has it applied is a Zenamu store.
    static let firstMigration = "v1: clients, consent, balances, ledger, changes, invitations"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            // One row per client. Status: unregistered until the client signs up with this e-mail.
            try db.execute(sql: """
                CREATE TABLE clients (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    email TEXT COLLATE NOCASE UNIQUE,
                    phone TEXT,
                    phoneOriginal TEXT,
                    sourceSystem TEXT NOT NULL,
                    sourceClientID TEXT,
                    status TEXT NOT NULL DEFAULT 'unregistered' CHECK (status IN ('unregistered', 'registered')),
                    createdAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL,
                    registeredAt TEXT
                );
                CREATE INDEX clientsBySourceID ON clients (sourceSystem, sourceClientID);
                -- Clients without an e-mail are matched by name and phone: without this index each
                -- would be compared with every other such client.
                CREATE INDEX clientsWithoutEmail ON clients (name, phone) WHERE email IS NULL;
                -- Newsletter consent with where it came from: yes, no or unknown, never guessed.
                CREATE TABLE consents (
                    clientID INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
                    value TEXT NOT NULL CHECK (value IN ('yes', 'no', 'unknown')),
                    file TEXT NOT NULL,
                    sourceColumn TEXT,
                    word TEXT,
                    recordedAt TEXT NOT NULL
                );
                -- What the client takes over on signing up. Credits are exact decimals, kept as text.
                -- NULL: the export gave no value (kept apart from an explicit 0, so a re-export is exact).
                -- Entries of a pass that had expired when imported are kept apart: not a balance.
                CREATE TABLE balances (
                    clientID INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
                    entries INTEGER CHECK (entries IS NULL OR entries >= 0),
                    credits TEXT,
                    passExpiry TEXT,
                    expiredEntries INTEGER NOT NULL DEFAULT 0,
                    updatedAt TEXT NOT NULL
                );
                -- One row per import run: what came in, what it did, with which tool.
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY,
                    files TEXT NOT NULL,
                    contentHash TEXT NOT NULL,
                    adapter TEXT NOT NULL,
                    rowsRead INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    merged INTEGER NOT NULL,
                    skipped INTEGER NOT NULL,
                    created INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL,
                    invited INTEGER NOT NULL,
                    outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'already imported')),
                    importedAt TEXT NOT NULL,
                    toolVersion TEXT NOT NULL
                );
                CREATE INDEX importsByHash ON imports (contentHash);
                -- What a later export changed about a client, field by field.
                CREATE TABLE changes (
                    id INTEGER PRIMARY KEY,
                    importID INTEGER NOT NULL REFERENCES imports (id),
                    clientID INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
                    field TEXT NOT NULL,
                    old TEXT,
                    new TEXT
                );
                -- Invitations waiting to be sent: one per client at most.
                CREATE TABLE invitations (
                    id INTEGER PRIMARY KEY,
                    clientID INTEGER NOT NULL UNIQUE REFERENCES clients (id) ON DELETE CASCADE,
                    email TEXT NOT NULL,
                    importID INTEGER NOT NULL REFERENCES imports (id),
                    createdAt TEXT NOT NULL
                );
                -- The studio the store belongs to, and its language, for the invitations.
                CREATE TABLE studio (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL,
                    locale TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: column decisions") { db in
            try db.execute(sql: """
                -- What the user decided about a column (--map, --ignore), by the system whose files
                -- have it and the header as folded (lower case), re-applied to the next import.
                CREATE TABLE column_decisions (
                    studio INTEGER NOT NULL DEFAULT 1,
                    adapter TEXT NOT NULL,
                    headerKey TEXT NOT NULL,
                    header TEXT NOT NULL,
                    field TEXT,
                    importID INTEGER NOT NULL REFERENCES imports(id),
                    decidedAt TEXT NOT NULL,
                    PRIMARY KEY (studio, adapter, headerKey)
                );
                """)
        }
        return migrator
    }
}

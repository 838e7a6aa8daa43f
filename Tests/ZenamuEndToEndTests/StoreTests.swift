import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuStore
import ZenamuTestSupport

/// The Zenamu store, against real SQLite files: clients land once, newer exports update them,
/// the outbox and registration hand balances over, and no failure leaves a half import.
@Suite("The Zenamu store")
struct StoreTests {
    /// A store in a fresh folder, and one import into it through the library.
    struct Studio {
        let folder: TemporaryFolder
        let path: String
        let store: ClientStore

        init() throws {
            folder = try TemporaryFolder()
            path = folder.url.appendingPathComponent("studio.sqlite").path
            store = try ClientStore(path: path, create: true)
        }

        @discardableResult
        func importing(_ files: [URL], policy: InvitePolicy = .balances, dryRun: Bool = false,
                       options: ConversionOptions = ConversionOptions()) throws -> ImportSummary {
            try Conversion(options: options).run(paths: files.map(\.path), into: store, policy: policy, dryRun: dryRun,
                                                 studio: "Studio Lotus", toolVersion: "test", outputs: nil).summary
        }

        func file(_ name: String, _ text: String) throws -> URL { try folder.file(name, text: text) }
    }

    static let header = "name and surname,email,entries,credits,phone,consent\n"

    @Test func anImportLandsClientsAsUnregisteredUsersWithConsentAndLedger() throws {
        let studio = try Studio()
        let summary = try studio.importing([try Fixtures.input(of: "english-corrections")])
        #expect(summary.outcome == "imported" && summary.created == 1 && summary.invited == 1)
        let clients = try studio.store.clients()
        #expect(clients == [StoredClient(name: "Ann Lee", email: "ann.lee@example.com", entries: 10, credits: nil,
                                         phone: nil, consent: "yes", status: "unregistered", invited: true,
                                         passExpiry: nil, expiredEntries: 0)])
        let consent = try #require(try studio.store.consent(of: "ann.lee@example.com"))
        #expect(consent.value == "yes" && consent.file == "input.csv" && consent.column == "Email Opt-In" && consent.word == "Yes")
        let entry = try #require(try studio.store.ledger().first)
        #expect(entry.files == "input.csv" && entry.adapter == "generic" && entry.rowsRead == 5 && entry.accepted == 1
            && entry.rejected == 4 && entry.contentHash.count == 64 && entry.toolVersion == "test")
        // Personal data: the file is its owner's alone.
        let mode = try FileManager.default.attributesOfItem(atPath: studio.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try studio.store.integrityCheck() == "ok")
    }

    @Test func aColumnToDecideImportsNothingUntilMapDecidesIt() throws {
        let studio = try Studio()
        let file = try studio.file("list.csv", "Name,Email,Stand\nAnn Lee,ann@example.com,5\nBob Roe,bob@example.com,12\n")
        let undecided = try studio.importing([file])
        #expect(undecided.outcome == "not imported" && undecided.created == 0)
        #expect(try studio.store.clients().isEmpty)
        // The same file with the column decided is a new import (its identity is content and decisions).
        var options = ConversionOptions()
        options.columnChoices = [try ColumnChoice.map("Stand=entries", files: ["list.csv"])]
        let decided = try studio.importing([file], options: options)
        #expect(decided.outcome == "imported" && decided.created == 2)
        #expect(try studio.store.clients().map(\.entries) == [5, 12])
        var ignoring = ConversionOptions()
        ignoring.columnChoices = [try ColumnChoice.ignore("Stand", files: ["list.csv"])]
        #expect(try studio.importing([file], options: ignoring).outcome == "imported")
        #expect(try studio.importing([file], options: options).outcome == "already imported")
    }

    @Test func theStoreRemembersHowAColumnWasDecidedAndSaysWhenItIsMissing() throws {
        let studio = try Studio()
        var options = ConversionOptions()
        options.columnChoices = [try ColumnChoice.map("Stand=credits", files: [])]
        try studio.importing([try studio.file("march.csv", "Name,Email,Stand\nAnn Lee,ann@example.com,12\n")], options: options)
        let remembered = try studio.store.rememberedDecisions()
        #expect(remembered == [RememberedDecision(adapter: "generic", header: "Stand", field: "credits")])

        // The next export of the same system: the column is read as decided, without the flag.
        var next = ConversionOptions()
        next.rememberedChoices = remembered.map {
            ColumnChoice.remembered(column: $0.header, field: $0.field.flatMap(CanonicalField.init(rawValue:)), adapter: $0.adapter)
        }
        let april = try Conversion(options: next).run(
            paths: [try studio.file("april.csv", "Name,Email,Stand\nAnn Lee,ann@example.com,9\n").path], into: studio.store,
            policy: .balances, dryRun: false, studio: nil, toolVersion: "test", outputs: nil)
        #expect(april.summary.outcome == "imported" && april.report.problems.isEmpty)
        #expect(april.report.files[0].mapping.last?.source == "remembered")
        #expect(try studio.store.clients().map(\.credits) == ["9"])
        // An export without the column: imported, with a warning that the column went missing.
        let may = try Conversion(options: next).run(
            paths: [try studio.file("may.csv", "Name,Email,Phone\nAnn Lee,ann@example.com,\n").path], into: studio.store,
            policy: .balances, dryRun: false, studio: nil, toolVersion: "test", outputs: nil)
        #expect(may.report.problems.map(\.code) == ["mapped_column_missing"] && !may.report.hasFileErrors)
    }

    @Test func anAddressIsOneAddressInComposedOrDecomposedFormAndCase() throws {
        let studio = try Studio()
        let composed = "zo\u{E9}@ex\u{E4}mple.fr", decomposed = "ZOE\u{301}@exa\u{308}mple.fr"
        try studio.importing([try studio.file("list.csv", "Name,Email,Entries\nZoé Example,\(composed),5\n")])
        let again = try studio.importing([try studio.file("list2.csv", "Name,Email,Entries\nZoé Example,\(decomposed),4\n")])
        #expect(again.created == 0 && again.updated == 1)
        #expect(try studio.store.register(email: " \(decomposed) ").email == composed)
        // Lower case, not case folding: ß stays ß.
        #expect(EmailText.canonical("STRAẞE@example.de") == "straße@example.de")
    }

    @Test func theSameFileTwiceChangesNothingAndTheLedgerSaysSo() throws {
        let studio = try Studio()
        let file = try Fixtures.input(of: "zenamu-seed")
        try studio.importing([file])
        let before = try studio.store.clients()
        let again = try studio.importing([file])
        #expect(again.outcome == "already imported" && again.previousImportID == 1 && again.created == 0)
        #expect(try studio.store.clients() == before)
        #expect(try studio.store.ledger().map(\.outcome) == ["imported", "already imported"])
    }

    @Test func aNewerExportUpdatesByEmailAndReplacesBalances() throws {
        let studio = try Studio()
        try studio.importing([try studio.file("march.csv", Self.header + """
            Jana Nováková,jana@example.cz,5,100,,yes
            Petr Svoboda,petr@example.cz,2,,,no
            """)])
        let april = try studio.importing([try studio.file("april.csv", Self.header + """
            Jana Nováková,JANA@Example.cz,3,100,,no
            Petr Svoboda,petr@example.cz,2,,,no
            Eva Malá,eva@example.cz,,,,
            """)])
        #expect(april.created == 1 && april.updated == 1 && april.unchanged == 1)
        let jana = try #require(try studio.store.clients().first { $0.email == "jana@example.cz" })
        // Replaced, never added: 3 entries, not 8.
        #expect(jana.entries == 3 && jana.credits == "100" && jana.consent == "no")
        #expect(try studio.store.changes() == [
            RecordedChange(importID: 2, email: "jana@example.cz", field: "consent", old: "yes", new: "no"),
            RecordedChange(importID: 2, email: "jana@example.cz", field: "entries", old: "5", new: "3"),
        ])
        #expect(try studio.store.clients().count == 3)
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let studio = try Studio()
        try studio.importing([try Fixtures.input(of: "zenamu-seed")])
        let before = try Data(contentsOf: URL(fileURLWithPath: studio.path))
        let dry = try studio.importing([try studio.file("new.csv", Self.header + "Eva Malá,eva@example.cz,4,,,\n")],
                                       dryRun: true)
        #expect(dry.outcome == "dry run" && dry.created == 1 && dry.invited == 1 && dry.importID == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: studio.path)) == before)
        #expect(try studio.store.ledger().count == 1)

        // Against a store that does not exist yet: no file appears.
        let nowhere = studio.folder.url.appendingPathComponent("none.sqlite")
        let result = try CLI.run(["import", try Fixtures.input(of: "zenamu-seed").path, "--store", nowhere.path, "--dry-run"])
        #expect(result.status == 0 && result.stdout.contains("Dry run, nothing written. Store"))
        #expect(!FileManager.default.fileExists(atPath: nowhere.path))
        // Nor an output folder: a dry run with --out is a usage error.
        let out = studio.folder.url.appendingPathComponent("out")
        let refused = try CLI.run(["import", try Fixtures.input(of: "zenamu-seed").path, "--store", studio.path, "--dry-run",
                                   "--out", out.path])
        #expect(refused.status == 64 && refused.stderr.contains("--dry-run writes nothing, so it takes no --out folder"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [(InvitePolicy.balances, 2, 0), (.all, 3, 1), (.none, 0, 0)])
    func invitationsFollowThePolicy(_ policy: InvitePolicy, _ invited: Int, _ notInvitable: Int) throws {
        let studio = try Studio()
        let summary = try studio.importing([try studio.file("list.csv", Self.header + """
            Jana Nováková,jana@example.cz,5,,,yes
            Petr Svoboda,petr@example.cz,,50,,
            Eva Malá,eva@example.cz,,,,
            Adam Bor,,,,,
            """)], policy: policy)
        #expect(summary.invited == invited && summary.notInvitable == notInvitable)
        #expect(try studio.store.invitations().count == invited)
    }

    @Test func registrationHandsTheBalancesOverOnce() throws {
        let studio = try Studio()
        try studio.importing([try studio.file("list.csv", Self.header + "Jana Nováková,jana@example.cz,5,100,,yes\n")])
        let jana = try studio.store.register(email: " Jana@Example.cz ")
        #expect(jana.status == "registered" && jana.entries == 5 && jana.credits == "100" && !jana.invited)
        #expect(try studio.store.invitations().isEmpty)
        #expect(throws: StoreError.self) { try studio.store.register(email: "jana@example.cz") }
        #expect(throws: StoreError.self) { try studio.store.register(email: "nobody@example.cz") }

        // An older export does not take back what the client took over.
        let later = try studio.importing([try studio.file("old.csv", Self.header + "Jana Nováková,jana@example.cz,9,0,,yes\n")])
        #expect(later.registeredKept == 1)
        #expect(try studio.store.clients().first?.entries == 5)
    }

    @Test func anExpiredPassIsNotABalance() throws {
        let studio = try Studio()
        let summary = try studio.importing([try studio.file("passes.csv", """
            name and surname,email,entries,pass expiry
            Jana Nováková,jana@example.cz,5,2020-01-31
            Petr Svoboda,petr@example.cz,4,31.12.2999
            """)])
        #expect(summary.expiredPasses == 1 && summary.invited == 1)
        let clients = try studio.store.clients()
        #expect(clients.map(\.entries) == [nil, 4] && clients.map(\.expiredEntries) == [5, 0])
        #expect(try studio.store.clients(ClientFilter(hasBalance: true)).map(\.email) == ["petr@example.cz"])
    }

    @Test func theCorrectedWorkbookLandsItsFixedRowsInTheSameStore() throws {
        let studio = try Studio()
        let out = try TemporaryFolder()
        let folder = try OutputFolder(path: out.url.path, inputs: [])
        _ = try Conversion(options: ConversionOptions()).run(
            paths: [try Fixtures.input(of: "czech-corrections").path], into: studio.store, policy: .balances, dryRun: false,
            studio: nil, toolVersion: "test", outputs: folder)
        let first = try studio.store.clients()
        let sent = try WorkbookInspector(path: out.url.appendingPathComponent("errors.xlsx").path)
        let returned = try sent.savedAsExcelWould(to: studio.folder.url.appendingPathComponent("opraveno.xlsx"),
                                                           editing: "K opravě", ["input.csv #3": [4: "petr.svoboda@seznam.cz"]])
        let summary = try studio.importing([returned])
        #expect(summary.created == 1 && summary.updated == 0)
        let after = try studio.store.clients()
        #expect(after.count == first.count + 1 && after.contains { $0.email == "petr.svoboda@seznam.cz" })
        #expect(Set(after.compactMap(\.email)).count == after.count)
    }

    @Test func theClientsCommandFiltersAndReExportsTheCanonicalCSV() throws {
        let studio = try Studio()
        try studio.importing([try Fixtures.input(of: "zenamu-seed")])
        let csv = try CLI.run(["clients", "--store", studio.path, "--format", "csv"])
        // Byte for byte what convert writes for the same file: the store re-exports.
        let out = studio.folder.url.appendingPathComponent("converted")
        _ = try CLI.run(["convert", try Fixtures.input(of: "zenamu-seed").path, "--out", out.path])
        let converted = try Data(contentsOf: out.appendingPathComponent("clients.csv"))
        #expect(csv.status == 0 && Data(csv.stdout.utf8) == converted)
        let invited = try CLI.run(["clients", "--store", studio.path, "--invited", "true", "--format", "json"])
        let decoded = try JSONDecoder().decode([StoredClient].self, from: Data(invited.stdout.utf8))
        #expect(decoded.map(\.email) == ["john@example.com", "anna@example.com"])
    }

    @Test func aStoreFromANewerToolIsRefusedAndAnythingElseIsNotAStore() throws {
        let studio = try Studio()
        try studio.importing([try Fixtures.input(of: "zenamu-seed")])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
            + "c.execute(\"INSERT INTO grdb_migrations VALUES ('v2: from the future')\"); c.commit()", studio.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let newer = try CLI.run(["clients", "--store", studio.path])
        #expect(newer.status == 2 && newer.stderr.contains("was written by a newer version of zenamu-migrate"))
        let text = try studio.file("notes.sqlite", "not a database at all, just some text that is long enough")
        let other = try CLI.run(["import", try Fixtures.input(of: "zenamu-seed").path, "--store", text.path])
        #expect(other.status == 73 && other.stderr.contains("is not a Zenamu store"))
    }

    /// A long clean list, for imports that take long enough to be killed or overlapped.
    static func longList(in folder: TemporaryFolder, name: String, rows: Int, offset: Int = 0) throws -> URL {
        var text = header
        for row in offset..<(offset + rows) { text += "Client \(row),client\(row)@example.com,\(row % 7),\(row % 5),,yes\n" }
        return try folder.file(name, text: text)
    }

    /// Where the import is killed (`ZENAMU_STOP_AT`, docs/TESTING.md): before SQLite's commit the
    /// store is as it was; from the commit on it holds the whole import.
    static let kills: [(stage: String, committed: Bool)] = [
        ("convert.batch#1", false), ("store.client#1", false), ("store.client#1000", false), ("store.client#2500", false),
        ("store.commit", false), ("store.committed", true),
    ]

    @Test(.tags(.slow), arguments: kills.map(\.stage))
    func anImportKilledAtAnyStageLeavesTheStoreAsItWasOrWhole(_ stage: String) throws {
        let studio = try Studio()
        try studio.importing([try Fixtures.input(of: "zenamu-seed")])
        let long = try Self.longList(in: studio.folder, name: "long.csv", rows: 2_500)
        let killed = try CLIProcess(["import", long.path, "--store", studio.path], environment: ["ZENAMU_STOP_AT": stage]).wait()
        #expect(killed.signal == SIGKILL, "the import should have stopped itself at \(stage): \(killed.stderr)")
        let store = try ClientStore(path: studio.path, create: false)
        #expect(try store.integrityCheck() == "ok")
        let clients = try store.clients().count, ledger = try store.ledger().count
        // Before: the seed's 3 clients and one import. After: 2,500 more and a second import.
        let committed = try #require(Self.kills.first { $0.stage == stage }).committed
        #expect(committed ? (clients == 2_503 && ledger == 2) : (clients == 3 && ledger == 1),
                "killed at \(stage): \(clients) clients, \(ledger) imports")
    }

    @Test func twoImportsAtOnceWaitOrFailClearlyAndNeverCorrupt() throws {
        let studio = try Studio()
        let first = try Self.longList(in: studio.folder, name: "a.csv", rows: 2_000)
        let second = try Self.longList(in: studio.folder, name: "b.csv", rows: 2_000, offset: 2_000)
        let target = studio.folder.url.appendingPathComponent("shared.sqlite").path
        let runs = [try CLIProcess(["import", first.path, "--store", target]),
                    try CLIProcess(["import", second.path, "--store", target])]
        let ended = runs.map { $0.wait() }
        for run in ended where run.status != 0 {
            #expect(run.status == 73 && run.stderr.contains("is in use by another import; run again when it has finished"),
                    "\(run.status): \(run.stderr)")
        }
        let store = try ClientStore(path: target, create: false)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.clients().count == 2_000 * ended.filter { $0.status == 0 }.count)
        #expect(try store.ledger().count == ended.filter { $0.status == 0 }.count)
    }

    @Test func invitationsExportAsEmailsInTheStudiosLanguage() throws {
        let studio = try Studio()
        let out = try TemporaryFolder()
        let imported = try CLI.run(["import", try Fixtures.input(of: "czech-corrections").path, "--store", studio.path,
                                    "--studio", "Jóga Lotos"])
        #expect(imported.status == 1)
        let exported = try CLI.run(["invitations", "--store", studio.path, "--export", out.url.path,
                                    "--from", "Jóga Lotos <ahoj@lotos.example>"])
        #expect(exported.status == 0 && exported.stdout.contains("Wrote 1 invitation") && exported.stdout.contains("Czech"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted()
        #expect(files == [OutboxExport.manifestName, "0001-jana.novakova@seznam.cz.eml"])
        let file = try #require(files.last)
        let message = try String(contentsOf: out.url.appendingPathComponent(file), encoding: .utf8)
        // RFC 5322: CRLF lines, ASCII headers (non-ASCII as RFC 2047 encoded words), no line past 998.
        #expect(!message.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = message.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let headers = lines.prefix { !$0.isEmpty }
        #expect(headers.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(headers.contains("From: =?UTF-8?B?" + Data("Jóga Lotos".utf8).base64EncodedString() + "?= <ahoj@lotos.example>"))
        #expect(headers.contains { $0.hasPrefix("To: =?UTF-8?B?") && $0.hasSuffix("<jana.novakova@seznam.cz>") })
        #expect(headers.contains("Content-Language: cs"))
        // The plain part, decoded: the studio, the balance waiting and the address to sign up with.
        let parts = message.components(separatedBy: "Content-Transfer-Encoding: base64\r\n\r\n").dropFirst()
        #expect(parts.count == 2)
        let text = try #require(parts.first.flatMap { Data(base64Encoded: $0.components(separatedBy: "\r\n--")[0],
                                                            options: .ignoreUnknownCharacters) })
        let body = String(decoding: text, as: UTF8.self)
        #expect(body.hasPrefix("Dobrý den, Jana Nováková,"))
        #expect(body.contains("Jóga Lotos nyní přijímá rezervace v Zenamu a na vašem účtu tam najdete 10 vstupů."))
        #expect(body.contains("s touto e-mailovou adresou, jana.novakova@seznam.cz,"))
    }

    @Test func theStoreCommandsAsTheREADMEShowsThem() throws {
        // import, again, clients, register (twice, and an unknown e-mail), a missing store,
        // invitations and the ledger.
        let studio = try Studio()
        let out = studio.folder.url.appendingPathComponent("march").path
        let seed = try Fixtures.input(of: "zenamu-seed").path
        let first = try CLI.run(["import", seed, "--store", studio.path, "--studio", "Studio Lotus", "--out", out])
        #expect(first.status == 0 && first.stdout.contains("Store \(studio.path): 3 clients created, 0 updated, 0 unchanged; "
            + "2 invitations added to the outbox."))
        #expect(FileManager.default.fileExists(atPath: out + "/clients.csv"))
        let again = try CLI.run(["import", seed, "--store", studio.path])
        #expect(again.status == 0 && again.stdout.contains("these files were imported before (import #1); nothing changed"))
        let table = try CLI.run(["clients", "--store", studio.path, "--has-balance", "true"])
        #expect(table.status == 0 && table.stdout.hasSuffix("2 clients.\n"))
        let registered = try CLI.run(["register", "JOHN@example.com", "--store", studio.path])
        #expect(registered.status == 0
            && registered.stdout == "john@example.com is registered as John Doe and holds 0 entries and 1000 credits.\n")
        let twice = try CLI.run(["register", "john@example.com", "--store", studio.path])
        #expect(twice.status == 1 && twice.stderr.contains("john@example.com has already signed up (on "))
        let nobody = try CLI.run(["register", "nobody@example.com", "--store", studio.path])
        #expect(nobody.status == 1
            && nobody.stderr == "zenamu-migrate: no client in the store has the e-mail nobody@example.com; nothing was registered\n")
        let missing = try CLI.run(["clients", "--store", studio.folder.url.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 2 && missing.stderr.contains("there is no store at"))
        let outbox = try CLI.run(["invitations", "--store", studio.path])
        #expect(outbox.status == 0 && outbox.stdout.hasSuffix("1 invitation waiting.\n"))
        let ledger = try CLI.run(["ledger", "--store", studio.path])
        let lines = ledger.stdout.split(separator: "\n")
        #expect(ledger.status == 0 && lines.count == 3)
        #expect(lines[1].contains("input.csv  imported ") && lines[2].contains("input.csv  already imported "))
    }
}

/// A store is recognised before anything is written to it.
@Suite("Not a store")
struct ForeignStoreTests {
    /// Another program's SQLite database: one table of its own, made with Python's sqlite3.
    static func foreignDatabase(in folder: TemporaryFolder) throws -> String {
        let path = folder.url.appendingPathComponent("notes.sqlite").path
        let made = try CLIProcess(["-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            + "c.execute('create table notes (x)'); c.execute('insert into notes values (1)'); c.commit()", path],
            program: "/usr/bin/python3").wait()
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    @Test func anotherProgramsDatabaseIsRefusedByEveryCommandAndLeftByteForByte() throws {
        let folder = try TemporaryFolder()
        let database = try Self.foreignDatabase(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let input = try folder.file("list.csv", text: "Name,Email\nAnn Lee,ann@example.com\n")
        let commands: [([String], Int32)] = [
            (["import", input.path, "--store", database], 73), (["clients", "--store", database], 2),
            (["invitations", "--store", database], 2), (["ledger", "--store", database], 2),
            (["register", "ann@example.com", "--store", database], 2),
        ]
        for (arguments, status) in commands {
            let run = try CLI.run(arguments)
            #expect(run.status == status, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("another program's SQLite database") && run.stderr.split(separator: "\n").count == 1,
                    "\(arguments[0]): \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test func aStoreThatIsAnInputOrAnOutputOfTheRunIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email\nAnn Lee,ann@example.com\n")
        let out = folder.url.appendingPathComponent("out").path
        #expect(try CLI.run(["import", input.path, "--store", input.path]).status == 64)
        #expect(try CLI.run(["import", input.path, "--store", out + "/clients.csv", "--out", out]).status == 64)
        #expect(!FileManager.default.fileExists(atPath: out + "/clients.csv"))
    }
}

/// The store commands' exit statuses, as the README's table says, each with one sentence.
@Suite("Store exit statuses")
struct StoreExitStatusTests {
    static func importOne(_ folder: TemporaryFolder, into store: String) throws {
        let input = try folder.file("first.csv", text: "Name,Email,Entries\nAnn Lee,ann@example.com,5\n")
        #expect(try CLI.run(["import", input.path, "--store", store]).status == 0)
    }

    static func oneSentence(_ run: CLI.Result) -> Bool {
        run.stderr.split(separator: "\n").count == 1 && !run.stderr.contains("SQL") && !run.stderr.contains("INSERT")
    }

    @Test func aMissingInputIs2AndCreatesNoStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.url.appendingPathComponent("new.sqlite").path
        let run = try CLI.run(["import", folder.url.appendingPathComponent("missing.csv").path, "--store", store])
        #expect(run.status == 2 && Self.oneSentence(run), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aFileSizeLimitDuringImportIs73InOneSentenceAndLeavesNoNewStore() throws {
        let folder = try TemporaryFolder()
        let rows = (0..<20_000).map { "Client \($0),client\($0)@example.com,\($0 % 20)" }.joined(separator: "\n")
        let input = try folder.file("big.csv", text: "Name,Email,Entries\n" + rows + "\n")
        let store = folder.url.appendingPathComponent("big.sqlite").path
        let run = try CLIProcess(["import", input.path, "--store", store], fileSizeLimit: 512 * 1024).wait()
        #expect(run.status == 73 && run.stderr.contains("cannot be written") && run.stderr.split(separator: "\n").count == 1,
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aDamagedStoreIs2ForEveryReadingCommandAndRegisterChangesNothing() throws {
        let folder = try TemporaryFolder()
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        try Self.importOne(folder, into: store)
        // Pages past the first overwritten: the schema reads, the tables do not.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096 * 3))
        try handle.close()
        let damaged = try Data(contentsOf: URL(fileURLWithPath: store))
        for arguments in [["clients"], ["invitations"], ["ledger"], ["register", "ann@example.com"]] {
            let run = try CLI.run(arguments + ["--store", store])
            #expect(run.status == 2 && Self.oneSentence(run) && run.stderr.contains("damaged"), "\(arguments): \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == damaged)
    }

    @Test func registerIsRefusedWith1AndAskedToTryAgainWith75WhileAnImportHoldsTheStore() throws {
        let folder = try TemporaryFolder()
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        try Self.importOne(folder, into: store)
        let refused = try CLI.run(["register", "nobody@example.com", "--store", store])
        #expect(refused.status == 1 && Self.oneSentence(refused), "\(refused.stderr)")

        // An import held at its commit, by construction: it says so through a FIFO, then waits.
        let fifo = folder.url.appendingPathComponent("stopped").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let second = try folder.file("second.csv", text: "Name,Email,Entries\nAnn Lee,ann@example.com,4\n")
        let holding = try CLIProcess(["import", second.path, "--store", store],
                                     environment: ["ZENAMU_STOP_AT": "store.commit:PAUSE", "ZENAMU_STOP_NOTIFY": fifo])
        let reader = open(fifo, O_RDONLY)
        var byte: UInt8 = 0
        #expect(read(reader, &byte, 1) == 1)
        close(reader)
        let busy = try CLI.run(["register", "ann@example.com", "--store", store])
        holding.kill()
        _ = holding.wait()
        #expect(busy.status == 75 && Self.oneSentence(busy) && busy.stderr.contains("in use"), "\(busy.stderr)")
        // Nothing changed: Ann is still unregistered, and registers now.
        #expect(try CLI.run(["register", "ann@example.com", "--store", store]).status == 0)
    }
}

/// What `import` keeps is what `convert` writes: `clients --format csv` is `clients.csv`.
@Suite("The store holds clients.csv")
struct StoreHoldsClientsCSVTests {
    static let cases = Fixtures.cases.map { "fixtures/\($0)" } + ["crashers/store-same-name-no-email-merged.csv"]

    @Test(arguments: cases)
    func clientsAsCSVAreClientsCSV(_ place: String) throws {
        let folder = try TemporaryFolder()
        let name = place.hasPrefix("fixtures/") ? String(place.dropFirst("fixtures/".count)) : nil
        let inputs = try name.map { try Fixtures.inputs(of: $0).map(\.path) } ?? [Fixtures.url(place).path]
        let args = try name.map { name -> [String] in
            let file = Fixtures.url(name).appendingPathComponent("args")
            guard FileManager.default.fileExists(atPath: file.path) else { return [] }
            return try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        } ?? []
        let out = folder.url.appendingPathComponent("out").path
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        _ = try CLI.run(["convert"] + inputs + ["--out", out] + args)
        let imported = try CLI.run(["import"] + inputs + ["--store", store] + args)
        #expect([0, 1].contains(imported.status), "\(imported.stderr)")
        let listed = try CLI.run(["clients", "--store", store, "--format", "csv"])
        // Compared as bytes: reading the file as a String would drop its byte-order mark.
        let written = try Data(contentsOf: URL(fileURLWithPath: out + "/clients.csv"))
        #expect(Data(listed.stdout.utf8) == written, "\(place)")
    }
}

/// `import` reads a pipe once: hashed and converted from the same bytes.
@Suite("Import from a pipe")
struct PipedImportTests {
    @Test func aPipedExportIsImported() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("list.csv", text: "Name,Email,Entries\nAnn Lee,ann@example.com,5\n")
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        let run = try CLIProcess(["-c", #"exec "$0" import <(cat "$1") --store "$2""#, CLI.executable.path, file.path, store],
                                 program: "/bin/bash").wait()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try ClientStore(path: store, create: false).clients().map(\.email) == ["ann@example.com"])
    }
}

/// The listings stream from the store and say the same as the whole list would.
@Suite("Streamed listings")
struct StreamedListingTests {
    @Test func clientsAsJSONIsTheEncodedListOneClientAtATime() throws {
        let folder = try TemporaryFolder()
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        for rows in ["", "Ann Lee,ann@example.com,5\nBob Roe,bob@example.com,\n"] {
            let input = try folder.file("list.csv", text: "Name,Email,Entries\n" + rows)
            if !rows.isEmpty { #expect(try CLI.run(["import", input.path, "--store", store]).status == 0) }
            else { _ = try ClientStore(path: store, create: true) }
            let listed = try CLI.run(["clients", "--store", store, "--format", "json"])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let whole = String(decoding: try encoder.encode(try ClientStore(path: store, create: false).clients()), as: UTF8.self)
            #expect(listed.stdout == whole + "\n")
        }
    }
}

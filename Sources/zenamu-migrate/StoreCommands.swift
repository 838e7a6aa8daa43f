import ArgumentParser
import Foundation
import ZenamuCore
import ZenamuMigration
import ZenamuSinks
import ZenamuReaders
import ZenamuStore
import GRDB

extension InvitePolicy: ExpressibleByArgument {}

/// Runs `body`, turning a store's failure into one sentence and its status: what cannot be written
/// 73, what cannot be read `unreadable` (2 for the commands that read a store; 73 for `import`,
/// as the README says), a store busy for longer than the wait `busy` (73; `register` 75).
func usingStore<T>(failing unreadable: ExitCode = Exit.cannotWriteOutput, busy: ExitCode = Exit.cannotWriteOutput,
                   _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        printError(error.description)
        switch error.kind {
        case .unreadable: throw unreadable
        case .unwritable: throw Exit.cannotWriteOutput
        case .busy: throw busy
        case .refused: throw Exit.rejectedRows
        }
    } catch let error as DatabaseError {
        let described = StoreError(error, path: "")
        printError(described.description)
        throw described.kind == .unreadable ? unreadable : described.kind == .busy ? busy : Exit.cannotWriteOutput
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import client lists into the Zenamu store, exactly once.",
        discussion: """
            The same pipeline as convert, into a SQLite store: clients as unregistered users, their consent and \
            balances, an invitation outbox, and a ledger of imports. A file imported before changes nothing; a newer \
            export updates the clients it shares by e-mail and replaces their balances. With --out, writes \
            clients.csv, report.json and errors.xlsx there too.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "The store file (SQLite; created, readable by you only, when missing).")
    var store: String

    @Option(help: "Also write clients.csv, report.json and errors.xlsx into this folder.")
    var out: String?

    @Option(help: "Who is invited: balances (clients holding entries or credits), all, or none.")
    var invite: InvitePolicy = .balances

    @Option(help: "The studio's name, for the invitations (default: the store file's name).")
    var studio: String?

    @Option(help: "The language of errors.xlsx, report.json's messages and the invitations.")
    var locale: MessageLanguage?

    @Flag(help: "Report what would change, and write nothing.")
    var dryRun = false

    func validate() throws {
        // The store is neither an input nor an output of the same run: one would overwrite the other.
        var storeInfo = stat(), inputInfo = stat()
        if stat(store, &storeInfo) == 0 {
            for file in input.files where stat(file, &inputInfo) == 0
                && inputInfo.st_dev == storeInfo.st_dev && inputInfo.st_ino == storeInfo.st_ino {
                throw ValidationError("\(file) is both an input and the --store of this run; choose another --store path.")
            }
        }
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out needs a folder to write clients.csv, report.json and errors.xlsx into.")
        }
        if store.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--store needs a file, such as --store lotus.sqlite.") }
        if let out {
            let storePath = URL(fileURLWithPath: store).standardizedFileURL.path
            for name in ["clients.csv", "report.json", "errors.xlsx"]
            where URL(fileURLWithPath: out).appendingPathComponent(name).standardizedFileURL.path == storePath {
                throw ValidationError("--store \(store) is where --out writes \(name); choose another --store path or --out folder.")
            }
        }
        if dryRun, out != nil {
            throw ValidationError("--dry-run writes nothing, so it takes no --out folder; "
                + "`zenamu-migrate convert` writes clients.csv, report.json and errors.xlsx without the store.")
        }
    }

    func run() throws {
        var options = input.conversionOptions
        options.locale = locale
        let progress = TerminalProgress.attach(to: &options)
        defer { progress?.clear() }
        var conversion = try reportingErrors { try Conversion(options: options, adapters: input.adapters()) }
        // A missing or unreadable input is said before any store is created for it; a pipe is read
        // once into a file, which is hashed and converted.
        let inputs = try reportingErrors { try SpooledInputs(input.files, limits: options.limits) }
        for file in inputs.paths where !FileManager.default.isReadableFile(atPath: file) {
            printError("\(file): " + (FileManager.default.fileExists(atPath: file) ? "the file cannot be read (permission denied)"
                : "there is no such file") + "; nothing was imported")
            throw Exit.unreadableInput
        }
        let folder = try out.map { out in try reportingErrors { try OutputFolder(path: out, inputs: input.files) } }
        let exists = FileManager.default.fileExists(atPath: store)
        let opened = try usingStore {
            dryRun && !exists ? try ClientStore(inMemoryFor: store) : try ClientStore(path: store, create: true)
        }
        // What earlier imports of the studio decided about columns, unless decided again now.
        conversion.options.rememberedChoices = try usingStore { try opened.rememberedDecisions() }.map {
            ColumnChoice.remembered(column: $0.header, field: $0.field.flatMap(CanonicalField.init(rawValue:)), adapter: $0.adapter)
        }
        // A store this command created for an import that failed, or imported nothing, is not left behind.
        let removeIfNew = {
            guard !exists, !dryRun else { return }
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        }
        let result: (summary: ImportSummary, outputs: ConversionResult?, report: RunReport)
        do {
            result = try usingStore {
                try reportingErrors {
                    try conversion.run(paths: inputs.paths, into: opened, policy: invite, dryRun: dryRun, studio: studio,
                                       toolVersion: ZenamuMigrate.configuration.version, outputs: folder, quiet: true)
                }
            }
        } catch {
            removeIfNew()
            throw error
        }
        if result.summary.outcome == "not imported" { removeIfNew() }
        if let out, let outputs = result.outputs {
            let shown = { (name: String) in (out as NSString).appendingPathComponent(name) }
            print(Summary.text(outputs.report, warnings: outputs.warnings, clients: shown("clients.csv"),
                               report: shown("report.json"), errors: outputs.wroteErrorWorkbook ? shown("errors.xlsx") : nil))
        } else {
            for problem in result.report.problems { print("\(problem.file): \(problem.message)") }
            for file in result.report.files { print(Summary.fileLine(file)) }
        }
        let remembered = result.report.files.flatMap { file in file.mapping.filter { $0.source == "remembered" } }
        if !remembered.isEmpty {
            print("Columns decided as earlier imports of this store decided them (--map or --ignore changes it): "
                + remembered.map { "\"\($0.column)\" → \($0.field ?? "not imported")" }.joined(separator: ", ") + ".")
        }
        print(Self.describe(result.summary, store: store))
        if result.report.rows.rejected > 0 || result.report.hasFileErrors { throw Exit.rejectedRows }
    }

    static func describe(_ summary: ImportSummary, store: String) -> String {
        if summary.outcome == "not imported" {
            return "Store \(store): nothing imported: a column of the file must be mapped or ignored first (above)."
        }
        if summary.outcome == "already imported" {
            return "Store \(store): these files were imported before (import #\(summary.previousImportID ?? 0)); "
                + "nothing changed (ledger entry #\(summary.importID ?? 0))."
        }
        var text = summary.outcome == "dry run" ? "Dry run, nothing written. Store \(store) would get: " : "Store \(store): "
        text += "\(Summary.count(summary.created, "client")) created, \(summary.updated) updated, \(summary.unchanged) unchanged; "
            + "\(Summary.count(summary.invited, "invitation")) added to the outbox"
        if summary.notInvitable > 0 { text += "; \(summary.notInvitable) without an e-mail cannot be invited" }
        if summary.expiredPasses > 0 { text += "; \(Summary.count(summary.expiredPasses, "expired pass")) not counted as balance" }
        if summary.registeredKept > 0 {
            text += "; \(summary.registeredKept) registered clients keep the balances they took over"
        }
        return text + "."
    }
}

struct Clients: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the clients in the store.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }
    enum Status: String, ExpressibleByArgument, CaseIterable { case unregistered, registered }
    enum ConsentValue: String, ExpressibleByArgument, CaseIterable { case yes, no, unknown }

    @Option(help: "The store file.") var store: String
    @Option(help: "Only clients with this status.") var status: Status?
    @Option(help: "Only clients with (true) or without (false) entries or credits.") var hasBalance: Bool?
    @Option(help: "Only clients with this newsletter consent.") var consent: ConsentValue?
    @Option(help: "Only clients with (true) or without (false) an invitation waiting.") var invited: Bool?
    @Option(help: "table, csv (Zenamu's import format, as clients.csv) or json.") var format: Format = .table

    func run() throws {
        let opened = try usingStore(failing: Exit.unreadableInput) { try ClientStore(path: store, create: false) }
        let filter = ClientFilter(status: status?.rawValue, hasBalance: hasBalance, consent: consent?.rawValue, invited: invited)
        switch format {
        case .csv:
            // Streamed: a store of a million clients is listed in the memory of one.
            let out = StreamedOutput()
            out.write("\u{FEFF}" + CanonicalCSV.line(CanonicalCSV.header) + "\r\n")
            try usingStore(failing: Exit.unreadableInput) {
                try opened.forEachClient(filter) { out.write(CanonicalCSV.line($0.canonicalCells) + "\r\n") }
            }
            out.flush()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let out = StreamedOutput()
            var first = true
            out.write("[\n")
            try usingStore(failing: Exit.unreadableInput) {
                try opened.forEachClient(filter) { client in
                    // As JSONEncoder writes the whole array: each object two spaces in.
                    let object = String(decoding: try encoder.encode(client), as: UTF8.self)
                        .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
                    out.write((first ? "" : ",\n") + object)
                    first = false
                }
            }
            out.write(first ? "\n]\n" : "\n]\n")
            out.flush()
        case .table:
            let clients = try usingStore(failing: Exit.unreadableInput) { try opened.clients(filter) }
            let rows = [["name", "email", "entries", "credits", "phone", "consent", "status", "invited"]]
                + clients.map { [$0.name, $0.email ?? "", $0.entries.map(String.init) ?? "", $0.credits ?? "", $0.phone ?? "",
                                 $0.consent,
                                 $0.status, $0.invited ? "yes" : ""] }
            print(Table.render(rows))
            print("\(Summary.count(clients.count, "client")).")
        }
    }
}

struct Invitations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the invitations waiting in the store's outbox, or write each as an e-mail ready to send.")

    @Option(help: "The store file.") var store: String
    @Option(help: "Write each invitation as an RFC 5322 .eml file into this folder.") var export: String?
    @Option(help: "The sender of the exported e-mails, as it should appear: \"Studio Lotus <hello@lotus.example>\".")
    var from: String?
    @Option(help: "The language of the e-mails (default: the language of the store's first import).")
    var locale: MessageLanguage?

    func validate() throws {
        if export != nil, from == nil { throw ValidationError("--export needs --from, the sender the e-mails show.") }
        if let from {
            do { _ = try Mailbox.parse(from) } catch let error as MailboxError { throw ValidationError("--from \(error)") }
        }
    }

    func run() throws {
        let opened = try usingStore(failing: Exit.unreadableInput) { try ClientStore(path: store, create: false) }
        let invitations = try opened.invitations()
        if let export, let from = try from.map(Mailbox.parse) {
            let studio = try opened.studio()
            let language = locale ?? studio.flatMap { MessageLanguage(rawValue: $0.locale) } ?? .english
            try reportingErrors {
                let mails = invitations.map {
                    InvitationMail($0, studio: studio?.name ?? "", from: from, messages: language.catalogue)
                }
                try OutboxExport.write(mails, into: export)
            }
            print("Wrote \(Summary.count(invitations.count, "invitation")) into \(export) in \(language.name).")
            return
        }
        let rows = [["email", "name", "entries", "credits", "since"]]
            + invitations.map { [$0.email, $0.name, $0.entries.map(String.init) ?? "", $0.credits ?? "",
                                 String($0.createdAt.prefix(10))] }
        print(Table.render(rows))
        print("\(Summary.count(invitations.count, "invitation")) waiting.")
    }
}

struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign a client up: the unregistered client with this e-mail takes its balances over.",
        discussion: "Exit status 1 when refused: no client has the e-mail, or it has signed up already.")

    @Argument(help: "The e-mail the client signs up with.") var email: String
    @Option(help: "The store file.") var store: String

    func run() throws {
        let opened = try usingStore(failing: Exit.unreadableInput) { try ClientStore(path: store, create: false) }
        let client = try usingStore(failing: Exit.unreadableInput, busy: Exit.tryAgainLater) { try opened.register(email: email) }
        print("\(client.email ?? email) is registered as \(client.name) and holds \(client.entries ?? 0) entries and "
            + "\(client.credits ?? "0") credits.")
    }
}

/// Plain columns, padded, one line per row; cells on one line.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map { OneLine.text($0, limit: 40) } }
        let widths = (0..<(cells.first?.count ?? 0)).map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the store's ledger: every import, what it brought and what it changed.")

    @Option(help: "The store file.") var store: String
    @Flag(help: "Also list every change a later export made, field by field.") var changes = false

    func run() throws {
        let opened = try usingStore(failing: Exit.unreadableInput) { try ClientStore(path: store, create: false) }
        let entries = try opened.ledger()
        let rows = [["#", "when", "files", "outcome", "read", "accepted", "rejected", "created", "updated", "unchanged",
                     "invited"]]
            + entries.map { entry in
                [String(entry.id), String(entry.importedAt.prefix(16)), entry.files, entry.outcome, String(entry.rowsRead),
                 String(entry.accepted), String(entry.rejected), String(entry.created), String(entry.updated),
                 String(entry.unchanged), String(entry.invited)]
            }
        print(Table.render(rows))
        guard changes else { return }
        print("")
        let recorded = try opened.changes()
        let changed = [["import", "client", "field", "was", "now"]]
            + recorded.map { [String($0.importID), $0.email ?? "", $0.field, $0.old ?? "", $0.new ?? ""] }
        print(Table.render(changed))
    }
}

/// Standard output written in 64 KB pieces, for listings streamed from the store.
final class StreamedOutput {
    private var buffer: [UInt8] = []

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

import ZenamuCore
import ZenamuErrorWorkbook

/// Counts outcomes per file into the `RunReport`. Issues and skipped rows are not collected here:
/// they stream to the sinks (report.json spools them to disk), so memory grows with the clients.
struct ReportBuilder {
    private var files: [FileReport] = []
    /// The language issue messages are written in (the plan decides it), and why.
    let messages: (catalogue: MessageCatalogue, source: String)

    init(messages: (catalogue: MessageCatalogue, source: String), phones: any PhoneParsing) {
        self.messages = messages
        self.phones = phones
    }

    /// The returned workbook being read: its file entry that carries the account, and the account.
    private var reply: (file: Int, account: ReplyAccount)?

    /// The current file's entries and credits being counted.
    private var tally = BalanceTally.none
    /// The current file's phones left out for want of a country.
    private var regionGuess = RegionGuess()
    private let phones: any PhoneParsing

    mutating func begin(_ file: FileReport, tally: BalanceTally = .none) {
        endFile()
        files.append(file)
        self.tally = tally
    }

    /// The current file's balances into its report.
    private mutating func endFile() {
        guard let last = files.indices.last else { return }
        files[last].balances = tally.balances
        files[last].phonesWithoutCountry = regionGuess.report(phones: phones)
        tally = .none
        regionGuess = RegionGuess()
    }

    /// A returned error workbook starts (`sent`: the original rows it listed, from its hidden sheet).
    mutating func beginReturnedWorkbook(sent: [String]) {
        endDocument()
        guard let first = files.indices.last else { return }
        reply = (first, ReplyAccount(sent: sent))
        files[first].returned = reply?.account.rows
    }

    /// The document is read: its account is final.
    mutating func endDocument() {
        guard let reply else { return }
        self.reply = nil
        files[reply.file].returned = reply.account.finished()
    }

    mutating func count(_ outcome: RowOutcome) {
        guard !files.isEmpty else { return }
        let last = files.count - 1
        var rows = files[last].rows
        rows.read += 1
        switch outcome {
        case let .accepted(record, _):
            rows.accepted += 1
            noteCorrection(record.provenance, fixed: true, in: last)
        case let .rejected(provenance, _):
            rows.rejected += 1
            noteCorrection(provenance, fixed: false, in: last)
        case let .merged(record, _):
            rows.merged += 1
            noteCorrection(record.provenance, fixed: true, in: last)
        case let .skipped(provenance, reason):
            rows.skipped += 1
            if reason == .removedByCustomer { noteCorrection(provenance, fixed: false, removed: true, in: last) }
        }
        files[files.count - 1].rows = rows
        tally.count(outcome)
        regionGuess.count(outcome)
        // In place: a copy of the account would copy its set of rows seen, every row (quadratic).
        if reply != nil {
            reply!.account.count(outcome)
            files[reply!.file].returned = reply!.account.rows
        }
    }

    /// A row of a returned error workbook: is the original row it stands for fixed now?
    private mutating func noteCorrection(_ provenance: Provenance, fixed: Bool, removed: Bool = false, in file: Int) {
        guard let origin = provenance.origin else { return }
        files[file].corrections?.append(Correction(row: provenance.row, original: origin, fixed: fixed, removed: removed))
    }

    mutating func report() -> RunReport {
        endDocument()
        endFile()
        let total = files.map(\.rows).reduce(RowCounts(), +)
        func common(_ values: [String?]) -> String? {
            Set(values.map { $0 ?? "" }).count == 1 ? values.first ?? nil : "mixed"
        }
        return RunReport(
            format: common(files.map(\.format)) ?? "", encoding: common(files.map(\.encoding)),
            delimiter: common(files.map(\.delimiter)), system: common(files.map(\.system)) ?? "",
            region: files.first?.region, regionSource: files.first?.regionSource,
            locale: messages.catalogue.language.rawValue, localeSource: messages.source, rows: total, issues: [], skipped: [],
            files: files, balances: files.map(\.balances).reduce(Balances(), +))
    }
}

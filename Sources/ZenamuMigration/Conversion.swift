import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuPhone
import ZenamuReaders
import ZenamuRules

/// What the user chose on the command line.
public struct ConversionOptions: Sendable {
    /// "auto", or an adapter id.
    public var system: String
    /// ISO 3166 alpha-2; nil: guessed from the header's language.
    public var region: String?
    /// The worksheet to read in a workbook; nil: the one whose header is recognised best.
    public var sheet: String?
    /// Caps against hostile files (zip bombs).
    public var limits: ReaderLimits
    /// Stop after this many data rows (for `inspect`).
    public var rowLimit: Int?
    /// The customer's language; nil: the first file's header language, else English.
    public var locale: MessageLanguage?
    /// A system's second file (balances joined on client id) alone is refused: every pass would
    /// be an error for want of its client. `inspect` looks at one file at a time and allows it.
    public var balancesNeedClientList = true
    /// Normalise rows on a second thread while this one reads and writes (the output is the same
    /// byte for byte; false runs everything on the calling thread).
    public var parallel = true
    /// Rows handed to the second thread at a time.
    public var batchRows = 2048
    /// Told how far the run is, after every batch and once at the end (the CLI draws a progress
    /// line on a terminal with it).
    public var progress: (@Sendable (ConversionProgress) -> Void)?

    public init(system: String = "auto", region: String? = nil, sheet: String? = nil,
                limits: ReaderLimits = ReaderLimits(), rowLimit: Int? = nil, locale: MessageLanguage? = nil) {
        self.system = system
        self.region = region
        self.locale = locale
        self.sheet = sheet
        self.limits = limits
        self.rowLimit = rowLimit
    }
}

/// The pipeline: file → reader → header and adapter → rules → reconciliation → sinks, one row at a
/// time. Every data row ends as exactly one `RowOutcome`, so the report adds up.
public struct Conversion {
    public let options: ConversionOptions
    let phones: any PhoneParsing
    let adapters: [any SourceAdapter]

    /// `adapters`: those `--system auto` chooses from, best first on a tie (the registry by
    /// default; a program brings its own, or adds `AdapterRegistry.declarations(in:)`).
    public init(options: ConversionOptions, adapters available: [any SourceAdapter] = AdapterRegistry.all,
                phones: any PhoneParsing = LibPhoneNumber()) throws {
        self.options = options
        self.phones = phones
        if options.system == "auto" {
            adapters = available
        } else if let adapter = available.first(where: { $0.id == options.system }) {
            adapters = [adapter]
        } else {
            throw UsageError("unknown system \"\(options.system)\"; choose auto or one of: "
                + available.map(\.id).joined(separator: ", ") + " (see `zenamu-migrate adapters`).")
        }
        if let region = options.region, !phones.isKnownRegion(region) {
            throw UsageError("unknown region \"\(region)\"; give a two-letter country code such as CZ, HU, FR or IT.")
        }
    }

    /// Converts `paths` in order, feeding every sink. Throws `InputError` when a file cannot be read.
    ///
    /// A system's second file (`FilePart.balances`, such as Mindbody's pricing-options report) is
    /// read first, so the client list finds each client's balances; its rows are reported after
    /// the client lists, once it is known which client took each pass.
    @discardableResult
    public func run(paths: [String], sinks: [any ClientSink]) throws -> RunReport {
        var builder = ReportBuilder()
        var reconciler = Reconciler()
        do {
            let documents = try paths.map(open)
            if options.balancesNeedClientList, let balances = documents.lazy.flatMap({ $0.tables }).first(where: \.isBalances),
               !documents.contains(where: { $0.tables.contains { !$0.isBalances } }) {
                let adapter = balances.found.adapter.description
                throw InputError(file: balances.source.info.file, reason: "this is a report of passes (\(adapter.name)), "
                    + "whose remaining visits are joined to the clients on the client id; give the system's client list "
                    + "in the same run, before it: zenamu-migrate convert CLIENTS.csv \(balances.source.info.file) --out DIR.")
            }
            var ledger = BalanceLedger()
            var balanceFiles: [BalanceLedger.File] = []
            for document in documents {
                for var table in document.tables where table.isBalances {
                    balanceFiles.append(try readBalances(&table, sheets: document.file.sheetNames, into: &ledger,
                                                         builder: &builder))
                }
            }
            for document in documents where document.tables.contains(where: { !$0.isBalances }) {
                try convert(document, sinks: sinks, builder: &builder, reconciler: &reconciler, ledger: &ledger)
            }
            for var file in balanceFiles {
                // Without a client list in the run, the pass report's header decides the language.
                if !builder.hasFiles {
                    builder.messages = Self.messages(option: options.locale, language: file.start.mapping.language)
                }
                file.start.messages = builder.messages.catalogue
                builder.begin(file.report)
                for sink in sinks { try sink.begin(file.start) }
                for outcome in ledger.outcomes(of: file) {
                    builder.count(outcome)
                    for sink in sinks { try sink.consume(outcome) }
                }
                builder.endDocument()
            }
            let report = builder.report()
            // Finishing can take seconds (errors.xlsx is compressed as it closes): say so.
            options.progress?(ConversionProgress(file: nil, rows: report.rows.read, fraction: 1, finishing: true))
            for sink in sinks { try sink.finish(report) }
            options.progress?(ConversionProgress(file: nil, rows: report.rows.read, fraction: 1))
            return report
        } catch {
            for sink in sinks { sink.fail(error) }
            throw error
        }
    }

    /// A file opened, its tables chosen.
    struct OpenedDocument {
        let file: any TableFile
        var tables: [ChosenTable]
    }

    private func open(path: String) throws -> OpenedDocument {
        let document = try TableReader.open(path: path, limits: options.limits)
        return OpenedDocument(file: document, tables: try chooseSheets(in: document, file: (path as NSString).lastPathComponent))
    }

    private func convert(_ document: OpenedDocument, sinks: [any ClientSink], builder: inout ReportBuilder,
                         reconciler: inout Reconciler, ledger: inout BalanceLedger) throws {
        guard let first = document.tables.first(where: { !$0.isBalances }) else { return }
        // What the document says of an earlier run (a returned error workbook: the clients it
        // imported, its phone country and language, the rows it sent to fix).
        let context = try first.found.adapter.context(of: document.file)
        for client in context.knownClients { reconciler.remember(client) }
        for (index, var table) in document.tables.filter({ !$0.isBalances }).enumerated() {
            try convert(&table.source, head: table.head, found: table.found, sheets: document.file.sheetNames,
                        document: context, opensDocument: index == 0, sinks: sinks, builder: &builder,
                        reconciler: &reconciler, ledger: &ledger)
        }
        builder.endDocument()
    }

    /// Reads a balances file whole into `ledger`; its outcomes wait for the client lists.
    private func readBalances(_ table: inout ChosenTable, sheets: [String], into ledger: inout BalanceLedger,
                              builder: inout ReportBuilder) throws -> BalanceLedger.File {
        let info = table.source.info
        let header = table.head[table.found.index]
        let adapter = table.found.adapter
        let mapping = adapter.mapping(for: header.cells)
        let (region, regionSource) = Region.decide(option: options.region, kept: nil, language: mapping.language)
        let context = RuleContext(file: info.file, region: region, language: mapping.language, phones: phones,
                                  columns: mapping.bestColumns)
        let report = fileReport(info, found: table.found, header: header, mapping: mapping, sheets: sheets,
                                region: region, regionSource: regionSource)
        let start = FileStart(table: info, header: header, mapping: mapping, messages: builder.messages.catalogue,
                              system: adapter.id, region: region)
        var file = BalanceLedger.File(start: start, report: report)
        for row in table.head[..<table.found.index] {
            ledger.skip(.skipped(Provenance(file: info.file, row: row.number, cells: row.cells), reason: .preamble), in: &file)
        }
        var pending = table.head[(table.found.index + 1)...].makeIterator()
        while let row = try pending.next() ?? table.source.next() {
            let provenance = Provenance(file: info.file, row: row.number, cells: row.cells)
            if row.isBlank {
                ledger.skip(.skipped(provenance, reason: .blank), in: &file)
            } else if let noise = adapter.noise(row, header: header) {
                ledger.skip(.skipped(provenance, reason: noise), in: &file)
            } else {
                ledger.read(adapter.extract(row, mapping: mapping), provenance: provenance, context: context, into: &file)
            }
        }
        return file
    }

    private func fileReport(_ table: TableInfo, found: HeaderLocator.Found, header: SourceRow, mapping: ColumnMapping,
                            sheets: [String], region: String?, regionSource: String?) -> FileReport {
        var report = FileReport(
            file: table.file, format: table.format, sheet: table.sheet, sheets: sheets,
            encoding: table.encoding, encodingReason: table.encodingReason,
            delimiter: table.delimiter, system: found.adapter.id, systemConfidence: found.recognition.confidence,
            systemReason: found.recognition.reasons,
            headerRow: header.number, language: mapping.language, region: region, regionSource: regionSource,
            mapping: mapping.columns.map(ColumnDecision.init), rows: RowCounts())
        report.systemName = found.adapter.description.name
        report.systemRunnerUp = found.runnerUp.map { SystemCandidate(id: $0.adapter.id, confidence: $0.recognition.confidence) }
        report.part = found.adapter.part(of: header.cells) == .balances ? "balances" : "clients"
        return report
    }

    private func convert(_ source: inout any RowSource, head: [SourceRow], found: HeaderLocator.Found, sheets: [String],
                         document: DocumentContext, opensDocument: Bool, sinks: [any ClientSink],
                         builder: inout ReportBuilder, reconciler: inout Reconciler, ledger: inout BalanceLedger) throws {
        let settings = document.settings
        let table = source.info
        let header = head[found.index]
        let mapping = found.adapter.mapping(for: header.cells)
        let (region, regionSource) = Region.decide(option: options.region, kept: settings?.region, language: mapping.language)
        // One language for the whole run, so one workbook reads in one language.
        if !builder.hasFiles {
            builder.messages = Self.messages(option: options.locale, kept: settings?.locale.flatMap(MessageLanguage.init(code:)),
                                             language: mapping.language)
        }
        let messages = builder.messages.catalogue

        let context = RuleContext(file: table.file, region: region, language: mapping.language, phones: phones,
                                  columns: mapping.bestColumns)

        var report = fileReport(table, found: found, header: header, mapping: mapping, sheets: sheets, region: region,
                                regionSource: regionSource)
        if document.isReply { report.corrections = [] }
        builder.begin(report)
        // A reply's first sheet opens its account of the rows sent and added.
        if opensDocument, let sent = document.sentRows { builder.beginReturnedWorkbook(sent: sent) }
        let start = FileStart(table: table, header: header, mapping: mapping, messages: messages,
                              system: found.adapter.id, region: region,
                              knownClients: opensDocument ? document.knownClients : [])
        for sink in sinks { try sink.begin(start) }

        let emit = { (outcome: RowOutcome, builder: inout ReportBuilder) throws in
            builder.count(outcome)
            for sink in sinks { try sink.consume(outcome) }
        }
        for row in head[..<found.index] {
            try emit(.skipped(Provenance(file: table.file, row: row.number, cells: row.cells), reason: .preamble), &builder)
        }

        var dataRows = 0
        var pending = head[(found.index + 1)...].makeIterator()
        var passes = found.adapter.assembly == .passesByClient ? PassAssembler(today: context.today) : nil
        // The next rows of the file, at most a batch; empty at the end.
        func read() throws -> [SourceRow] {
            var batch: [SourceRow] = []
            while batch.count < max(1, options.batchRows) {
                if let limit = options.rowLimit, dataRows >= limit {
                    try source.stopReading()
                    break
                }
                guard let row = try pending.next() ?? source.next() else { break }
                dataRows += 1
                batch.append(row)
            }
            options.progress?(ConversionProgress(file: table.file, rows: dataRows, fraction: source.fractionRead))
            if !batch.isEmpty { StopPoint.reach("convert.batch") }
            return batch
        }
        func emitAll(_ batch: [Prepared], _ builder: inout ReportBuilder) throws {
            for prepared in batch {
                switch join(prepared, context: context, ledger: &ledger) {
                case let .outcome(outcome):
                    if passes != nil { passes?.add(outcome) } else { try emit(outcome, &builder) }
                case let .client(record, warnings):
                    if passes != nil {
                        passes?.add(pass: record, warnings: warnings)
                    } else {
                        try emit(reconcile(record, warnings: warnings, context: context, reconciler: &reconciler), &builder)
                    }
                }
            }
        }
        let adapter = found.adapter
        let keepRaw = ledger.hasBalances
        let normalise: @Sendable (SourceRow) -> Prepared = { row in
            Self.prepare(row, header: header, adapter: adapter, mapping: mapping, context: context, keepRaw: keepRaw)
        }
        if options.parallel {
            // Normalising a row needs nothing of the others: batch k starts on a second thread
            // while this one emits batch k-1 and reads batch k+1, in file order, then helps
            // finish batch k. Batches already emitted go back to be released on the second thread.
            let worker = BatchWorker(chunk: min(64, options.batchRows / 16), normalise)
            var batch = try read()
            var previous: [Prepared] = []
            var emitted: [Prepared] = []
            while !batch.isEmpty {
                worker.start(batch, disposing: emitted)
                emitted = []
                do {
                    try emitAll(previous, &builder)
                    batch = try read()
                } catch {
                    _ = worker.wait()
                    throw error
                }
                emitted = previous
                previous = worker.wait()
            }
            try emitAll(previous, &builder)
        } else {
            while case let batch = try read(), !batch.isEmpty { try emitAll(batch.map(normalise), &builder) }
        }
        if let passes {
            for outcome in passes.outcomes({ reconcile($0, warnings: $1, context: context, reconciler: &reconciler) }) {
                try emit(outcome, &builder)
            }
        }
    }

    /// The run's language: `--locale`, else the one a returned workbook kept from its first run,
    /// else the header's language when we have its catalogue, else English; and the reason, for
    /// the report.
    static func messages(option: MessageLanguage?, kept: MessageLanguage? = nil, language: String?)
        -> (catalogue: MessageCatalogue, source: String)
    {
        if let option { return (option.catalogue, "--locale") }
        if let kept { return (kept.catalogue, "the first run's, kept in the workbook") }
        if let guessed = MessageLanguage(code: language) { return (guessed.catalogue, "the header's language") }
        return (MessageCatalogue.english, "default")
    }

    /// A table to read, its first rows and the header found in them.
    struct ChosenTable {
        var source: any RowSource
        let head: [SourceRow]
        let found: HeaderLocator.Found

        /// A system's second file, joined to its client list (`FilePart.balances`).
        var isBalances: Bool { found.adapter.part(of: head[found.index].cells) == .balances }
    }

    /// The tables to read: the sheet the user named, or else the one whose header an adapter
    /// recognises best (the first on a tie). A returned error workbook gives every one of its
    /// "To fix" sheets, one per file of the first run.
    func chooseSheets(in document: any TableFile, file: String) throws -> [ChosenTable] {
        let names = document.sheetNames
        var candidates = names.isEmpty ? [0] : Array(names.indices)
        if let wanted = options.sheet, !names.isEmpty {
            guard let index = names.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) else {
                throw InputError(file: file, reason: "the workbook has no sheet named \"\(wanted)\"; its sheets are "
                    + names.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
            }
            candidates = [index]
        }
        let locator = HeaderLocator(adapters: adapters)
        var recognised: [ChosenTable] = []
        var firstFailure: Error?
        for index in candidates {
            var source = try document.rows(sheet: index)
            var head: [SourceRow] = []
            while head.count < HeaderLocator.searchRows, let row = try source.next() { head.append(row) }
            do {
                recognised.append(ChosenTable(source: source, head: head, found: try locator.locate(in: head, file: file)))
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        // max(by:) keeps the first of equals: the first sheet wins a tie.
        if let best = recognised.max(by: { $0.found.recognition.confidence < $1.found.recognition.confidence }) {
            let adapter = best.found.adapter
            guard adapter.description.readsEverySheet else { return [best] }
            return recognised.filter { $0.found.adapter.id == adapter.id }
        }
        if candidates.count > 1 {
            throw InputError(file: file, reason: "none of the workbook's sheets ("
                + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") has a header row naming client columns such as "
                + "\"name and surname\" and \"email\"; choose the sheet with --sheet, or export the client list as CSV.")
        }
        throw firstFailure ?? InputError(file: file, reason: "the file has no table.")
    }

    /// What one data row is: an outcome already, or a client that passed the rules.
    enum Classified {
        case outcome(RowOutcome)
        case client(ClientRecord, warnings: [Issue])
    }

    /// A data row through the rules, before anything of the rest of the run is known.
    enum Prepared: Sendable {
        case outcome(RowOutcome)
        /// `raw` only when a balances file may join the row (it is needed again then).
        case normalised(ClientRecord, issues: RowIssues, raw: RawClient?, provenance: Provenance)
    }

    /// What a row is by itself: skipped, or its record and issues. Needs nothing of other rows,
    /// so rows are prepared in parallel.
    static func prepare(_ row: SourceRow, header: SourceRow, adapter: any SourceAdapter, mapping: ColumnMapping,
                        context: RuleContext, keepRaw: Bool) -> Prepared {
        let provenance = Provenance(file: context.file, row: row.number, cells: row.cells,
                                    origin: adapter.origin(of: row, mapping: mapping))
        if row.isBlank { return .outcome(.skipped(provenance, reason: .blank)) }
        if let noise = adapter.noise(row, header: header) { return .outcome(.skipped(provenance, reason: noise)) }
        let raw = adapter.extract(row, mapping: mapping)
        let (record, issues) = RuleBook.normalise(raw, provenance: provenance, context: context)
        return .normalised(record, issues: issues, raw: keepRaw ? raw : nil, provenance: provenance)
    }

    /// A prepared row with the balances the system's second file holds for it (joined on the old
    /// system's id), in file order: the ledger remembers which client took which balances.
    func join(_ prepared: consuming Prepared, context: RuleContext, ledger: inout BalanceLedger) -> Classified {
        switch consume prepared {
        case let .outcome(outcome):
            return .outcome(outcome)
        case let .normalised(record, issues, raw, provenance):
            return join(record, issues: issues, raw: raw, provenance: provenance, context: context, ledger: &ledger)
        }
    }

    private func join(_ record: consuming ClientRecord, issues: consuming RowIssues, raw: RawClient?, provenance: Provenance,
                      context: RuleContext, ledger: inout BalanceLedger) -> Classified {
        if let raw, let id = record.sourceClientID, let joined = ledger.peek(id) {
            record.entries = PassAssembler.sum(record.entries, joined.entries)
            record.credits = PassAssembler.sum(record.credits, joined.credits)
            record.passExpiry = record.passExpiry ?? joined.expiry
            // The e-mail rule runs again: a client without an e-mail now holds a balance.
            var again = RowIssues(file: context.file, row: raw.row.number)
            for issue in issues.all where issue.kind != .emailMissing { again.add(issue) }
            BalanceNeedsEmail().apply(raw, to: &record, issues: &again, context: context)
            issues = again
            if issues.hasErrors { ledger.refuse(id) } else { ledger.claim(id) }
        }
        guard !issues.hasErrors else { return .outcome(.rejected(provenance, issues: issues.all)) }
        return .client(record, warnings: issues.all)
    }

    /// A client checked against the clients of the run so far: new, the same again, or another
    /// person on the same e-mail.
    func reconcile(_ record: ClientRecord, warnings: [Issue], context: RuleContext, reconciler: inout Reconciler)
        -> RowOutcome {
        switch reconciler.check(record, emailColumn: context.columns[.email]) {
        case .unique:
            return .accepted(record, warnings: warnings)
        case let .duplicate(issue):
            return .merged(record, issues: warnings + [issue])
        case let .conflict(issue):
            return .rejected(record.provenance, issues: warnings + [issue])
        }
    }
}

/// How far a run is: rows read of the file being read, and the share of it done when the reader
/// knows. `finishing`: every row is read and the outputs are being completed. `file` nil and not
/// finishing: the run has finished.
public struct ConversionProgress: Sendable, Equatable {
    public var file: String?
    public var rows: Int
    public var fraction: Double?
    public var finishing: Bool

    public init(file: String?, rows: Int, fraction: Double?, finishing: Bool = false) {
        self.file = file
        self.rows = rows
        self.fraction = fraction
        self.finishing = finishing
    }
}

/// A mistake in how the tool was called (exit status 64).
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

import ZenamuCore

/// One run of the pipeline over its plan: what the stages share (the report being counted, the
/// run's clients, the sinks), so that no stage threads them through its parameters.
final class ConversionRun {
    private let plan: RunPlan
    private let sinks: SinkGroup
    private let options: ConversionOptions
    private var builder: ReportBuilder
    private let book = ClientBook()

    init(plan: RunPlan, sinks: SinkGroup, options: ConversionOptions, phones: any PhoneParsing) {
        self.plan = plan
        self.sinks = sinks
        self.options = options
        builder = ReportBuilder(messages: plan.messages, phones: phones)
    }

    /// Every balances file read whole into the ledger; their outcomes wait for the client lists.
    func readBalances() throws {
        for file in plan.balances {
            book.ledger.begin(clientIDColumn: file.mapping.bestColumns[.clientID])
            for outcome in file.preamble { book.ledger.skip(outcome) }
            let rows = file.rows()
            while let row = try rows.next() {
                let provenance = Provenance(file: file.rules.file, row: row.number, cells: row.cells)
                if row.isBlank {
                    book.ledger.skip(.skipped(provenance, reason: .blank))
                } else if let noise = file.adapter.noise(row, header: file.header) {
                    book.ledger.skip(.skipped(provenance, reason: noise))
                } else {
                    book.ledger.read(file.adapter.extract(row, mapping: file.mapping), provenance: provenance,
                                     context: file.rules)
                }
            }
        }
    }

    /// Every client list, document by document. Several lists (no reply among them) are held until
    /// the last is read, so one client in two of them becomes one (`CrossFileClients`).
    func convertClientLists() throws {
        let lists = plan.documents.reduce(0) { $0 + $1.tables.count }
        if lists > 1, !plan.documents.contains(where: \.context.isReply) { book.crossFile = CrossFileClients() }
        for document in plan.documents {
            for client in document.context.knownClients { book.reconciler.remember(client) }
            for (index, file) in document.tables.enumerated() {
                try convert(file, of: document.context, opensDocument: index == 0)
            }
            builder.endDocument()
        }
        guard let held = book.crossFile else { return }
        for file in held.files {
            builder.begin(file.report, tally: file.tally)
            try sinks.begin(file.start)
            for outcome in file.outcomes { try emit(outcome) }
        }
    }

    private func convert(_ file: FilePlan, of document: DocumentContext, opensDocument: Bool) throws {
        var report = file.report(messages: plan.messages.catalogue)
        if document.isReply { report.corrections = [] }
        let tally = BalanceTally(mapping: file.mapping, rules: file.rules)
        let start = file.start(messages: plan.messages.catalogue, knownClients: opensDocument ? document.knownClients : [])
        // Held, or handed on as each row's outcome is known.
        let emit: (RowOutcome) throws -> Void
        if let held = book.crossFile {
            held.begin(start, report: report, tally: tally)
            emit = { held.hold($0) }
        } else {
            builder.begin(report, tally: tally)
            // A reply's first sheet opens its account of the rows sent and added.
            if opensDocument, let sent = document.sentRows { builder.beginReturnedWorkbook(sent: sent) }
            try sinks.begin(start)
            emit = self.emit
        }
        for outcome in file.preamble { try emit(outcome) }
        var assembly = book.assembly(for: file)
        let rows = file.rows(limit: options.rowLimit, batchRows: options.batchRows, progress: options.progress)
        try rows.prepare(with: RowPreparation(file), parallel: options.parallel, chunk: min(64, options.batchRows / 16)) { batch in
            for row in batch { try assembly.add(row, emit: emit) }
        }
        try assembly.finish(emit: emit)
    }

    /// The balances files' rows, each pass merged into the client that took it or an error.
    func reportBalances() throws {
        for (index, file) in plan.balances.enumerated() {
            builder.begin(file.report(messages: plan.messages.catalogue),
                          tally: BalanceTally(mapping: file.mapping, rules: file.rules))
            try sinks.begin(file.start(messages: plan.messages.catalogue))
            for outcome in book.ledger.outcomes(ofFile: index) { try emit(outcome) }
            builder.endDocument()
        }
    }

    private func emit(_ outcome: RowOutcome) throws {
        builder.count(outcome)
        try sinks.consume(outcome)
    }

    /// The sinks finish with the report (a transactional sink commits here).
    func finish() throws -> RunReport {
        let report = builder.report()
        // Finishing can take seconds (errors.xlsx is compressed as it closes): say so.
        options.progress?(ConversionProgress(file: nil, rows: report.rows.read, fraction: 1, finishing: true))
        try sinks.finish(report)
        options.progress?(ConversionProgress(file: nil, rows: report.rows.read, fraction: 1))
        return report
    }
}

import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuRules

/// One table's plan: everything known of it before its first data row is read, for client lists
/// and balances files alike.
struct FilePlan {
    let table: ChosenTable
    let header: SourceRow
    let mapping: ColumnMapping
    let region: String?
    /// What the rules may know of the run beyond the row.
    let rules: RuleContext
    /// Its entry of `report.json`, before any row is counted (its problems not yet in words).
    let report: FileReport
    /// Problems of the file as a whole (`column_not_used`).
    let problems: [Issue]

    var adapter: any SourceAdapter { table.found.adapter }
    var isBalances: Bool { table.isBalances }

    /// `kept`: what a returned workbook kept of its first run (the phone country).
    /// The places in `ConversionOptions.columnChoices` of the choices that named a column here.
    let choicesUsed: Set<Int>

    init(_ table: ChosenTable, sheets: [String], kept: RunSettings?, options: ConversionOptions, phones: any PhoneParsing) {
        self.table = table
        let found = table.found
        let info = table.source.info
        header = table.head[found.index]
        // How the first run read the columns (a returned workbook), then what earlier imports
        // decided, then what the user decides now.
        let adapterID = found.adapter.id
        let firstRun = (kept?.columns ?? []).compactMap(ColumnChoice.firstRun)
        let asFirstRun = ColumnChoice.apply(firstRun, to: Self.marked(found.adapter, header: header.cells),
                                            header: header.cells, file: info.file, adapter: adapterID)
        let remembered = ColumnChoice.apply(options.rememberedChoices, to: asFirstRun.mapping,
                                            header: header.cells, file: info.file, adapter: adapterID)
        let chosen = ColumnChoice.apply(options.columnChoices, to: remembered.mapping, header: header.cells,
                                        file: info.file, adapter: adapterID)
        choicesUsed = chosen.used
        let account = ColumnAccount(mapping: chosen.mapping, header: header, sample: table.head[(found.index + 1)...],
                                    file: info.file)
        mapping = account.mapping
        problems = account.problems + ColumnChoice.missing(options.rememberedChoices, used: remembered.used,
                                                           adapter: adapterID, file: info.file, headerRow: header.number)
        let (region, regionSource) = Region.decide(option: options.region, kept: kept?.region, language: mapping.language)
        self.region = region
        rules = RuleContext(file: info.file, region: region, language: mapping.language, phones: phones,
                            columns: mapping.bestColumns, dateOrder: found.adapter.dateOrder)
        var report = FileReport(
            file: info.file, format: info.format, sheet: info.sheet, sheets: sheets,
            encoding: info.encoding, encodingReason: info.encodingReason,
            delimiter: info.delimiter, system: found.adapter.id, systemConfidence: found.recognition.confidence,
            systemReason: found.recognition.reasons,
            headerRow: header.number, language: mapping.language, region: region, regionSource: regionSource,
            mapping: mapping.columns.map { ColumnDecision($0, looksLike: account.looks[$0.column.index]) }, rows: RowCounts())
        report.systemName = found.adapter.description.name
        report.systemRunnerUp = found.runnerUp.map { SystemCandidate(id: $0.adapter.id, confidence: $0.recognition.confidence) }
        report.part = table.isBalances ? "balances" : "clients"
        self.report = report
    }

    /// The adapter's mapping, each column marked with where its decision came from: the header's
    /// words where the adapter decides as the generic reading does, the adapter where it does not.
    static func marked(_ adapter: any SourceAdapter, header: [String]) -> ColumnMapping {
        var mapping = adapter.mapping(for: header)
        guard adapter.description.role != .anyClientList else { return mapping }
        let words = GenericClientList().mapping(for: header).columns
        for index in mapping.columns.indices {
            let column = mapping.columns[index], position = column.column.index
            let same = words.indices.contains(position) && words[position].field == column.field
                && words[position].reason == column.reason
            if !same {
                mapping.columns[index].source = .adapter
                mapping.columns[index].unexplained = false
            }
        }
        return mapping
    }

    /// Its entry of `report.json` as the file starts, its problems in the run's language.
    func report(messages: MessageCatalogue) -> FileReport {
        var report = report
        report.problems = problems.map { ReportIssue($0, messages: messages) }
        return report
    }

    /// What the sinks are told as the file starts, in the run's language.
    func start(messages: MessageCatalogue, knownClients: [KnownClient] = []) -> FileStart {
        var start = FileStart(table: table.source.info, header: header, mapping: mapping, messages: messages,
                              system: adapter.id, systemName: adapter.description.name,
                              systemRole: adapter.description.role, region: region, knownClients: knownClients)
        start.problems = problems
        return start
    }

    /// The rows above the header (a title, column numbers), skipped.
    var preamble: [RowOutcome] {
        table.head[..<table.found.index].map { row in
            .skipped(Provenance(file: rules.file, row: row.number, cells: row.cells), reason: .preamble)
        }
    }

    /// The data rows, from the one below the header.
    func rows(limit: Int? = nil, batchRows: Int = 1, progress: (@Sendable (ConversionProgress) -> Void)? = nil) -> RowStream {
        RowStream(table.source, after: table.head[(table.found.index + 1)...], limit: limit, batchRows: batchRows,
                  progress: progress)
    }
}

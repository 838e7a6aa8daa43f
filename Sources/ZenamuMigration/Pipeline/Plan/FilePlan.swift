import Foundation
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
    /// Its entry of `report.json`, before any row is counted.
    let report: FileReport

    var adapter: any SourceAdapter { table.found.adapter }
    var isBalances: Bool { table.isBalances }

    /// `kept`: what a returned workbook kept of its first run (the phone country).
    init(_ table: ChosenTable, sheets: [String], kept: RunSettings?, region option: String?, phones: any PhoneParsing) {
        self.table = table
        let found = table.found
        let info = table.source.info
        header = table.head[found.index]
        mapping = found.adapter.mapping(for: header.cells)
        let (region, regionSource) = Region.decide(option: option, kept: kept?.region, language: mapping.language)
        self.region = region
        rules = RuleContext(file: info.file, region: region, language: mapping.language, phones: phones,
                            columns: mapping.bestColumns)
        var report = FileReport(
            file: info.file, format: info.format, sheet: info.sheet, sheets: sheets,
            encoding: info.encoding, encodingReason: info.encodingReason,
            delimiter: info.delimiter, system: found.adapter.id, systemConfidence: found.recognition.confidence,
            systemReason: found.recognition.reasons,
            headerRow: header.number, language: mapping.language, region: region, regionSource: regionSource,
            mapping: mapping.columns.map(ColumnDecision.init), rows: RowCounts())
        report.systemName = found.adapter.description.name
        report.systemRunnerUp = found.runnerUp.map { SystemCandidate(id: $0.adapter.id, confidence: $0.recognition.confidence) }
        report.part = table.isBalances ? "balances" : "clients"
        self.report = report
    }

    /// What the sinks are told as the file starts, in the run's language.
    func start(messages: MessageCatalogue, knownClients: [KnownClient] = []) -> FileStart {
        FileStart(table: table.source.info, header: header, mapping: mapping, messages: messages,
                  system: adapter.id, systemName: adapter.description.name, systemRole: adapter.description.role,
                  region: region, knownClients: knownClients)
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

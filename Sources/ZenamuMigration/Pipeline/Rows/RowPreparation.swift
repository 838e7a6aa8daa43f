import ZenamuCore
import ZenamuRules

/// A data row through the rows stage, before anything of the rest of the run is known.
enum PreparedRow: Sendable {
    /// Not a client row (blank, a footer, a note), or refused by itself.
    case outcome(RowOutcome)
    /// Through the row rules; the client rules and the rest of the run decide what it becomes.
    case normalised(ClientRecord, issues: RowIssues)
}

/// The rows stage: what a row is by itself (noise, extract, the row rules). Needs nothing of other
/// rows, so rows are prepared on a second thread while this one reads and writes.
struct RowPreparation: Sendable {
    // What a row needs of its file's plan: the part of it that crosses to the second thread.
    private let header: SourceRow
    private let adapter: any SourceAdapter
    private let mapping: ColumnMapping
    private let rules: RuleContext
    /// The lines above the header (a title), which a printed report repeats at each page break.
    private let titles: Set<[String]>

    init(_ plan: FilePlan) {
        header = plan.header
        adapter = plan.adapter
        mapping = plan.mapping
        rules = plan.rules
        titles = Set(plan.table.head[..<plan.table.found.index].map(\.cells).filter { $0.contains { !$0.isEmpty } })
    }

    func callAsFunction(_ row: SourceRow) -> PreparedRow {
        let provenance = Provenance(file: rules.file, row: row.number, cells: row.cells,
                                    origin: adapter.origin(of: row, mapping: mapping))
        if row.isBlank { return .outcome(.skipped(provenance, reason: .blank)) }
        if let noise = adapter.noise(row, header: header) { return .outcome(.skipped(provenance, reason: noise)) }
        if titles.contains(row.cells) { return .outcome(.skipped(provenance, reason: .repeatedTitle)) }
        let raw = adapter.extract(row, mapping: mapping)
        let (record, issues) = RuleBook.normaliseRow(raw, provenance: provenance, context: rules)
        return .normalised(record, issues: issues)
    }
}

extension RowStream {
    /// Every row prepared and handed to `take` a batch at a time, in file order. `parallel`: batch
    /// k is prepared on a second thread while this one hands batch k-1 on and reads batch k+1, then
    /// helps finish batch k; batches handed on go back to be released on the second thread.
    func prepare(with preparation: RowPreparation, parallel: Bool, chunk: Int,
                 _ take: ([PreparedRow]) throws -> Void) throws {
        guard parallel else {
            while case let batch = try nextBatch(), !batch.isEmpty { try take(batch.map(preparation.callAsFunction)) }
            return
        }
        let worker = BatchWorker(chunk: chunk) { preparation($0) }
        var batch = try nextBatch()
        var previous: [PreparedRow] = []
        var handed: [PreparedRow] = []
        while !batch.isEmpty {
            worker.start(batch, disposing: handed)
            handed = []
            do {
                try take(previous)
                batch = try nextBatch()
            } catch {
                _ = worker.wait()
                throw error
            }
            handed = previous
            previous = worker.wait()
        }
        try take(previous)
    }
}

import ZenamuCore

/// A file's data rows in file order, from the one below the header: those read with the header
/// first, then the rest of the source. A batch at a time for the rows stage, telling the progress.
final class RowStream {
    private var source: any RowSource
    private var pending: IndexingIterator<ArraySlice<SourceRow>>
    /// Stop after this many data rows (`inspect`).
    private let limit: Int?
    private let batchRows: Int
    private let progress: (@Sendable (ConversionProgress) -> Void)?
    private(set) var rowsRead = 0

    init(_ source: any RowSource, after head: ArraySlice<SourceRow>, limit: Int?, batchRows: Int,
         progress: (@Sendable (ConversionProgress) -> Void)?) {
        self.source = source
        pending = head.makeIterator()
        self.limit = limit
        self.batchRows = max(1, batchRows)
        self.progress = progress
    }

    /// The next row, or nil at the end (or at the limit).
    func next() throws -> SourceRow? {
        if let limit, rowsRead >= limit {
            try source.stopReading()
            return nil
        }
        guard let row = try pending.next() ?? source.next() else { return nil }
        rowsRead += 1
        return row
    }

    /// The next rows, at most a batch; empty at the end.
    func nextBatch() throws -> [SourceRow] {
        var batch: [SourceRow] = []
        while batch.count < batchRows, let row = try next() { batch.append(row) }
        progress?(ConversionProgress(file: source.info.file, rows: rowsRead, fraction: source.fractionRead))
        if !batch.isEmpty { StopPoint.reach("convert.batch") }
        return batch
    }
}

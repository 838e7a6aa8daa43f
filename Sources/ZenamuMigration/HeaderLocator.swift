import ZenamuAdapters
import ZenamuCore

/// Finds the header row (even below a title or a row of column numbers) and the adapter that
/// reads the file, by asking every adapter about each of the first rows.
struct HeaderLocator {
    /// How far down a header is looked for.
    static let searchRows = 30

    struct Found {
        /// Index into the rows searched.
        let index: Int
        let adapter: any SourceAdapter
        let recognition: Recognition
    }

    let adapters: [any SourceAdapter]

    /// The best (adapter, row) pair; an earlier row wins a tie.
    func locate(in rows: [SourceRow], file: String) throws -> Found {
        var best: Found?
        for (index, row) in rows.enumerated() where !row.isBlank {
            for adapter in adapters {
                let recognition = adapter.recognise(header: row.cells)
                guard recognition.confidence > 0 else { continue }
                if best.map({ recognition.confidence > $0.recognition.confidence }) ?? true {
                    best = Found(index: index, adapter: adapter, recognition: recognition)
                }
            }
        }
        guard let best else {
            let firstRow = rows.first { !$0.isBlank }
            let seen = firstRow.map { row in
                " The first row reads: " + row.cells.filter { !$0.isEmpty }.prefix(6)
                    .map { "\"\(OneLine.text($0, limit: 40))\"" }.joined(separator: ", ") + "."
            } ?? ""
            throw InputError(
                file: file,
                reason: "no header row found in the first \(Self.searchRows) rows: the tool needs column names such as "
                    + "\"name and surname\", \"email\", \"entries\", \"credits\", \"phone\", \"consent\" "
                    + "(in any of its languages) to know which column is which.\(seen)")
        }
        return best
    }
}

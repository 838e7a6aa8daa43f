import ZenamuAdapters
import ZenamuCore

/// Finds the header row (even below a title or a row of column numbers) and the adapter that
/// reads the file, by asking every adapter about each of the first rows and the rows below it.
struct HeaderLocator {
    /// How far down a header is looked for.
    static let searchRows = 30
    /// How many rows below a candidate header an adapter sees to judge the values.
    static let sampleRows = 20
    /// Two named systems closer than this are not told apart: the generic adapter reads the file.
    static let margin = 0.03

    struct Candidate {
        let adapter: any SourceAdapter
        let recognition: Recognition
    }

    struct Found {
        /// Index into the rows searched.
        let index: Int
        let adapter: any SourceAdapter
        let recognition: Recognition
        /// The best other adapter on the same header row, for the report.
        var runnerUp: Candidate?
    }

    let adapters: [any SourceAdapter]

    /// The best (adapter, row) pair; an earlier row wins a tie, and an adapter listed earlier
    /// (a named system before the generic adapter) wins a tie on one row.
    func locate(in rows: [SourceRow], file: String) throws -> Found {
        var best: (index: Int, ranked: [Candidate])?
        for (index, row) in rows.enumerated() where !row.isBlank {
            let sample = Array(rows[(index + 1)...].prefix(Self.sampleRows))
            let ranked = adapters.map { Candidate(adapter: $0, recognition: $0.recognise(header: row.cells, sample: sample)) }
                .filter { $0.recognition.confidence > 0 }
                .enumerated().sorted { ($0.element.recognition.confidence, -$0.offset) > ($1.element.recognition.confidence, -$1.offset) }
                .map(\.element)
            guard let top = ranked.first else { continue }
            if best.map({ top.recognition.confidence > $0.ranked[0].recognition.confidence }) ?? true {
                best = (index, ranked)
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
        return Self.decide(best.ranked, index: best.index)
    }

    /// The winner of one header row; two named systems too close to tell apart give the file to
    /// the generic adapter, which says so.
    static func decide(_ ranked: [Candidate], index: Int) -> Found {
        let top = ranked[0]
        let second = ranked.dropFirst().first
        if let second, isNamed(top.adapter), isNamed(second.adapter),
           top.recognition.confidence - second.recognition.confidence < margin,
           let generic = ranked.first(where: { $0.adapter.description.role == .anyClientList }) {
            var recognition = generic.recognition
            recognition.reasons.append(
                "\(top.adapter.description.name) and \(second.adapter.description.name) recognise the file almost equally "
                    + "(\(rounded(top.recognition.confidence)) and \(rounded(second.recognition.confidence))), "
                    + "so it is read by its header words; choose one with --system \(top.adapter.id) or --system \(second.adapter.id)")
            return Found(index: index, adapter: generic.adapter, recognition: recognition, runnerUp: top)
        }
        return Found(index: index, adapter: top.adapter, recognition: top.recognition, runnerUp: second)
    }

    static func isNamed(_ adapter: any SourceAdapter) -> Bool {
        adapter.description.role == .namedSystem
    }

    static func rounded(_ value: Double) -> String {
        String((value * 100).rounded() / 100)
    }
}

import ZenamuCore

/// The account of a returned workbook, as `report.json` gives it (`files[].returned`): of the rows
/// the workbook sent, how many came back fixed, are still to fix or were removed, and how many rows
/// the customer added. A sent row that never comes back, in any sheet, was deleted.
public struct ReplyAccount: Sendable {
    public private(set) var rows = ReturnedRows()
    /// The original rows the workbook sent (its hidden sheet `zenamu-sent`), and those seen so far.
    private let sent: Set<String>
    private var seen: Set<String> = []

    public init(sent: [String]) {
        self.sent = Set(sent)
        rows.sent = self.sent.count
    }

    /// Counts one row of the returned workbook.
    public mutating func count(_ outcome: RowOutcome) {
        let origin: RowReference?
        switch outcome {
        case let .accepted(record, _), let .merged(record, _): origin = record.provenance.origin
        case let .rejected(provenance, _), let .skipped(provenance, _): origin = provenance.origin
        }
        switch (outcome, origin) {
        case (.skipped(_, .removedByCustomer), _?): rows.removed += 1
        case (.skipped, _): break
        case (.accepted, _?), (.merged, _?): rows.fixed += 1
        case (.rejected, _?): rows.stillToFix += 1
        case (.accepted, nil), (.merged, nil):
            rows.added += 1
            rows.addedImported += 1
        case (.rejected, nil): rows.added += 1
        }
        if let origin { seen.insert(origin.text) }
    }

    /// The account once the whole workbook is read: the sent rows never seen count as removed.
    public func finished() -> ReturnedRows {
        var rows = rows
        rows.removed += sent.subtracting(seen).count
        return rows
    }

    /// The account in one sentence, for the terminal: "Of the 3 rows sent to the studio: 2 now
    /// imported (clients.csv #4, clients.csv #9), 1 still to fix, 0 removed by the studio."
    /// `fixed`: the original rows fixed now (the first five are named).
    public static func sentence(_ returned: ReturnedRows, fixed: [String]) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let sent = returned.sent > 0 ? "Of the \(count(returned.sent, "row")) sent to the studio" : "Of the rows sent back"
        var line = "\(sent): \(returned.fixed) now imported"
            + (fixed.isEmpty ? "" : " (" + fixed.prefix(5).joined(separator: ", ") + (fixed.count > 5 ? ", …" : "") + ")")
            + ", \(returned.stillToFix) still to fix, \(returned.removed) removed by the studio"
        if returned.added > 0 {
            line += "; \(count(returned.added, "row")) added by the studio: \(returned.addedImported) imported, "
                + "\(returned.added - returned.addedImported) to fix"
        }
        return line + "."
    }
}

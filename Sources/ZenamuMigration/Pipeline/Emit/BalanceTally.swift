import Foundation
import ZenamuCore
import ZenamuRules

/// Counts one file's entries and credits into its `Balances`, row by row, from the row's own cells
/// (an assembled client's record holds the sum of its passes, each pass row its own share), and
/// where the row's outcome put them.
struct BalanceTally {
    private let entries: Int?
    private let credits: Int?
    private let decimalComma: Bool?
    private(set) var balances = Balances()

    init(mapping: ColumnMapping, rules: RuleContext) {
        let best = mapping.bestColumns
        entries = best[.entries]?.index
        credits = best[.credits]?.index
        decimalComma = rules.usesDecimalComma
    }

    /// No balance columns: a returned workbook's added rows or a list without balances count nothing.
    static let none = BalanceTally()

    private init() {
        entries = nil
        credits = nil
        decimalComma = nil
    }

    mutating func count(_ outcome: RowOutcome) {
        guard entries != nil || credits != nil else { return }
        let cells: [String], expired: ExpiredBalance?
        let place: Place
        switch outcome {
        case .skipped: return
        case let .accepted(record, _):
            (cells, expired, place) = (record.provenance.cells, record.expired, .imported)
        case let .merged(record, issues):
            // A duplicate merged into another client's row; any other merge is a pass summed into its client.
            let duplicate = issues.contains { $0.kind == .duplicateMerged }
            (cells, expired, place) = (record.provenance.cells, record.expired, duplicate ? .merged : .imported)
        case let .rejected(provenance, _):
            (cells, expired, place) = (provenance.cells, nil, .rejected)
        }
        if let column = entries, column < cells.count, let whole = wholeNumber(cells[column]) {
            Self.count(whole, at: place, expired: expired?.entries, into: &balances.entries)
        }
        if let column = credits, column < cells.count,
           let value = Self.number(cells[column], decimalComma: decimalComma, counting: &balances.credits.unreadable) {
            Self.count(value, at: place, expired: expired?.credits, into: &balances.credits)
        }
    }

    private enum Place { case imported, rejected, merged }

    /// A row's own amount where its outcome put it; of an imported row, what its expired pass held
    /// is set apart.
    private static func count<Amount: Comparable>(_ amount: Amount, at place: Place, expired: Amount?,
                                                  into counts: inout BalanceCounts<Amount>) {
        counts.read += amount
        switch place {
        case .imported:
            let gone = min(amount, expired ?? .zero)
            counts.expired += gone
            counts.imported += amount - gone
        case .rejected: counts.inRejectedRows += amount
        case .merged: counts.merged += amount
        }
    }

    /// The cell's whole number of entries; nil for an empty cell or a placeholder, and for one that
    /// is no whole number (counted in `unreadable`). Most cells are plain digits, read from their
    /// bytes.
    private mutating func wholeNumber(_ cell: String) -> Int? {
        if let plain = NumberText.plainWhole(cell) { return plain }
        guard let value = Self.number(cell, decimalComma: decimalComma, counting: &balances.entries.unreadable) else { return nil }
        var exact = value, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        guard rounded == value, let whole = Int(rounded.description) else {
            balances.entries.unreadable += 1
            return nil
        }
        return whole
    }

    /// The cell's number; nil for an empty cell or a placeholder, and for one that is no number
    /// (counted in `unreadable`).
    private static func number(_ cell: String, decimalComma: Bool?, counting unreadable: inout Int) -> Decimal? {
        switch NumberText.read(cell, decimalComma: decimalComma) {
        case .blank: return nil
        case let .number(value, _): return value
        case .notANumber:
            if !cell.trimmingCharacters(in: .whitespaces).isEmpty { unreadable += 1 }
            return nil
        }
    }
}

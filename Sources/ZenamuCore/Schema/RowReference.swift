import Foundation

/// One row of the customer's original file, written "clients.csv #12".
///
/// The error workbook writes it beside every row to fix and reads it back, so a row keeps its
/// identity however many times it goes back and forth, and the report can say which original rows
/// a correction fixed.
public struct RowReference: Sendable, Hashable, Codable {
    public var file: String
    public var row: Int

    public init(file: String, row: Int) {
        self.file = file
        self.row = row
    }

    /// Reads "clients.csv #12"; nil for anything else (a cell the customer overwrote).
    public init?(text: String) {
        let text = text.trimmed
        guard let mark = text.range(of: " #", options: .backwards), let row = Int(text[mark.upperBound...]),
              row > 0, mark.lowerBound > text.startIndex
        else { return nil }
        self.init(file: String(text[..<mark.lowerBound]), row: row)
    }

    public var text: String { file + " #" + String(row) }
}

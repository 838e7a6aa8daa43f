import Foundation
import ZenamuCore
import ZenamuRules

/// A table to read, its first rows and the header found in them.
struct ChosenTable {
    let source: any RowSource
    let head: [SourceRow]
    let found: HeaderLocator.Found

    /// A system's second file, joined to its client list (`FilePart.balances`).
    var isBalances: Bool { found.adapter.part(of: head[found.index].cells) == .balances }

    /// The table with its first data rows read too (up to `rows`, within a budget of cells), so its
    /// columns are judged by their content before any row is converted (`ColumnAccount`). The rows
    /// stream replays them.
    func readingAhead(rows: Int, cells budget: Int = 2_000_000) throws -> ChosenTable {
        var source = source
        var head = head
        var cells = head.reduce(0) { $0 + $1.cells.count }
        while head.count < found.index + 1 + rows, cells < budget, let row = try source.next() {
            head.append(row)
            cells += max(1, row.cells.count)
        }
        return ChosenTable(source: source, head: head, found: found)
    }

    /// The tables to read in `document`: the sheet the user named, or else the one whose header an
    /// adapter recognises best (the first on a tie). A returned error workbook gives every one of
    /// its "To fix" sheets, one per file of the first run.
    static func choose(in document: any TableFile, file: String, sheet wanted: String?,
                       adapters: [any SourceAdapter]) throws -> [ChosenTable] {
        let names = document.sheetNames
        var candidates = names.isEmpty ? [0] : Array(names.indices)
        if let wanted, !names.isEmpty {
            guard let index = names.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) else {
                throw InputError(file: file, reason: "the workbook has no sheet named \"\(wanted)\"; its sheets are "
                    + names.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
            }
            candidates = [index]
        }
        let locator = HeaderLocator(adapters: adapters)
        var recognised: [ChosenTable] = []
        var firstFailure: Error?
        for index in candidates {
            var source = try document.rows(sheet: index)
            var head: [SourceRow] = []
            while head.count < HeaderLocator.searchRows, let row = try source.next() { head.append(row) }
            do {
                recognised.append(ChosenTable(source: source, head: head, found: try locator.locate(in: head, file: file)))
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        // max(by:) keeps the first of equals: the first sheet wins a tie.
        if let best = recognised.max(by: { $0.found.recognition.confidence < $1.found.recognition.confidence }) {
            let adapter = best.found.adapter
            let chosen = adapter.description.readsEverySheet ? recognised.filter { $0.found.adapter.id == adapter.id } : [best]
            return try chosen.map { try $0.readingAhead(rows: ColumnAccount.sampleRows) }
        }
        if candidates.count > 1 {
            throw InputError(file: file, reason: "none of the workbook's sheets ("
                + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") has a header row naming client columns such as "
                + "\"name and surname\" and \"email\"; choose the sheet with --sheet, or export the client list as CSV.")
        }
        throw firstFailure ?? InputError(file: file, reason: "the file has no table.")
    }
}

/// A file of one or more tables: a CSV has one, a workbook one per worksheet. The readers
/// (ZenamuReaders) make them; an adapter may look at the whole file (`SourceAdapter.context(of:)`).
public protocol TableFile: AnyObject {
    /// The worksheets' names, in the workbook's order; empty for a text file.
    var sheetNames: [String] { get }
    /// The rows of table `index` (0 for a text file).
    func rows(sheet index: Int) throws -> any RowSource
}

extension TableFile {
    /// The rows of the sheet named `name` (at most `limit`), or nil when there is no such sheet.
    public func rows(ofSheetNamed name: String, limit: Int = .max) throws -> [[String]]? {
        guard let index = sheetNames.firstIndex(of: name) else { return nil }
        var source = try rows(sheet: index)
        var rows: [[String]] = []
        while rows.count < limit, let row = try source.next() { rows.append(row.cells) }
        return rows
    }
}

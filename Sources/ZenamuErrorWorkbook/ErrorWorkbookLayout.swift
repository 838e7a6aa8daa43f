import ZenamuAdapters
import ZenamuCore

/// Where the error workbook puts our own columns on a "To fix" sheet, and how a returned workbook's
/// header finds them again: the writer (`ToFixSheet`) and the reader (`ReturnedErrorWorkbook`) both
/// go through this one definition, so what one writes the other reads.
///
/// "Original row" comes first, "Problem" second, then the customer's own columns. The customer may
/// move or translate nothing of ours, but may reorder, add or delete columns: the reader finds ours
/// by their header, in any of the catalogue languages, wherever they are now.
public enum ErrorWorkbookLayout {
    public static let referenceColumn: UInt16 = 0
    public static let problemColumn: UInt16 = 1
    public static let firstCustomerColumn: UInt16 = 2
    /// Excel's last column, XFD. A file wider than the sheet can hold beside our two columns keeps
    /// its last columns together in this one cell, "value | value", so nothing is lost.
    public static let lastColumn: UInt16 = 16_383

    /// Our two columns' places in a header, as the header search folds it; nil unless both are there
    /// (the "Warnings" sheet has a reference column too, but its rows were imported already).
    public static func ownColumns(in header: [String]) -> (reference: Int, problem: Int)? {
        guard let reference = header.firstIndex(where: { referenceHeaders.contains(key($0)) }),
              let problem = header.firstIndex(where: { problemHeaders.contains(key($0)) })
        else { return nil }
        return (reference, problem)
    }

    private static let referenceHeaders = Set(MessageLanguage.allCases.map { key($0.catalogue.words.referenceHeader) })
    private static let problemHeaders = Set(MessageLanguage.allCases.map { key($0.catalogue.words.problemHeader) })

    /// A header folded as the header search folds it ("ORIGINAL ROW " and "Original row" agree).
    private static func key(_ header: String) -> String { HeaderText.key(header) }
}

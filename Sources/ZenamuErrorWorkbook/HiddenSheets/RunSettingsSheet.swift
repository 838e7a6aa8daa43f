import ZenamuCore

/// The hidden sheet of the settings of the run that wrote the workbook (`zenamu-settings`).
extension RunSettings {
    /// The hidden sheet's name: not translated, since it is read, not shown.
    public static let sheetName = "zenamu-settings"

    /// The sheet's rows: a header, then one setting per row, then a `column` row per column decided.
    public var rows: [[String]] {
        [["setting", "value"], ["region", region ?? ""], ["locale", locale ?? ""]] + columns.map { ["column", $0] }
    }

    /// The `column` rows for a file's mapping: each column used, or explained as not used (a column
    /// nothing explains stays for the reply to judge again).
    public static func columnRows(_ mapping: ColumnMapping) -> [[String]] {
        mapping.columns.filter { !$0.column.header.isEmpty && ($0.field != nil || !$0.unexplained)
            && !mapping.addedColumns.contains($0.column.index) }
            .map { ["column", "\($0.column.header)=\($0.field?.rawValue ?? "")"] }
    }

    /// Read back from the sheet's rows; unknown settings are ignored, so an older tool reads a
    /// newer workbook.
    public init(rows: [[String]]) {
        var values: [String: String] = [:]
        var columns: [String] = []
        for row in rows.dropFirst() where row.count >= 2 && !row[1].isEmpty {
            if row[0] == "column" { columns.append(row[1]) } else { values[row[0]] = row[1] }
        }
        self.init(region: values["region"]?.uppercased(), locale: values["locale"]?.lowercased(), columns: columns)
    }
}

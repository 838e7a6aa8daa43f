import ZenamuCore

/// The hidden sheet of the settings of the run that wrote the workbook (`zenamu-settings`).
extension RunSettings {
    /// The hidden sheet's name: not translated, since it is read, not shown.
    public static let sheetName = "zenamu-settings"

    /// The sheet's rows: a header, then one setting per row.
    public var rows: [[String]] {
        [["setting", "value"], ["region", region ?? ""], ["locale", locale ?? ""]]
    }

    /// Read back from the sheet's rows; unknown settings are ignored, so an older tool reads a
    /// newer workbook.
    public init(rows: [[String]]) {
        var values: [String: String] = [:]
        for row in rows.dropFirst() where row.count >= 2 && !row[1].isEmpty { values[row[0]] = row[1] }
        self.init(region: values["region"]?.uppercased(), locale: values["locale"]?.lowercased())
    }
}

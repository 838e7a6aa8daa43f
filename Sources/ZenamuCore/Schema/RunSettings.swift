/// The settings of the run that wrote an error workbook, kept in it (a hidden sheet) so that the
/// corrected workbook, converted as it is, is read the same way: the country assumed for phones
/// written without a country code, and the customer's language.
public struct RunSettings: Sendable, Equatable {
    /// The hidden sheet's name: not translated, since it is read, not shown.
    public static let sheetName = "zenamu-settings"

    /// ISO 3166 alpha-2 ("GB"); nil when no country was known.
    public var region: String?
    /// ISO 639-1 ("en").
    public var locale: String?

    public init(region: String? = nil, locale: String? = nil) {
        self.region = region
        self.locale = locale
    }

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

/// The settings of the run that wrote an error workbook, kept in it (a hidden sheet) so that the
/// corrected workbook, converted as it is, is read the same way: the country assumed for phones
/// written without a country code, the customer's language and how each column was read (ZenamuErrorWorkbook's
/// `RunSettingsSheet.swift` writes and reads the sheet).
public struct RunSettings: Sendable, Equatable {
    /// ISO 3166 alpha-2 ("GB"); nil when no country was known.
    public var region: String?
    /// ISO 639-1 ("en").
    public var locale: String?
    /// How the first run read each column it could explain: "HEADER=field", or "HEADER=" for one
    /// it left unused on purpose, so the returned workbook's columns are read the same way.
    public var columns: [String]

    public init(region: String? = nil, locale: String? = nil, columns: [String] = []) {
        self.region = region
        self.locale = locale
        self.columns = columns
    }
}

/// Caps that keep a hostile file from exhausting the machine. The defaults fit any real client
/// list (a 1,000,000-row sheet is about 150 MB of XML); each can be raised on the command line.
public struct ReaderLimits: Sendable, Equatable {
    /// Most entries a workbook's zip may have. Real workbooks have tens.
    public var maxZipEntries = 10_000
    /// Most bytes one zip entry may inflate to.
    public var maxEntryBytes: UInt64 = 1 << 30
    /// Most bytes all entries read together may inflate to.
    public var maxTotalBytes: UInt64 = 2 << 30
    /// Most an entry may inflate relative to its compressed size, once past `ratioFloorBytes`.
    /// Spreadsheet XML compresses 5–30×; a zip bomb, thousands.
    public var maxCompressionRatio: UInt64 = 200
    /// Entries smaller than this are not held to the ratio: tiny repetitive parts compress very well.
    public var ratioFloorBytes: UInt64 = 1 << 20

    public init() {}
}

/// Caps that keep a hostile file from exhausting the machine. The defaults fit any real client
/// list (a 1,000,000-row sheet is about 150 MB of XML); the zip caps can be raised on the command
/// line. Every cap, when hit, ends the read with an error that names it.
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

    /// Most worksheets a workbook may list. Client lists have a few; each listed sheet is opened to
    /// look for the header, so thousands of them are an attack on time, not a client list.
    public var maxSheets = 1_000
    /// Most bytes of text a workbook's shared-strings table may hold in all. It is kept in memory
    /// while the sheet is read; a 1,000,000-client list needs about 40 MB.
    public var maxSharedStringBytes = 256 << 20

    /// Most bytes read from an input that is a pipe or FIFO rather than a file (it is copied to a
    /// temporary file to be read).
    public var maxPipedBytes: UInt64 = 2 << 30

    /// The longest cell any reader accepts (CSV, XLSX cells and shared strings): Excel's own cap
    /// is 32,767 characters, and a longer cell is a damaged file or a quote never closed.
    public static let maxCellBytes = 1 << 20

    public init() {}
}

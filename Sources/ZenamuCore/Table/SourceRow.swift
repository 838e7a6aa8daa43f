/// One row of the customer's file, numbered as their spreadsheet shows it.
public struct SourceRow: Sendable, Equatable {
    /// 1-based; a CSV record with a line break inside quotes is still one row, as in Excel.
    public var number: Int
    /// Cell texts, cleaned of what a spreadsheet adds (surrounding spaces, `="…"`, a leading `'`).
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> String {
        column < cells.count ? cells[column] : ""
    }

    /// True when every cell is empty.
    public var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
}

/// A column of the customer's file, as they would name it: "column C (E-mail)".
public struct ColumnRef: Sendable, Equatable, Hashable, Codable {
    /// 0-based position.
    public var index: Int
    /// The header text as written.
    public var header: String

    public init(index: Int, header: String) {
        self.index = index
        self.header = header
    }

    /// The spreadsheet letter: A, B, … Z, AA, AB …
    public var letter: String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let rem = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + rem))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// What a reader found out about a file before handing over its rows.
public struct TableInfo: Sendable, Equatable {
    /// The file's name as the customer knows it.
    public var file: String
    /// "csv" (later "xlsx", "xls").
    public var format: String
    /// "UTF-8", "UTF-16LE", "WINDOWS-1250"… nil for binary formats.
    public var encoding: String?
    /// How the encoding was decided ("byte-order mark", "valid UTF-8", "detected by uchardet").
    public var encodingReason: String?
    /// The field separator, nil for binary formats.
    public var delimiter: String?
    public var sheet: String?

    public init(file: String, format: String, encoding: String? = nil, encodingReason: String? = nil,
                delimiter: String? = nil, sheet: String? = nil) {
        self.file = file
        self.format = format
        self.encoding = encoding
        self.encodingReason = encodingReason
        self.delimiter = delimiter
        self.sheet = sheet
    }
}

/// A stream of rows: readers produce one, the pipeline pulls from it row by row, so memory does not
/// grow with the file.
public protocol RowSource {
    var info: TableInfo { get }
    /// The next row, or nil at the end. Throws `InputError` when the file is broken.
    mutating func next() throws -> SourceRow?
    /// How much of the table has been read, 0 … 1, for a progress line; nil when unknown.
    var fractionRead: Double? { get }
    /// Reading stops before the end (`inspect` reads the first rows): throws what the file is
    /// known to hold broken beyond them, as reading on would have. Most sources know nothing more.
    mutating func stopReading() throws
}

extension RowSource {
    public var fractionRead: Double? { nil }
    public mutating func stopReading() throws {}
}

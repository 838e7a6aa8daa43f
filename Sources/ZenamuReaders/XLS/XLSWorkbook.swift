import CFreeXL
import ZenamuCore

/// An old Excel workbook (BIFF, .xls) read through FreeXL, in this process. FreeXL loads the whole
/// file (it is not a streaming reader), so a sheet is read into memory when opened; .xls files are
/// capped at 65,536 rows by the format itself. FreeXL 1.0.6 can crash on a crafted file, so the
/// readers use it through `IsolatedXLSWorkbook` (a helper process) when the helper is there.
final class XLSWorkbook: TableFile {
    private var handle: UnsafeRawPointer?
    private let file: String
    let sheetNames: [String]

    init(path: String, file: String) throws {
        self.file = file
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        handle = opened
        guard status == FREEXL_OK, let handle else {
            if let opened { freexl_close(opened) }
            handle = nil
            throw Self.failure(status, path: path, file: file)
        }
        var password: UInt32 = 0
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &password) == FREEXL_OK,
           password != UInt32(FREEXL_BIFF_PLAIN) {
            throw InputError.passwordProtected(file)
        }
        var count: UInt32 = 0
        freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count)
        sheetNames = (0..<UInt16(clamping: count)).map { index in
            var name: UnsafePointer<CChar>?
            freexl_get_worksheet_name(handle, index, &name)
            return name.map { String(cString: $0) } ?? "Sheet\(index + 1)"
        }
    }

    deinit { if let handle { freexl_close(handle) } }

    func rows(sheet index: Int) throws -> any RowSource {
        guard let handle, freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
            throw InputError(file: file, reason: "the workbook is damaged (its sheet \(index + 1) cannot be read).")
        }
        var lastRow: UInt32 = 0, lastColumn: UInt16 = 0
        freexl_worksheet_dimensions(handle, &lastRow, &lastColumn)
        var rows: [SourceRow] = []
        for row in 0..<lastRow {
            var cells: [String] = []
            for column in 0..<lastColumn {
                var cell = FreeXL_CellValue()
                guard freexl_get_cell_value(handle, row, column, &cell) == FREEXL_OK else { cells.append(""); continue }
                cells.append(Self.text(cell))
            }
            while cells.last == "" { cells.removeLast() }
            if !cells.isEmpty { rows.append(SourceRow(number: Int(row) + 1, cells: cells)) }
        }
        return XLSSheetRows(info: TableInfo(file: file, format: "xls", sheet: sheetNames[index]), rows: rows)
    }

    /// FreeXL gives dates as `YYYY-MM-DD` text already; numbers get the same treatment as XLSX.
    static func text(_ cell: FreeXL_CellValue) -> String {
        switch Int32(cell.type) {
        case FREEXL_CELL_INT: return String(cell.value.int_value)
        case FREEXL_CELL_DOUBLE: return SpreadsheetValues.number(String(cell.value.double_value))
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            return cell.value.text_value.map { String(cString: $0).trimmed } ?? ""
        default: return ""
        }
    }

    /// An OLE2 file FreeXL cannot read: an encrypted XLSX (Office keeps those in OLE2, with an
    /// `EncryptedPackage` stream), or a damaged or non-Excel document.
    static func failure(_ status: Int32, path: String, file: String) -> InputError {
        let marker = Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        if let head = try? ByteChunks.head(path: path, file: file, count: 1 << 20),
           head.indices.contains(where: { head[$0...].starts(with: marker) }) {
            return InputError.passwordProtected(file)
        }
        return InputError(file: file, reason: "this is an Office document that is not a readable Excel workbook "
            + "(it may be damaged, or a Word file); open it in Excel and save it as .xlsx or CSV.")
    }
}

struct XLSSheetRows: RowSource {
    let info: TableInfo
    private let rows: [SourceRow]
    private var index = 0

    init(info: TableInfo, rows: [SourceRow]) {
        self.info = info
        self.rows = rows
    }

    mutating func next() throws -> SourceRow? {
        guard index < rows.count else { return nil }
        defer { index += 1 }
        return rows[index]
    }
}

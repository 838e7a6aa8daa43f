import Foundation
import ZenamuCore

/// Opens any supported file by what its bytes are, not by its extension: an XLSX saved as
/// `.csv` still reads as XLSX.
public enum TableReader {
    public enum Kind: Equatable, Sendable {
        case text
        /// A zip container: XLSX, XLSB, ODS, or something else zipped.
        case zip
        /// OLE2 compound document: XLS, or an encrypted Office file.
        case ole2
        case pdf
        case empty
    }

    static let headSize = 1 << 16

    public static func kind(of head: [UInt8]) -> Kind {
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        return .text
    }

    /// The tables of the file at `path`. Throws `InputError` with one clear sentence when the file
    /// cannot be read.
    public static func open(path: String, limits: ReaderLimits = ReaderLimits()) throws -> any TableFile {
        let file = (path as NSString).lastPathComponent
        let spool = try InputSpool(path: path, file: file, limits: limits)
        let table = try open(path: spool.path, file: file, limits: limits)
        return spool.path == path ? table : SpooledTableFile(table, spool: spool)
    }

    private static func open(path: String, file: String, limits: ReaderLimits) throws -> any TableFile {
        let head = try ByteChunks.head(path: path, file: file, count: headSize)
        switch kind(of: head) {
        case .empty:
            throw InputError(file: file, reason: "the file is empty.")
        case .zip:
            return try openZip(path: path, file: file, limits: limits)
        case .ole2:
            if let helper = IsolatedXLSWorkbook.helper {
                return try IsolatedXLSWorkbook(helper: helper, path: path, file: file)
            }
            return try XLSWorkbook(path: path, file: file)
        case .pdf:
            throw InputError(file: file, reason: "this is a PDF, not a client list; "
                + "export the clients from the old system as CSV or Excel instead.")
        case .text:
            return CSVFile(path: path, file: file, head: head)
        }
    }

    /// A zip is an XLSX, or another format we name so the customer knows what to save instead.
    static func openZip(path: String, file: String, limits: ReaderLimits) throws -> any TableFile {
        let archive = try ZipArchive(path: path, file: file, limits: limits)
        if archive.contains("xl/workbook.bin") {
            throw InputError(file: file, reason: "this is an Excel binary workbook (.xlsb); in Excel, use File › Save As "
                + "and choose Excel Workbook (.xlsx) or CSV UTF-8.")
        }
        if archive.contains("content.xml"), archive.contains("mimetype") {
            throw InputError(file: file, reason: "this is an OpenDocument spreadsheet (.ods); in LibreOffice, use File › "
                + "Save As and choose Excel 2007-365 (.xlsx) or Text CSV.")
        }
        guard archive.contains("[Content_Types].xml") else { throw XLSXWorkbook.notAWorkbook(file) }
        return try XLSXWorkbook(archive: archive)
    }
}

/// A delimited text file: one table.
final class CSVFile: TableFile {
    private let path: String
    private let file: String
    private let head: [UInt8]

    init(path: String, file: String, head: [UInt8]) {
        self.path = path
        self.file = file
        self.head = head
    }

    var sheetNames: [String] { [] }

    func rows(sheet index: Int) throws -> any RowSource {
        try CSVReader(path: path, file: file, head: head)
    }
}

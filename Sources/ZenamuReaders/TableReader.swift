import Foundation
import ZenamuCore

/// Opens any supported file by what its bytes are, not by its extension.
public enum TableReader {
    /// What the first bytes of a file say it is.
    public enum Kind: Equatable, Sendable {
        case text
        /// A zip container: XLSX, ODS, or something else zipped.
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

    /// A row source for the file at `path`. Throws `InputError` with one clear sentence when the
    /// file cannot be read.
    public static func open(path: String) throws -> any RowSource {
        let file = (path as NSString).lastPathComponent
        let head = try ByteChunks.head(path: path, file: file, count: headSize)
        switch kind(of: head) {
        case .empty:
            throw InputError(file: file, reason: "the file is empty.")
        case .zip:
            throw InputError(file: file, reason: "this is an Excel workbook (XLSX) or another zipped file; "
                + "this version reads CSV only: in Excel, use File › Save As › CSV UTF-8 and send that file.")
        case .ole2:
            throw InputError(file: file, reason: "this is an old Excel workbook (XLS); "
                + "this version reads CSV only: in Excel, use File › Save As › CSV UTF-8 and send that file.")
        case .pdf:
            throw InputError(file: file, reason: "this is a PDF, not a client list; "
                + "export the clients from the old system as CSV or Excel instead.")
        case .text:
            return try CSVReader(path: path, file: file, head: head)
        }
    }
}

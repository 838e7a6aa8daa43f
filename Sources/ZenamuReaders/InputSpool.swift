import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZenamuCore

/// A pipe or FIFO given as input (`<(gunzip -c list.csv.gz)`) can be read only once, but the
/// readers read a file more than once (the encoding is detected over the whole file before it is
/// decoded; libzip and FreeXL seek). Such an input is copied, once, into a temporary regular file
/// that lives as long as the table read from it. Regular files are read where they are.
final class InputSpool {
    let path: String
    private let copied: Bool

    /// `path` itself when it is a regular file; else a copy, of at most `limits.maxPipedBytes`.
    init(path: String, file: String, limits: ReaderLimits) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputError(file: file, reason: errno == ENOENT ? "the file does not exist."
                : "the file cannot be opened (\(String(cString: strerror(errno)))).")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            self.path = path
            copied = false
            return
        case S_IFDIR:
            throw InputError(file: file, reason: "this is a folder, not a file.")
        case S_IFIFO, S_IFSOCK:
            break
        default:
            // /dev/zero, /dev/urandom, a terminal: endless or interactive, never a client list.
            throw InputError(file: file, reason: "this is a device, not a file; give the exported client list's file.")
        }
        let source = open(path, O_RDONLY)
        guard source >= 0 else {
            throw InputError(file: file, reason: "the file cannot be opened (\(String(cString: strerror(errno)))).")
        }
        defer { close(source) }
        var template = Array((FileManager.default.temporaryDirectory.path + "/zenamu-input-XXXXXX").utf8CString)
        let target = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard target >= 0 else {
            throw InputError(file: file, reason: "the piped input cannot be copied to a temporary file "
                + "(\(String(cString: strerror(errno)))); save it to a file and give that file instead.")
        }
        self.path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        copied = true
        defer { close(target) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total: UInt64 = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: file, reason: "the input could not be read (\(String(cString: strerror(errno)))).")
            }
            total += UInt64(count)
            if total > limits.maxPipedBytes {
                throw InputError(file: file, reason: "the piped input is longer than \(size: limits.maxPipedBytes), the cap "
                    + "on input that is not a regular file; save it to a file and give that file instead.")
            }
            let written = buffer.withUnsafeBytes { write(target, $0.baseAddress, count) }
            guard written == count else {
                throw InputError(file: file, reason: "the piped input cannot be copied to a temporary file "
                    + "(\(String(cString: strerror(errno)))); save it to a file and give that file instead.")
            }
        }
    }

    deinit {
        if copied { unlink(path) }
    }
}

/// A table read from a spooled copy: keeps the copy until the table is done with.
final class SpooledTableFile: TableFile {
    private let table: any TableFile
    private let spool: InputSpool

    init(_ table: any TableFile, spool: InputSpool) {
        self.table = table
        self.spool = spool
    }

    var sheetNames: [String] { table.sheetNames }
    func rows(sheet index: Int) throws -> any RowSource { try table.rows(sheet: index) }
}

/// Inputs a command reads more than once as a whole (`import` hashes a file, then converts it):
/// a pipe among them is read once into a regular file of the same name in a folder of its own,
/// so both read the same bytes and the reports name it as the user did.
public final class SpooledInputs {
    public let paths: [String]
    private var folders: [String] = []

    public init(_ paths: [String], limits: ReaderLimits) throws {
        var spooled: [String] = []
        var folders: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFSOCK else {
                spooled.append(path)
                continue
            }
            let name = (path as NSString).lastPathComponent
            let spool = try InputSpool(path: path, file: name, limits: limits)
            var template = Array((FileManager.default.temporaryDirectory.path + "/zenamu-pipe-XXXXXX").utf8CString)
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
                throw InputError(file: name, reason: "the piped input cannot be kept in a temporary folder; save it to a "
                    + "file and give that file instead.")
            }
            let folder = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
            folders.append(folder)
            let kept = (folder as NSString).appendingPathComponent(name)
            guard link(spool.path, kept) == 0 || (try? FileManager.default.copyItem(atPath: spool.path, toPath: kept)) != nil else {
                throw InputError(file: name, reason: "the piped input cannot be kept in a temporary folder; save it to a "
                    + "file and give that file instead.")
            }
            spooled.append(kept)
        }
        self.paths = spooled
        self.folders = folders
    }

    deinit {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }
}

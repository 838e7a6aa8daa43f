import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ZenamuCore

/// An .xls workbook read by FreeXL in a helper process, `zenamu-xls-reader`, beside the program.
///
/// FreeXL is the only C library here that crashes on hostile input: fuzzing found a crafted 5.6 KB
/// file on which Debian 12's FreeXL 1.0.6 frees an invalid pointer and dies with SIGSEGV (kept
/// in fixtures/crashers). A crash, a hang or runaway output in the helper ends as one sentence about
/// the file, never as a crash of the tool. The helper writes every sheet's rows to its output in
/// `XLSDump`'s framing; .xls is small by format (65,536 rows), so it is read whole.
final class IsolatedXLSWorkbook: TableFile {
    let sheetNames: [String]
    private let tables: [[SourceRow]]
    private let file: String

    /// Longest the helper may run, and most it may write, before the file is called unreadable.
    static let timeLimit: TimeInterval = 60
    static let outputLimit = 1 << 30

    /// The helper beside this program (or named by `ZENAMU_XLS_READER`); nil when there is none.
    static var helper: String? {
        if let path = ProcessInfo.processInfo.environment["ZENAMU_XLS_READER"] { return path }
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let path = program.deletingLastPathComponent().appendingPathComponent("zenamu-xls-reader").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    init(helper: String, path: String, file: String) throws {
        self.file = file
        let result = try Self.spawn(helper, arguments: [path, file], file: file)
        if result.crashed {
            throw InputError(file: file, reason: "this .xls file made the Excel reader fail (it is damaged, or built to "
                + "break readers); open it in Excel and save it as .xlsx or CSV.")
        }
        guard result.status == 0 else {
            let reason = String(decoding: result.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw InputError(file: file, reason: reason.isEmpty ? "the .xls file cannot be read." : reason)
        }
        (sheetNames, tables) = try XLSDump.read(result.output, file: file)
    }

    /// Runs the helper with posix_spawn (not Foundation's Process: under the address sanitizer its
    /// Linux implementation reads past a buffer of its own), reading both pipes with poll until it
    /// ends, and killing it past the time or output limit.
    private static func spawn(_ helper: String, arguments: [String], file: String) throws
        -> (output: [UInt8], errors: [UInt8], status: Int32, crashed: Bool)
    {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw InputError(file: file, reason: "the .xls reader could not be started (no pipe).")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for descriptor in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // A crash is an answer here, not something to report at length (or wait for).
        let environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let argv = ([helper] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, helper, &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else {
            throw InputError(file: file, reason: "the .xls reader could not be started (\(String(cString: strerror(spawned)))).")
        }
        var output: [UInt8] = [], errors: [UInt8] = []
        var open: [Int32] = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = Date().addingTimeInterval(timeLimit)
        var killed = false
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let left = Int32(max(0, min(1_000, deadline.timeIntervalSinceNow * 1_000)))
            if poll(&fds, nfds_t(fds.count), left) < 0, errno != EINTR { break }
            if Date() > deadline || output.count > outputLimit {
                kill(pid, SIGKILL)
                killed = true
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == outPipe[0] { output += buffer[..<count] } else if errors.count < 1 << 16 { errors += buffer[..<count] }
                } else {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signalled = status & 0x7F != 0
        return (output, errors, signalled ? -1 : (status >> 8) & 0xFF, signalled || killed)
    }

    func rows(sheet index: Int) throws -> any RowSource {
        guard tables.indices.contains(index) else {
            throw InputError(file: file, reason: "the workbook is damaged (its sheet \(index + 1) cannot be read).")
        }
        return XLSSheetRows(info: TableInfo(file: file, format: "xls", sheet: sheetNames[index]), rows: tables[index])
    }
}

/// How the helper hands a workbook over: one line per record, fields separated by tabs, with `\\`,
/// tab, line feed and carriage return escaped. `S name` lists a sheet; `T` starts the next sheet's
/// rows; `R number cell…` is a row.
public enum XLSDump {
    /// Reads the .xls at `path` in this process and writes it to standard output; on a file that
    /// cannot be read, writes the reason to standard error and exits with status 2. The helper's
    /// whole job.
    public static func run(path: String, file: String) -> Never {
        do {
            let workbook = try XLSWorkbook(path: path, file: file)
            var out: [UInt8] = []
            func flush() {
                out.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                        if written <= 0 { exit(3) }
                        offset += written
                    }
                }
                out.removeAll(keepingCapacity: true)
            }
            func line(_ fields: [String]) {
                out += Array(fields.map(escaped).joined(separator: "\t").utf8)
                out.append(0x0A)
                if out.count > 1 << 16 { flush() }
            }
            for name in workbook.sheetNames { line(["S", name]) }
            for index in workbook.sheetNames.indices {
                line(["T"])
                var rows = try workbook.rows(sheet: index)
                while let row = try rows.next() { line(["R", String(row.number)] + row.cells) }
            }
            flush()
            exit(0)
        } catch let error as InputError {
            FileHandle.standardError.write(Data(error.reason.utf8))
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("the .xls file cannot be read (\(error)).".utf8))
            exit(2)
        }
    }

    static func read(_ bytes: [UInt8], file: String) throws -> (sheets: [String], tables: [[SourceRow]]) {
        var sheets: [String] = []
        var tables: [[SourceRow]] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { unescaped(Array($0)) }
            switch fields.first {
            case "S": sheets.append(fields.count > 1 ? fields[1] : "")
            case "T": tables.append([])
            case "R":
                guard fields.count >= 2, let number = Int(fields[1]), !tables.isEmpty else { fallthrough }
                tables[tables.count - 1].append(SourceRow(number: number, cells: Array(fields.dropFirst(2))))
            default:
                throw InputError(file: file, reason: "the .xls reader returned something unreadable.")
            }
        }
        guard !sheets.isEmpty, tables.count == sheets.count else {
            throw InputError(file: file, reason: "the .xls reader returned an incomplete workbook.")
        }
        return (sheets, tables)
    }

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescaped(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5C, index + 1 < bytes.count {
                switch bytes[index + 1] {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(bytes[index + 1])
                }
                index += 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

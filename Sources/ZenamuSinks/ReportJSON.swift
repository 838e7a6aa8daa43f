import Foundation
import ZenamuCore

/// `report.json`: keys sorted, absent values written as `null` rather than left out, so scripts
/// can rely on every key of the contract being there.
public enum ReportJSON {
    public static func encode(_ report: RunReport) throws -> Data {
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `element(issue, encoder:)`, written directly: a report of many issues spent most of its
    /// time in `JSONEncoder`. The same bytes: keys sorted, `null` for absent values, the escapes
    /// Foundation's encoder writes (tested against it).
    static func element(_ issue: ReportIssue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + issue.message.utf8.count)
        out += "    {\n".utf8
        let fields: [(String, JSONValue)] = [
            ("code", .text(issue.code)), ("column", .text(issue.column)), ("columnLetter", .text(issue.columnLetter)),
            ("field", .text(issue.field)), ("file", .text(issue.file)), ("message", .text(issue.message)),
            ("row", .number(issue.row)), ("severity", .text(issue.severity.rawValue)),
            ("suggestion", .text(issue.suggestion)), ("value", .text(issue.value)),
        ]
        for (index, (key, value)) in fields.enumerated() {
            out += "      \"".utf8
            out += key.utf8
            out += "\" : ".utf8
            switch value {
            case let .text(text?): appendString(text, to: &out)
            case .text(nil): out += "null".utf8
            case let .number(number): out += String(number).utf8
            }
            out += (index == fields.count - 1 ? "\n" : ",\n").utf8
        }
        out += "    }".utf8
        return out
    }

    private enum JSONValue {
        case text(String?)
        case number(Int)
    }

    /// A JSON string as Foundation's encoder writes it (slashes unescaped).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { bytes in
            // Most texts need no escape: copied whole.
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x08: out += [0x5C, UInt8(ascii: "b")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0C: out += [0x5C, UInt8(ascii: "f")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: out.append(byte)
                }
            }
        }
        out.append(0x22)
    }

    /// One element of a top-level array, indented as `encode` indents it there.
    static func element(_ value: some Encodable, encoder: JSONEncoder) throws -> [UInt8] {
        let text = try encoder.encode(value)
        var bytes: [UInt8] = Array("    ".utf8)
        for byte in text {
            bytes.append(byte)
            if byte == 0x0A { bytes += Array("    ".utf8) }
        }
        return bytes
    }
}

/// Writes `report.json`. Issues and skipped rows are not kept in memory: each is encoded as it
/// comes into a spool file beside the report, and spliced into the report's `issues` and
/// `skipped` arrays when the run finishes. Memory grows with the clients, not with the issues.
/// Consecutive rows skipped for the same reason are one entry (`row` … `through`): a file of a
/// million blank lines is one line of the report.
public final class ReportSink: ClientSink {
    private let url: URL
    private let encoder = ReportJSON.encoder
    private var messages = MessageCatalogue.english
    private var issues: Spool
    private var skipped: Spool
    /// The run of skipped rows being gathered.
    private var skipRun: SkippedRow?

    public init(url: URL) throws {
        self.url = url
        issues = try Spool(path: url.path + ".issues")
        skipped = try Spool(path: url.path + ".skipped")
    }

    deinit {
        issues.remove()
        skipped.remove()
    }

    public func begin(_ file: FileStart) throws {
        messages = file.messages
        try endSkipRun()
        for problem in file.problems { try issues.add(ReportJSON.element(ReportIssue(problem, messages: messages))) }
    }

    public func consume(_ outcome: RowOutcome) throws {
        let found: [Issue]
        var rejected = false
        switch outcome {
        case let .accepted(_, warnings): found = warnings
        case let .merged(_, all): found = all
        case let .rejected(_, all):
            found = all
            rejected = true
        case let .skipped(provenance, reason):
            if var run = skipRun, run.file == provenance.file, run.reason == reason, run.through + 1 == provenance.row {
                run.through = provenance.row
                skipRun = run
            } else {
                try endSkipRun()
                skipRun = SkippedRow(file: provenance.file, row: provenance.row, reason: reason)
            }
            return
        }
        try endSkipRun()
        for issue in found {
            try issues.add(ReportJSON.element(ReportIssue(issue, messages: messages, onRejectedRow: rejected)))
        }
    }

    private func endSkipRun() throws {
        guard let run = skipRun else { return }
        skipRun = nil
        try skipped.add(ReportJSON.element(run, encoder: encoder))
    }

    public func finish(_ report: RunReport) throws {
        try endSkipRun()
        let out = try OutputFile(path: url.path)
        try ReportJSON.write(report, to: out, streamed: ["issues": issues, "skipped": skipped])
        try out.close()
        issues.remove()
        skipped.remove()
    }
}

extension ReportJSON {
    /// `report.json` from the report itself, key by key (`RunReport.CodingKeys`) in the encoder's
    /// order, each value as the encoder writes it one level in; the arrays in `streamed` (which the report leaves empty) come
    /// from their spools instead. The same bytes as `encode` gives for the whole report.
    fileprivate static func write(_ report: RunReport, to out: OutputFile, streamed: [String: Spool]) throws {
        // The report's own keys, in the order the encoder sorts them.
        let parts = RunReport.CodingKeys.allCases.map { ($0.rawValue, report.value(for: $0)) }.sorted { $0.0 < $1.0 }
        try out.write("{\n")
        for (index, (key, value)) in parts.enumerated() {
            try out.write("  \"\(key)\" : ")
            if let spool = streamed[key] {
                try out.write("[")
                try spool.copy(to: out)
                try out.write(spool.count == 0 ? "\n\n  ]" : "\n  ]")
            } else {
                try out.write(indented(try encoder.encode(value)))
            }
            try out.write(index == parts.count - 1 ? "\n" : ",\n")
        }
        try out.write("}\n")
    }

    /// Encoded text one level in: two spaces after every line break but before an empty line.
    private static func indented(_ data: Data) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + data.count / 16)
        var previous: UInt8 = 0
        for byte in data {
            if previous == 0x0A && byte != 0x0A { bytes += [0x20, 0x20] }
            bytes.append(byte)
            previous = byte
        }
        return bytes
    }
}

/// Encoded array elements, on disk until the report is written.
private final class Spool {
    let path: String
    private var file: OutputFile?
    private(set) var count = 0

    init(path: String) throws {
        self.path = path
        file = try OutputFile(path: path)
    }

    func add(_ element: [UInt8]) throws {
        try file?.write(count == 0 ? [0x0A] : [0x2C, 0x0A])
        try file?.write(element)
        count += 1
    }

    /// Appends the elements to `out`.
    func copy(to out: OutputFile) throws {
        guard let file else { return }
        try file.flush()
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OutputError(path: path, reason: "the spooled part of the report cannot be read back")
        }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty { try out.write(chunk) }
    }

    func remove() {
        file = nil
        unlink(path)
    }
}

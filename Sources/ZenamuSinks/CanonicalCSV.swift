import Foundation
import ZenamuCore

/// Zenamu's own import format: `name and surname,email,entries,credits,phone,consent`.
///
/// Values as ARCHITECTURE.md fixes them: e-mail lower-cased, entries whole, credits with a `.`
/// decimal point, phone E.164, consent `yes`, `no` or empty. Written for Excel too: a UTF-8
/// byte-order mark (without it Excel shows "Nováková" as "NovĂˇkovĂˇ"), CRLF line ends, and a
/// name that starts like a formula (`=`, `+`, `-`, `@`) is prefixed with `'` so Excel shows it as
/// text instead of running it. Validated values are never altered: E.164 phones, numbers, and
/// e-mails, which must reach Zenamu exactly as the client will sign up with them (an address such
/// as `-anna@example.cz` is valid, and `'-anna@example.cz` would be another address).
public enum CanonicalCSV {
    public static let header = ["name and surname", "email", "entries", "credits", "phone", "consent"]

    /// One record's cells, in header order.
    public static func cells(_ record: ClientRecord) -> [String] {
        [
            neutralised(record.name.display),
            record.email ?? "",
            record.entries.map(String.init) ?? "",
            record.credits.map(\.plainText) ?? "",
            record.phone?.e164 ?? "",
            record.consent.value == .unknown ? "" : record.consent.value.rawValue,
        ]
    }

    /// One CSV line (without the line end).
    public static func line(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        append(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One CSV line's bytes (without the line end), appended: quoting is decided on the UTF-8
    /// bytes, a cell at a time.
    public static func append(_ cells: [String], to out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(0x2C) }
            guard needsQuotes(cell) else {
                Self.append(cell, to: &out)
                continue
            }
            out.append(0x22)
            for byte in cell.utf8 {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }

    /// A cell's bytes, copied from its contiguous UTF-8.
    private static func append(_ cell: String, to out: inout [UInt8]) {
        var cell = cell
        cell.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A separator, a quote or a line break inside, or white space at either end.
    static func needsQuotes(_ cell: String) -> Bool {
        let utf8 = cell.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        var copy = cell
        if copy.withUTF8({ $0.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }) { return true }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        if first < 0x80 ? isSpace(first) : cell.first?.isWhitespace == true { return true }
        return last < 0x80 ? isSpace(last) : cell.last?.isWhitespace == true
    }

    /// Free text that a spreadsheet would take for a formula gets a leading apostrophe (OWASP).
    /// Judged by Unicode scalar, not by grapheme: "=" followed by a combining mark is one
    /// character but still starts a formula. Spreadsheet programs skip leading spaces and tabs
    /// before deciding, and so does this check.
    public static func neutralised(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return text }
        if first == "\t" || first == "\r" || first == "\n" { return "'" + text }
        guard let opening = scalars.first(where: { $0 != " " && $0 != "\t" }),
              ["=", "+", "-", "@"].contains(opening) else { return text }
        return "'" + text
    }
}

/// Writes `clients.csv` as rows arrive, so the file is never held in memory.
public final class CanonicalCSVSink: ClientSink {
    private let file: OutputFile

    public init(url: URL) throws {
        file = try OutputFile(path: url.path)
        try file.write([0xEF, 0xBB, 0xBF])
        try append(CanonicalCSV.line(CanonicalCSV.header))
    }

    private var line: [UInt8] = []

    public func consume(_ outcome: RowOutcome) throws {
        guard case let .accepted(record, _) = outcome else { return }
        line.removeAll(keepingCapacity: true)
        CanonicalCSV.append(CanonicalCSV.cells(record), to: &line)
        line.append(0x0D)
        line.append(0x0A)
        try file.write(line)
    }

    public func finish(_ report: RunReport) throws {
        try file.close()
    }

    private func append(_ line: String) throws {
        try file.write(line.utf8)
        try file.write([0x0D, 0x0A])
    }
}

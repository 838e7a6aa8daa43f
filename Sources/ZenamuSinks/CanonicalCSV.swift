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
            record.credits.map { "\($0)" } ?? "",
            record.phone?.e164 ?? "",
            record.consent.value == .unknown ? "" : record.consent.value.rawValue,
        ]
    }

    /// One CSV line (without the line end).
    public static func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",")
    }

    static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
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

    public func consume(_ outcome: RowOutcome) throws {
        guard case let .accepted(record, _) = outcome else { return }
        try append(CanonicalCSV.line(CanonicalCSV.cells(record)))
    }

    public func finish(_ report: RunReport) throws {
        try file.close()
    }

    private func append(_ line: String) throws {
        try file.write(line.utf8)
        try file.write([0x0D, 0x0A])
    }
}

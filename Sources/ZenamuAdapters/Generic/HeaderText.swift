import Foundation

/// Header words compared the way people write them: case, accents, spaces and punctuation do not
/// count ("E-Mail-Adresse" = "email adresse" = "EMAILADRESSE").
public enum HeaderText {
    /// Longer than this (in UTF-8 bytes), a cell is not a column name. Checked before any folding,
    /// so a header search costs time in proportion to the header's plausible text, whatever the
    /// cells hold: a workbook can point a thousand cells at one megabyte of text.
    public static let maxBytes = 256

    public static func isPlausible(_ header: String) -> Bool { header.utf8.count <= maxBytes }

    /// Lower-cased, accents folded, only letters and digits kept; empty for a cell too long to be
    /// a column name.
    public static func key(_ header: String) -> String {
        guard isPlausible(header) else { return "" }
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The keys of every cell of a header. The header search asks every adapter about the same
    /// candidate row in turn, so the last row's keys are kept: folding a header of 16,384 columns
    /// once per row, not once per adapter, keeps the search in time with the header's size.
    public static func keys(_ header: [String]) -> [String] {
        lastKeys.value(for: header) { $0.map(key) }
    }

    /// The same keys as a set, for adapters that ask whether a header has a column.
    public static func keySet(_ header: [String]) -> Set<String> {
        lastKeySet.value(for: header) { Set(keys($0)) }
    }

    private static let lastKeys = LastValue<[String], [String]>()
    private static let lastKeySet = LastValue<[String], Set<String>>()

    /// The key without a parenthesised remark or a trailing number: "Phone (mobile) 2" → "phone".
    public static func looseKey(_ header: String) -> String {
        guard isPlausible(header) else { return "" }
        var text = header
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        var key = key(text)
        while let last = key.last, last.isNumber { key.removeLast() }
        return key
    }
}

/// The last input and its result, for work asked about the same input several times in a row.
final class LastValue<Input: Equatable & Sendable, Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (input: Input, output: Output)?

    func value(for input: Input, compute: (Input) -> Output) -> Output {
        lock.lock()
        if let last, last.input == input {
            lock.unlock()
            return last.output
        }
        lock.unlock()
        let output = compute(input)
        lock.lock()
        last = (input, output)
        lock.unlock()
        return output
    }
}

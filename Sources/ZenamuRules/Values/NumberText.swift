import Foundation
import ZenamuCore

/// Reads a number written any way studios write one: `1 000,50`, `1.000,50`, `1,000.50`,
/// `5 visits`, `$1,495.00`, `150 Kč`, `(20)`.
public enum NumberText {
    public enum Reading: Equatable, Sendable {
        /// Empty, or a placeholder such as `---` or `n/a`.
        case blank
        /// `ambiguous`: a single `.` or `,` followed by three digits (`1.500`), read by the file's
        /// language (or as thousands when it is unknown); the customer should confirm.
        case number(Decimal, ambiguous: Bool)
        case notANumber
    }

    static let posix = Locale(identifier: "en_US_POSIX")
    static let placeholders: Set<String> = ["-", "--", "---", "—", "–", "n/a", "na", "none", "null", "nil", "x"]
    static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’"]

    /// `decimalComma`: whether the file's language writes decimals with a comma; nil when unknown.
    public static func read(_ text: String, decimalComma: Bool?) -> Reading {
        if let whole = plainWhole(text) { return .number(Decimal(whole), ambiguous: false) }
        if let decimal = plainDecimal(text) { return .number(decimal, ambiguous: false) }
        return readByCharacters(text, decimalComma: decimalComma)
    }

    /// The number of a cell that is ASCII digits, grouped by single spaces or not, with one
    /// decimal mark (`250,5`, `1 000,50`, `12.75`), read from its bytes: the usual credits cell.
    /// nil for anything else, and for the ambiguous `1.500`, which `readByCharacters` reads.
    static func plainDecimal(_ text: String) -> Decimal? {
        var significand: Int64 = 0, digits = 0
        var whole = 0, fraction: Int?
        var afterSpace = false, lastWasDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                guard digits < 18 else { return nil }
                significand = significand * 10 + Int64(byte - 0x30)
                digits += 1
                if fraction != nil { fraction! += 1 } else { whole += 1 }
                afterSpace = false
                lastWasDigit = true
            case 0x20:
                // A grouping space sits between digits of the whole part.
                guard lastWasDigit, fraction == nil else { return nil }
                afterSpace = true
                lastWasDigit = false
            case 0x2C, 0x2E:
                guard lastWasDigit, fraction == nil else { return nil }
                fraction = 0
                lastWasDigit = false
            default:
                return nil
            }
        }
        guard lastWasDigit, !afterSpace, let places = fraction, places > 0 else { return nil }
        // One mark before three digits after at most three (`1.500`) may be a thousands separator.
        if places == 3, whole <= 3, !(whole == 1 && text.utf8.first == 0x30) { return nil }
        return Decimal(sign: .plus, exponent: -places, significand: Decimal(significand))
    }

    /// The number of a cell that is a run of ASCII digits and, after it, no other digit (`5`,
    /// `3 vstupy`), read from its bytes: most balance cells are. nil for anything else (a mark,
    /// a sign, a currency before, more than 15 digits), which `read` reads a character at a time
    /// with the same result.
    public static func plainWhole(_ text: String) -> Int? {
        var utf8 = text.utf8.makeIterator()
        var byte = utf8.next()
        while let space = byte, space == 0x20 || (0x09...0x0D).contains(space) { byte = utf8.next() }
        var value = 0, digits = 0
        while let digit = byte, digit >= 0x30, digit <= 0x39 {
            value = value * 10 + Int(digit - 0x30)
            digits += 1
            guard digits <= 15 else { return nil }
            byte = utf8.next()
        }
        // A non-ASCII byte right after the digits may be a mark joined to the last one.
        guard digits > 0, byte.map({ $0 < 0x80 }) ?? true else { return nil }
        while let rest = byte {
            if rest >= 0x30, rest <= 0x39 { return nil }
            byte = utf8.next()
        }
        return value
    }

    /// `read`, a character at a time: every form a number is written in.
    static func readByCharacters(_ text: String, decimalComma: Bool?) -> Reading {
        let trimmed = text.trimmed
        if trimmed.isEmpty || placeholders.contains(trimmed.lowercased()) { return .blank }
        let characters = Array(trimmed)
        guard let first = characters.firstIndex(where: \.isASCIIDigit) else { return .notANumber }

        // The numeric run: digits with separators and grouping spaces between them.
        var end = first
        while end < characters.count,
              characters[end].isASCIIDigit || characters[end] == "." || characters[end] == "," || spaces.contains(characters[end]) {
            end += 1
        }
        var core = Array(characters[first..<end])
        while let last = core.last, !last.isASCIIDigit { core.removeLast() }
        let before = String(characters[..<first]), after = String(characters[(first + core.count)...])
        // Whatever surrounds the number may be a unit or a currency, never another number.
        guard !after.contains(where: \.isASCIIDigit) else { return .notANumber }
        let negative = before.contains { $0 == "-" || $0 == "−" } || (before.contains("(" as Character) && after.contains(")" as Character))
        // A currency code (`CZK 150`) may stand before the number; a word may not.
        guard before.filter(\.isLetter).count <= 3 else { return .notANumber }

        let digitsAndMarks = core.filter { !spaces.contains($0) }
        let dots = digitsAndMarks.filter { $0 == "." }.count, commas = digitsAndMarks.filter { $0 == "," }.count
        var decimalMark: Character?
        var ambiguous = false
        switch (dots, commas) {
        case (0, 0): decimalMark = nil
        case (_, 0) where dots > 1, (0, _) where commas > 1: decimalMark = nil
        case (1, 0), (0, 1):
            let mark: Character = dots == 1 ? "." : ","
            let parts = String(digitsAndMarks).split(separator: mark, omittingEmptySubsequences: false)
            if parts[1].count == 3, parts[0].count <= 3, parts[0] != "0" {
                ambiguous = true
                let markIsDecimal = decimalComma.map { (mark == ",") == $0 } ?? false
                decimalMark = markIsDecimal ? mark : nil
            } else {
                decimalMark = mark
            }
        default:
            // Both marks: the last one is the decimal mark, and it may appear only once.
            guard let last = digitsAndMarks.last(where: { $0 == "." || $0 == "," }) else { return .notANumber }
            guard digitsAndMarks.filter({ $0 == last }).count == 1 else { return .notANumber }
            decimalMark = last
        }
        var plain = ""
        for character in digitsAndMarks {
            if character.isASCIIDigit { plain.append(character) } else if character == decimalMark { plain.append(".") }
        }
        guard var value = Decimal(string: plain, locale: posix) else { return .notANumber }
        if negative { value.negate() }
        return .number(value, ambiguous: ambiguous)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

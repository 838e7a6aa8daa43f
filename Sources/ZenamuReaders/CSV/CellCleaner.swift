/// Removes what spreadsheets wrap around a value: surrounding spaces (the Zenamu sample has
/// `, 0, 1000`), Excel's `="0612…"` text formula and the leading apostrophe that forces text.
enum CellCleaner {
    static func clean(_ raw: String) -> String {
        var text = trim(raw)
        guard let first = text.first else { return text }
        if first == "=", text.hasPrefix("=\""), text.hasSuffix("\""), text.count >= 3 {
            text = trim(String(text.dropFirst(2).dropLast()))
        } else if first == "'", let next = text.dropFirst().first, next.isNumber || "+=-@(".contains(next) {
            // Only before what Excel would otherwise turn into a number or formula: an apostrophe
            // in a name ('t Hooft) is part of the name.
            text = trim(String(text.dropFirst()))
        }
        return text
    }

    /// Trims spaces, tabs, line breaks, no-break spaces and stray byte-order marks at both ends.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
              let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}

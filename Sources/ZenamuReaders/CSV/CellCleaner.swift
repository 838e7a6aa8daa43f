import ZenamuCore

/// Removes what spreadsheets wrap around a value: surrounding spaces (the Zenamu sample has
/// `, 0, 1000`), Excel's `="0612…"` text formula and the leading apostrophe that forces text.
enum CellCleaner {
    static func clean(_ raw: String) -> String {
        var text = raw.trimmed
        // Most cells start with neither mark: their first byte tells, with no character built.
        guard let byte = text.utf8.first, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "'"),
              let first = text.first
        else { return text }
        if first == "=", text.hasPrefix("=\""), text.hasSuffix("\""), text.count >= 3 {
            text = text.dropFirst(2).dropLast().trimmed
        } else if first == "'", let next = text.dropFirst().first, next.isNumber || "+=-@(".contains(next) {
            // Only before what Excel would otherwise turn into a number or formula: an apostrophe
            // in a name ('t Hooft) is part of the name.
            text = text.dropFirst().trimmed
        }
        return text
    }
}

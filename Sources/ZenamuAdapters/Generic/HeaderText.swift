import Foundation

/// Header words compared the way people write them: case, accents, spaces and punctuation do not
/// count ("E-Mail-Adresse" = "email adresse" = "EMAILADRESSE").
enum HeaderText {
    /// Longer than this (in UTF-8 bytes), a cell is not a column name. Checked before any folding,
    /// so a header search costs time in proportion to the header's plausible text, whatever the
    /// cells hold: a workbook can point a thousand cells at one megabyte of text.
    static let maxBytes = 256

    static func isPlausible(_ header: String) -> Bool { header.utf8.count <= maxBytes }

    /// Lower-cased, accents folded, only letters and digits kept; empty for a cell too long to be
    /// a column name.
    static func key(_ header: String) -> String {
        guard isPlausible(header) else { return "" }
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The key without a parenthesised remark or a trailing number: "Phone (mobile) 2" → "phone".
    static func looseKey(_ header: String) -> String {
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

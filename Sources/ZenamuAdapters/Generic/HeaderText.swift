import Foundation

/// Header words compared the way people write them: case, accents, spaces and punctuation do not
/// count ("E-Mail-Adresse" = "email adresse" = "EMAILADRESSE").
enum HeaderText {
    /// Lower-cased, accents folded, only letters and digits kept.
    static func key(_ header: String) -> String {
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The key without a parenthesised remark or a trailing number: "Phone (mobile) 2" → "phone".
    static func looseKey(_ header: String) -> String {
        var text = header
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        var key = key(text)
        while let last = key.last, last.isNumber { key.removeLast() }
        return key
    }
}

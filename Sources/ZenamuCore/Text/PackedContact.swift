import Foundation

/// A cell that packs a contact (name, phone, e-mail, a status letter), split into what it holds:
/// the name rule refuses such a name, and an adapter whose system packs cells unpacks them with it.
public struct PackedContact: Sendable, Equatable {
    public var name: String
    public var email: String?
    public var phone: String?

    /// nil when `text` reads as a name: no e-mail, no phone-length run of digits, no line break.
    public init?(_ text: String) {
        guard Self.mayBePacked(text) else { return nil }
        self.init(unpacking: text)
    }

    /// The full check, a character at a time (`init` asks it only of cells `mayBePacked`).
    init?(unpacking text: String) {
        let hasBreak = text.contains(where: { $0.isNewline })
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        // An address has something before its "@": "@Ann" is a name a spreadsheet would take for a
        // formula, which the outputs neutralise, not an e-mail.
        let hasAddress = text.split(whereSeparator: \.isWhitespace).contains { Self.isAddressLike($0) }
        guard hasBreak || hasAddress || digits >= 6 else { return nil }
        var words: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            // "Name+1 503 688 6646": the phone is glued to the name by its plus.
            var line = String(line)
            if let plus = line.firstIndex(of: "+"), line[line.index(after: plus)...].first?.isNumber == true {
                let phone = String(line[plus...]).trimmingCharacters(in: .whitespaces)
                if self.phone == nil { self.phone = phone }
                line = String(line[..<plus])
            }
            for word in line.split(whereSeparator: \.isWhitespace).map(String.init) {
                if Self.isAddressLike(Substring(word)) {
                    if email == nil { email = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>()[],;")) }
                } else if word.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 6 {
                    if phone == nil { phone = word }
                } else {
                    words.append(word)
                }
            }
        }
        // A last line of one capital letter is a status code (WellnessLiving: A, L, P).
        if let last = words.last, last.count == 1, last.uppercased() == last, words.count > 1 { words.removeLast() }
        name = words.joined(separator: " ")
        if !hasBreak, email == nil, phone == nil { return nil }
    }

    /// A word with an "@" that is neither its first nor its last character.
    static func isAddressLike(_ word: Substring) -> Bool {
        guard let at = word.firstIndex(of: "@") else { return false }
        return at != word.startIndex && word.index(after: at) != word.endIndex
    }

    /// False when the bytes alone show a plain name (nearly every cell): no line break, no `@`,
    /// fewer than six digits. A byte that may start a line break beyond ASCII (U+0085,
    /// U+2028, U+2029) sends the cell to the full check.
    static func mayBePacked(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x0A...0x0D, UInt8(ascii: "@"), 0xC2, 0xE2: return true
            case 0x30...0x39:
                digits += 1
                if digits >= 6 { return true }
            default: continue
            }
        }
        return false
    }

    /// "Mia Chen · mia.chen@example.ca · +1 604 555 0182": the parts, in no one language.
    public var suggestion: String {
        [name.isEmpty ? nil : name, email, phone].compactMap { $0 }.joined(separator: " · ")
    }
}

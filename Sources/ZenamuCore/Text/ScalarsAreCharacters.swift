extension String {
    /// Whether every Unicode scalar of the text is a character of its own: all below U+0300,
    /// where the first combining mark is, or in U+2010…U+203F (dashes, typographic quotes, the
    /// ellipsis, which messages are full of), and no carriage return, which pairs with a line
    /// feed. Then a question asked a character at a time can be answered from the scalars or the
    /// bytes, without breaking the text into graphemes. True of most names, e-mails and phones.
    public var scalarsAreCharacters: Bool {
        // String, not StringProtocol: a generic byte loop across modules is not specialised.
        var text = self
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D { return false }
                // In UTF-8 a scalar from U+0300 up starts with a byte from 0xCC up (U+0300 is
                // CC 80); U+2010…U+203F are E2 80 90…BF.
                if byte >= 0xCC {
                    guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] >= 0x90 else {
                        return false
                    }
                    index += 3
                } else {
                    index += 1
                }
            }
            return true
        }
    }

    /// The words between single spaces, as `split(separator: " ")` gives them.
    public var wordsBetweenSpaces: [Substring] {
        guard scalarsAreCharacters else { return split(separator: " ") }
        var words: [Substring] = []
        var start = startIndex
        for index in utf8.indices where utf8[index] == 0x20 {
            if start < index { words.append(self[start..<index]) }
            start = utf8.index(after: index)
        }
        if start < endIndex { words.append(self[start..<endIndex]) }
        return words
    }
}

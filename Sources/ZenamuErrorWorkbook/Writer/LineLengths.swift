/// The length in characters of each line of a text, as `split(separator: "\n")` and `count`
/// would give: what a column's width and a wrapped row's height are fitted to.
enum LineLengths {
    /// Calls `body` with the length of each line, empty lines included.
    static func forEach(in text: String, _ body: (Int) -> Void) {
        if text.scalarsAreCharacters {
            // A scalar is counted at its first byte (any but a continuation byte, 10xxxxxx).
            var length = 0
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes {
                    if byte == 0x0A {
                        body(length)
                        length = 0
                    } else if byte & 0xC0 != 0x80 {
                        length += 1
                    }
                }
            }
            body(length)
            return
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { body(line.count) }
    }

    /// The longest line's length; 0 for an empty text.
    static func longest(in text: String) -> Int {
        var longest = 0
        forEach(in: text) { longest = max(longest, $0) }
        return longest
    }
}

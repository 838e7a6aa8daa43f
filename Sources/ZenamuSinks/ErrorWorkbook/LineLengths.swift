/// The length in characters of each line of a text, as `split(separator: "\n")` and `count`
/// would give: what a column's width and a wrapped row's height are fitted to.
enum LineLengths {
    /// Calls `body` with the length of each line, empty lines included.
    static func forEach(in text: String, _ body: (Int) -> Void) {
        // Below U+0300 and without a carriage return (whose pair with a line feed is one
        // character) every scalar is a character of its own: counted without grapheme breaking.
        if !text.unicodeScalars.contains(where: { $0.value >= 0x300 || $0 == "\r" }) {
            var length = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    body(length)
                    length = 0
                } else {
                    length += 1
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

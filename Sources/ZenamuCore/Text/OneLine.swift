/// Text from a file made fit for one line of a message: control characters, line and paragraph
/// separators and bidirectional overrides shown as escapes (`\n`, `\u{1B}`), so a value can
/// neither break a message into several lines nor drive the terminal; and long values cut with an
/// ellipsis, so a 100 KB cell does not become a 100 KB message.
public enum OneLine {
    /// At most `limit` characters of `text`, escaped; "…" marks a cut.
    public static func text(_ text: String, limit: Int = 80) -> String {
        // No more bytes than the limit means no more characters: a short, safe value is itself.
        if text.utf8.count <= limit, !text.unicodeScalars.contains(where: isUnsafe) { return text }
        return byCharacters(text, limit: limit)
    }

    /// `text(_:limit:)` a character at a time, whatever the value.
    static func byCharacters(_ text: String, limit: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result += "…"
                return result
            }
            count += 1
            if character.unicodeScalars.contains(where: isUnsafe) {
                for scalar in character.unicodeScalars { result += isUnsafe(scalar) ? escaped(scalar) : String(scalar) }
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Scalars a terminal or a one-line message must not receive as they are.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, ESC among them
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings and overrides
        case 0xFFFE, 0xFFFF: true  // noncharacters
        default: false
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

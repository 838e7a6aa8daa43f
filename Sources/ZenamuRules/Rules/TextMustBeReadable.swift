import ZenamuCore

/// A character the file's encoding could not give (a lone UTF-16 surrogate, a byte Windows-1250
/// has no letter for) reaches the rules as U+FFFD; a control character or a noncharacter (U+FFFE)
/// is invisible, and XML cannot even hold it. The value is kept, never dropped, but the customer
/// is told which cell holds it, so a name does not arrive in Zenamu with a "�" unseen.
public struct TextMustBeReadable: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.unreadableCharacter]

    public static let examples = [
        IssueExamples(
            kind: .unreadableCharacter,
            when: "a character the file's encoding could not give (shown as `�`, such as a lone UTF-16 surrogate) or an invisible control character: the value is kept as it is, to be checked",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["Eva Nov\u{FFFD}ková", "eva@example.cz"]],
                             raises: [1: [.unreadableCharacter]]),
                IssueExample(header: ["Name", "Email"], rows: [["Eva Nováková", "eva@example.cz"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        for (field, value) in raw.values where Self.isUnreadable(value.text) {
            issues.add(.unreadableCharacter, value, field: field)
        }
    }
}

extension TextMustBeReadable {
    /// Whether `text` holds an unreadable scalar, looked for in its UTF-8 bytes: below U+0080
    /// a control is one byte, a C1 control is C2 80…9F, and U+FFFD…U+FFFF are EF BF BD…BF.
    static func isUnreadable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x09, 0x0A, 0x0D: break
                case 0x00...0x1F, 0x7F: return true
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): return true
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBD:
                    return true
                default: break
                }
                index += 1
            }
            return false
        }
    }

    /// The same question a scalar at a time: the reference `isUnreadable(_: String)` is tested against.
    static func isUnreadableByScalars(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnreadable)
    }

    /// U+FFFD, C0 and C1 controls (a tab or line break inside a cell is the customer's own), and
    /// the noncharacters U+FFFE and U+FFFF.
    static func isUnreadable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFD...0xFFFF: true
        default: false
        }
    }
}

extension IssueKind {
    public static let unreadableCharacter = IssueKind(
        "unreadable_character", .warning,
        english: "\"{value}\" holds a character that cannot be read or shown (a broken or invisible control character); the value was kept as it is. Check the {field} and correct it.")
}

import ZenamuCore

/// A character the file's encoding could not give (a lone UTF-16 surrogate, a byte Windows-1250
/// has no letter for) reaches the rules as U+FFFD; a control character or a noncharacter (U+FFFE)
/// is invisible, and XML cannot even hold it. The value is kept, never dropped, but the customer
/// is told which cell holds it, so a name does not arrive in Zenamu with a "�" unseen.
public struct TextMustBeReadable: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.unreadableCharacter]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        for (field, values) in raw.values.sorted(by: { $0.key < $1.key }) {
            for value in values where value.text.unicodeScalars.contains(where: Self.isUnreadable) {
                issues.add(.unreadableCharacter, value, field: field)
            }
        }
    }
}

extension TextMustBeReadable {
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

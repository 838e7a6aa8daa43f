import Foundation
import ZenamuCore

/// Remaining entries are whole passes: `5`, `5 visits`, `8.0` are 5, 5 and 8; `2.5` is rejected,
/// and so is a negative count.
public struct EntriesMustBeWholeNumber: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.entriesNotWhole, .invalidNumber, .negativeBalance, .ambiguousNumber]

    public static let examples = [
        IssueExamples(
            kind: .entriesNotWhole, when: "`2,5` entries",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries"], rows: [["Ada Example", "ada@example.com", "2,5"]],
                             raises: [1: [.entriesNotWhole]]),
                IssueExample(header: ["Name", "Email", "Entries"],
                             rows: [["Ada Example", "ada@example.com", "5 visits"], ["Ben Example", "ben@example.com", "8.0"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        guard let value = raw[.entries] else { return }
        // Most cells are plain whole numbers: no Decimal needed.
        if let whole = NumberText.plainWhole(value.text) {
            record.entries = whole
            return
        }
        guard let number = Balance.read(value, field: .entries, issues: &issues, context: context) else { return }
        var rounded = Decimal()
        var copy = number
        NSDecimalRound(&rounded, &copy, 0, .plain)
        guard rounded == number, let whole = Int(exactly: NSDecimalNumber(decimal: number).doubleValue) else {
            issues.add(.entriesNotWhole, value, field: .entries)
            return
        }
        record.entries = whole
    }
}

extension IssueKind {
    public static let entriesNotWhole = IssueKind(
        "entries_not_whole", .error,
        english: "Entries must be a whole number of visits, but the cell says \"{value}\". Round it to the entries the client really has.")
}

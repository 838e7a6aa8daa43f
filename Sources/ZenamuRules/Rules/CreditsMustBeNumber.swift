import Foundation
import ZenamuCore

/// Credits are a number in the studio's unit, written in any locale (`1 000,50`, `$1,495.00`);
/// never negative.
public struct CreditsMustBeNumber: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.invalidNumber, .negativeBalance, .ambiguousNumber]

    /// Entries are read the same way: these kinds are theirs too.
    public static let examples = [
        IssueExamples(
            kind: .invalidNumber, when: "entries or credits that are not a number",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries", "Credits"],
                             rows: [["Ada Example", "ada@example.com", "ten", ""], ["Ben Example", "ben@example.com", "", "a lot"]],
                             raises: [1: [.invalidNumber], 2: [.invalidNumber]]),
                IssueExample(header: ["Name", "Email", "Credits"],
                             rows: [["Ada Example", "ada@example.com", "$1,495.00"], ["Ben Example", "ben@example.com", "150 Kč"]]),
            ]),
        IssueExamples(
            kind: .negativeBalance, when: "entries or credits below zero",
            examples: [
                IssueExample(header: ["Name", "Email", "Credits"], rows: [["Ada Example", "ada@example.com", "-200"]],
                             raises: [1: [.negativeBalance]]),
                IssueExample(header: ["Name", "Email", "Credits"], rows: [["Ada Example", "ada@example.com", "0"]]),
            ]),
        IssueExamples(
            kind: .ambiguousNumber,
            when: "`1.500` could be 1500 or 1.5: read by the header's language (as thousands when unknown)",
            examples: [
                IssueExample(header: ["Name", "Email", "Credits"], rows: [["Ada Example", "ada@example.com", "1.500"]],
                             raises: [1: [.ambiguousNumber]]),
                IssueExample(header: ["Name", "Email", "Credits"], rows: [["Ada Example", "ada@example.com", "1 500"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        guard let value = raw[.credits] else { return }
        record.credits = Balance.read(value, field: .credits, issues: &issues, context: context)
    }
}

/// The reading shared by entries and credits: a number, not negative.
enum Balance {
    static func read(_ value: RawValue, field: CanonicalField, issues: inout RowIssues, context: RuleContext) -> Decimal? {
        switch NumberText.read(value.text, decimalComma: context.usesDecimalComma) {
        case .blank:
            return nil
        case .notANumber:
            issues.add(.invalidNumber, value, field: field)
            return nil
        case let .number(number, ambiguous):
            if number < 0 {
                issues.add(.negativeBalance, value, field: field)
                return nil
            }
            if ambiguous {
                issues.add(.ambiguousNumber, value, field: field, details: ["read": "\(number)"])
            }
            return number
        }
    }
}

extension IssueKind {
    public static let invalidNumber = IssueKind(
        "invalid_number", .error,
        english: "The {field} must be a number, but the cell says \"{value}\". Write the number only, for example 10.")
    public static let negativeBalance = IssueKind(
        "negative_balance", .error,
        english: "The {field} cannot be negative (\"{value}\"). A client who owes the studio is settled outside Zenamu; write 0 or the balance they really hold.")
    public static let ambiguousNumber = IssueKind(
        "ambiguous_number", .warning,
        english: "\"{value}\" could be read two ways; it was read as {read}. If that is wrong, correct the cell.")
}

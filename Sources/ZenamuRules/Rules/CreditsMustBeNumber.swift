import Foundation
import ZenamuCore

/// Credits are a number in the studio's unit, written in any locale (`1 000,50`, `$1,495.00`);
/// never negative.
public struct CreditsMustBeNumber: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.invalidNumber, .negativeBalance, .ambiguousNumber]

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

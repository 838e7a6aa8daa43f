import ZenamuCore

/// Entries and credits reach a client only through the account they sign up with their e-mail,
/// so a client holding a balance needs one. A client with nothing to take over is fine without,
/// but cannot be invited.
///
/// A client rule: it runs once the clients stage has assembled the client (a balance joined from
/// a system's second file changes the answer), not on the row alone.
public struct BalanceNeedsEmail: ClientRule {
    public init() {}

    public static let kinds: [IssueKind] = [.emailRequiredForBalance, .emailMissing]

    /// `emailMissing`'s examples are `EmailMustBeValid`'s, beside its message.
    public static let examples = [
        IssueExamples(
            kind: .emailRequiredForBalance,
            when: "entries or credits but no e-mail: balances reach a client only through the account they sign up with",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries"], rows: [["Ada Example", "", "5"]], raises: [1: [.emailRequiredForBalance]]),
                IssueExample(header: ["Name", "Email", "Entries"], rows: [["Ada Example", "ada@example.com", "5"]]),
            ]),
    ]

    public func apply(to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        // An e-mail that was there but wrong has its own issue already.
        guard record.email == nil, !issues.all.contains(where: { $0.field == .email }) else { return }
        if record.hasBalance {
            issues.add(.emailRequiredForBalance, emptyIn: context.columns[.email], field: .email,
                       details: record.balanceDetails)
        } else {
            issues.add(.emailMissing, emptyIn: context.columns[.email], field: .email)
        }
    }
}

extension IssueKind {
    public static let emailRequiredForBalance = IssueKind(
        "email_required_for_balance", .error,
        english: "The client holds {balance} but has no e-mail; balances reach a client only through the account they create with their e-mail. Add the client's e-mail.")
}

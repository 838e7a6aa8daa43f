import ZenamuCore

/// A pass that ran out before today gives nothing to take over: its entries and credits are set
/// apart (`ClientRecord.expired`) with a warning, so no sink carries them over. Only dates read
/// without guessing count (`PassExpiry`); a pass on a slashed date stays a balance.
///
/// Runs before `BalanceNeedsEmail`: a client whose only balance expired needs no e-mail for it.
public struct PassMustBeCurrent: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.passExpired]

    public static let examples = [
        IssueExamples(
            kind: .passExpired,
            when: "a pass expired before today (ISO or dotted date): its entries and credits are not carried over, in `clients.csv` or the store",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "2020-01-31"], ["Ben Example", "ben@example.com", "3", "31.01.2020"]],
                             raises: [1: [.passExpired], 2: [.passExpired]]),
                // A slashed date could be day or month first: not guessed, so the pass stays.
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "2099-01-31"], ["Ben Example", "ben@example.com", "3", "01/31/2020"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        guard let expiry = record.passExpiry, PassExpiry.hasExpired(expiry, today: context.today),
              record.hasBalance else { return }
        issues.add(.passExpired, raw[.passExpiry], field: .passExpiry, details: record.balanceDetails)
        record.expired = ExpiredBalance(entries: record.entries, credits: record.credits)
        record.entries = nil
        record.credits = nil
    }
}

extension IssueKind {
    public static let passExpired = IssueKind(
        "pass_expired", .warning,
        english: "This pass expired on {value}: its {balance} are not carried over to Zenamu.")
}

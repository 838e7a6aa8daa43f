import ZenamuCore

/// A pass that ran out before today gives nothing to take over: its entries and credits are set
/// apart (`ClientRecord.expired`) with a warning, so no sink carries them over. Only dates read
/// without guessing count (`PassExpiry`); a pass on a slashed date stays a balance.
///
/// Runs before `BalanceNeedsEmail`: a client whose only balance expired needs no e-mail for it.
public struct PassMustBeCurrent: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.passExpired, .passExpiryAmbiguous]

    public static let examples = [
        IssueExamples(
            kind: .passExpired,
            when: "a pass expired before today (ISO or dotted date): its entries and credits are not carried over, in `clients.csv` or the store",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "2020-01-31"], ["Ben Example", "ben@example.com", "3", "31.01.2020"]],
                             raises: [1: [.passExpired], 2: [.passExpired]]),
                // A slashed date with one reading is read: 31/01/2020 can only be day first.
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "31/01/2020"], ["Ben Example", "ben@example.com", "3", "01/31/2099"]],
                             raises: [1: [.passExpired]]),
            ]),
        IssueExamples(
            kind: .passExpiryAmbiguous,
            when: "a slashed expiry date that reads as two dates (`03/04/2026`): kept as written, the pass stays, both readings named",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "03/04/2020"]], raises: [1: [.passExpiryAmbiguous]]),
                IssueExample(header: ["Name", "Email", "Entries", "Expires"],
                             rows: [["Ada Example", "ada@example.com", "5", "04/04/2099"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        // A slashed date with one reading is read (as ISO, as every later stage reads dates); one
        // with two stays as written, and the customer is told both.
        if let written = record.passExpiry {
            switch PassExpiry.slashed(written, order: context.dateOrder) {
            case let .date(iso): record.passExpiry = iso
            case let .ambiguous(dayFirst, monthFirst):
                issues.add(.passExpiryAmbiguous, raw[.passExpiry], field: .passExpiry,
                           details: ["dayFirst": dayFirst, "monthFirst": monthFirst])
            case .notSlashed: break
            }
        }
        guard let expiry = record.passExpiry, PassExpiry.hasExpired(expiry, today: context.today),
              record.hasBalance else { return }
        issues.add(.passExpired, raw[.passExpiry], field: .passExpiry, details: record.balanceDetails)
        record.expired = ExpiredBalance(entries: record.entries, credits: record.credits)
        record.entries = nil
        record.credits = nil
    }
}

extension IssueKind {
    public static let passExpiryAmbiguous = IssueKind(
        "pass_expiry_ambiguous", .warning,
        english: "The pass expiry {value} can be read as {dayFirst} (day first) or as {monthFirst} (month first), so it "
            + "is kept as written and the pass keeps its balance. Write the date as year-month-day (2026-04-03).")

    public static let passExpired = IssueKind(
        "pass_expired", .warning,
        english: "This pass expired on {value}: its {balance} are not carried over to Zenamu.")
}

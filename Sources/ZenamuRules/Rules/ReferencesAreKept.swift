import ZenamuCore

/// The old system's client id and the pass expiry travel with the record as the file wrote them:
/// nothing to validate yet, but nothing the customer gave is dropped.
public struct ReferencesAreKept: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = []
    public static let examples: [IssueExamples] = []

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        record.sourceClientID = raw[.clientID]?.text
        record.passExpiry = raw[.passExpiry]?.text
    }
}

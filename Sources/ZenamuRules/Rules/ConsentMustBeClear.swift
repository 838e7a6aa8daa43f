import ZenamuCore

/// Newsletter consent: yes, no or unknown. A blank is unknown (no warning: most files leave it
/// blank); a word we do not know is unknown with a warning; neither is ever read as yes.
/// An opt-out column ("Unsubscribed: yes") is read the other way round.
public struct ConsentMustBeClear: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.consentUnclear]

    public static let examples = [
        IssueExamples(
            kind: .consentUnclear,
            when: "a consent value that is neither yes nor no in any language: imported without consent",
            examples: [
                IssueExample(header: ["Name", "Email", "Newsletter"], rows: [["Ada Example", "ada@example.com", "maybe"]],
                             raises: [1: [.consentUnclear]]),
                IssueExample(header: ["Name", "Email", "Newsletter"],
                             rows: [["Ada Example", "ada@example.com", "ano"], ["Ben Example", "ben@example.com", ""]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        guard let value = raw[.consent] else { return }
        guard let said = ConsentWords.read(value.text) else {
            record.consent = Consent(value: .unknown, column: value.column.header, token: value.text)
            issues.add(.consentUnclear, value, field: .consent)
            return
        }
        let agrees = value.inverted ? !said : said
        record.consent = Consent(value: agrees ? .yes : .no, column: value.column.header, token: value.text)
    }
}

extension IssueKind {
    public static let consentUnclear = IssueKind(
        "consent_unclear", .warning,
        english: "\"{value}\" does not say yes or no, so the client is imported without newsletter consent. Write yes or no if you know.",
        onRejectedRow: "\"{value}\" does not say yes or no; write yes or no, so the client's newsletter consent is clear once the row is imported.")
}

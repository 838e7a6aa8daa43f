import ZenamuCore

/// Normalises the e-mail (trimmed, lower-cased) and rejects one that cannot receive the
/// invitation: the client takes over their balances by signing up with exactly this address.
public struct EmailMustBeValid: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.invalidEmail, .multipleEmails, .emailDomainTypo, .emailMissing]

    public static let examples = [
        IssueExamples(
            kind: .invalidEmail, when: "not an address the invitation can reach (a suggestion when the fix is obvious)",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["Ada Example", "ada.example.com"], ["Ben Example", "ben@example..com"]],
                             raises: [1: [.invalidEmail], 2: [.invalidEmail]]),
                // Trimmed and lower-cased, not rejected.
                IssueExample(header: ["Name", "Email"], rows: [["Ada Example", " Ada@Example.com "]]),
            ]),
        IssueExamples(
            kind: .multipleEmails, when: "several addresses in one cell",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["Ada Example", "ada@example.com, ada.work@example.com"]],
                             raises: [1: [.multipleEmails]]),
            ]),
        IssueExamples(
            kind: .emailDomainTypo, when: "`gmial.com`, `hotmial.com`, `.con`…: the suggestion holds the fix",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["Ada Example", "ada@example.con"]], raises: [1: [.emailDomainTypo]]),
                IssueExample(header: ["Name", "Email"], rows: [["Ada Example", "ada@example.com"]]),
            ]),
        // Raised by `BalanceNeedsEmail`, which knows whether the client holds a balance.
        IssueExamples(
            kind: .emailMissing, when: "no e-mail and nothing to take over: created, but cannot be invited",
            examples: [
                IssueExample(header: ["Name", "Email", "Entries"], rows: [["Ada Example", "", ""]], raises: [1: [.emailMissing]]),
            ]),
    ]

    /// The longest cell read as an address: 254 characters of address and room for spaces around.
    static let maxBytes = 320

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        guard let value = raw[.email] else { return }
        // No address is longer (RFC 5321); a longer cell is not checked letter by letter.
        guard value.text.utf8.count <= Self.maxBytes else {
            issues.add(.invalidEmail, value, field: .email)
            return
        }
        let address = EmailAddress.normalise(value.text)
        let pieces = address.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x20 || $0 == 0x2F })  // , ; space /
            ? address.split(whereSeparator: { ",; /".contains($0) }).filter { $0.contains("@" as Character) } : []
        if pieces.count > 1 {
            issues.add(.multipleEmails, value, field: .email, details: ["count": String(pieces.count)])
            return
        }
        guard EmailAddress.isValid(address) else {
            issues.add(.invalidEmail, value, field: .email, suggestion: EmailAddress.repaired(address))
            return
        }
        if let fix = EmailAddress.domainTypoFix(address) {
            issues.add(.emailDomainTypo, value, field: .email, suggestion: fix)
            return
        }
        record.email = address
    }
}

extension IssueKind {
    public static let invalidEmail = IssueKind(
        "invalid_email", .error,
        english: "\"{value}\" is not a valid e-mail address, so the invitation cannot be sent. Correct it, or leave the cell empty if the client has no entries or credits.")
    public static let multipleEmails = IssueKind(
        "multiple_emails", .error,
        english: "The cell holds {count} e-mail addresses; each Zenamu client has one. Keep the client's own address here and give the others their own rows.")
    public static let emailDomainTypo = IssueKind(
        "email_domain_typo", .error,
        english: "\"{value}\" looks like a typing mistake in the domain; did you mean {suggestion}? Correct it so the invitation arrives.")
    public static let emailMissing = IssueKind(
        "email_missing", .warning,
        english: "No e-mail: the client will be created but cannot be invited to Zenamu.",
        onRejectedRow: "No e-mail: once this row is imported, the client will be created but cannot be invited to Zenamu.")
}

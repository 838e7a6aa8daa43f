import Foundation
import ZenamuCore

/// Clients are keyed by e-mail: Zenamu hands balances to whoever signs up with it, so two clients
/// cannot share one. The same client twice is merged once; two different clients on one address
/// (a family sharing an e-mail) are not guessed apart: the later row is rejected for review, naming
/// the row it conflicts with. Memory grows with distinct e-mails, not with the file.
public struct Reconciler {
    public enum Verdict: Equatable {
        case unique
        case duplicate(Issue)
        case conflict(Issue)
    }

    private struct Seen {
        let file: String
        let row: Int
        let name: String
        let fingerprint: Fingerprint
    }

    private struct Fingerprint: Equatable {
        let name: String
        let entries: Int?
        let credits: Decimal?
        let phone: String?
        let consent: Consent.Value

        init(_ record: ClientRecord) {
            name = record.name.display.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            entries = record.entries
            credits = record.credits
            phone = record.phone?.e164
            consent = record.consent.value
        }
    }

    public static let kinds: [IssueKind] = [.duplicateMerged, .duplicateEmail]

    private var seen: [String: Seen] = [:]

    public init() {}

    /// Registers an accepted record and says whether it repeats or conflicts with an earlier one.
    /// `emailColumn` is where the e-mail sits, for the issue.
    public mutating func check(_ record: ClientRecord, emailColumn: ColumnRef?) -> Verdict {
        guard let email = record.email else { return .unique }
        let fingerprint = Fingerprint(record)
        guard let first = seen[email] else {
            seen[email] = Seen(file: record.provenance.file, row: record.provenance.row, name: record.name.display,
                               fingerprint: fingerprint)
            return .unique
        }
        let place = first.file == record.provenance.file ? "row \(first.row)" : "row \(first.row) of \(first.file)"
        let issue = { (kind: IssueKind) in
            Issue(kind, file: record.provenance.file, row: record.provenance.row, column: emailColumn, field: .email,
                  value: email, details: ["first": place, "name": first.name])
        }
        return first.fingerprint == fingerprint ? .duplicate(issue(.duplicateMerged)) : .conflict(issue(.duplicateEmail))
    }
}

extension IssueKind {
    public static let duplicateMerged = IssueKind(
        "duplicate_merged", .warning,
        english: "The same client as {first}; the two rows were merged into one client.")
    public static let duplicateEmail = IssueKind(
        "duplicate_email", .error,
        english: "The e-mail {value} already belongs to {name} ({first}), with different details. Each Zenamu client needs their own e-mail (family members often share one): give this client their own address, or leave it empty if they hold no entries or credits.")
}

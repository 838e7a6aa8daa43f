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

    public static let kinds: [IssueKind] = [.duplicateMerged, .duplicateEmail]

    public static let examples = [
        IssueExamples(
            kind: .duplicateMerged, when: "the same client again (same e-mail, same details): merged once",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"],
                             rows: [["Ada Example", "ada@example.com", "+420 603 123 456"], ["Ada Example", "ADA@example.com", "+420 603 123 456"]],
                             raises: [2: [.duplicateMerged]]),
            ]),
        IssueExamples(
            kind: .duplicateEmail,
            when: "another client on the same e-mail (a family sharing one): rejected for review, naming the row it conflicts with",
            examples: [
                IssueExample(header: ["Name", "Email"],
                             rows: [["Ada Example", "family@example.com"], ["Ben Example", "family@example.com"]],
                             raises: [2: [.duplicateEmail]]),
            ]),
    ]

    private var seen = SeenClients()

    public init() {}

    /// Registers an accepted record and says whether it repeats or conflicts with an earlier one.
    /// `emailColumn` is where the e-mail sits, for the issue.
    public mutating func check(_ record: ClientRecord, emailColumn: ColumnRef?) -> Verdict {
        guard let email = record.email else { return .unique }
        let fingerprint = record.sameClientDigest
        // What the closures below need, taken out: capturing the record would copy it whole.
        let (original, name) = (record.provenance.original, record.name.display)
        let (file, row) = (record.provenance.file, record.provenance.row)
        // A row back from the error workbook is remembered as the original row it stands for.
        guard let first = seen.insert(email, .init(place: original, name: name, fingerprint: fingerprint))
        else { return .unique }
        let firstFile = first.place.file
        // The catalogue composes "{first}" ("row 3", "row 3 of a.csv") in the customer's language.
        var place = ["firstRow": String(first.place.row), "name": first.name]
        if firstFile != file { place["firstFile"] = firstFile }
        let issue = { (kind: IssueKind) in
            Issue(kind, file: file, row: row, column: emailColumn, field: .email, value: email, details: place)
        }
        return first.fingerprint == fingerprint ? .duplicate(issue(.duplicateMerged)) : .conflict(issue(.duplicateEmail))
    }

    /// A client imported by an earlier run (the error workbook's hidden list).
    public mutating func remember(_ known: KnownClient) {
        _ = seen.insert(known.email, .init(place: known.original, name: known.name, fingerprint: known.digest))
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

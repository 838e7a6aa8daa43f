import Foundation
import ZenamuCore

/// Every column of a file accounted for, the way every row is: each used column says where its
/// decision came from, each unused one what its values look like, and an unused column that
/// nothing explains and that looks like a balance or consent is a problem of the whole file
/// (`column_not_used`), never a silent loss. Where the header names no e-mail or phone column and
/// exactly one unexplained column's values are e-mails (or phones), that column is read as it.
///
/// Judged on the rows the plan reads ahead (the first `sampleRows` data rows; see
/// `ChosenTable.readingAhead`).
public struct ColumnAccount: Sendable {
    public static let sampleRows = 1_000

    public private(set) var mapping: ColumnMapping
    /// `looksLike` of each unused column, by index in the file.
    public private(set) var looks: [Int: String] = [:]
    public private(set) var problems: [Issue] = []

    /// `header`: its row number is where file problems are reported; `sample`: data rows.
    public init(mapping: ColumnMapping, header: SourceRow, sample: some Collection<SourceRow>, file: String) {
        var profiles: [Int: ColumnProfile] = [:]
        for column in mapping.columns where column.field == nil { profiles[column.column.index] = ColumnProfile() }
        for row in sample {
            for index in profiles.keys where index < row.cells.count { profiles[index]?.add(row.cells[index]) }
        }
        var mapping = mapping
        for (field, looks) in [(CanonicalField.email, ColumnProfile.Looks.emails), (.phone, .phones)]
        where !mapping.columns.contains(where: { $0.field == field }) {
            let fitting = mapping.columns.indices.filter {
                mapping.columns[$0].unexplained && profiles[mapping.columns[$0].column.index]?.looks == looks
            }
            guard fitting.count == 1, let position = fitting.first else { continue }
            mapping.columns[position].field = field
            mapping.columns[position].source = .content
            mapping.columns[position].unexplained = false
            mapping.columns[position].reason = "its values are \(looks == .emails ? "e-mail addresses" : "phone numbers") "
                + "and no other column is the \(field.label)"
        }
        for column in mapping.columns where column.field == nil {
            guard let profile = profiles[column.column.index] else { continue }
            looks[column.column.index] = profile.looks.rawValue
            guard column.unexplained, !Self.namesAnIdOrPostalCode(column.column.header) else { continue }
            let field: CanonicalField? = profile.looksLikeConsent ? .consent : profile.looksLikeEntries ? .entries
                : profile.looksLikeCredits ? .credits : nil
            guard let field else { continue }
            // A header the search cannot fold (empty, "€") is named by its letter in the flags.
            let name = HeaderFolding.isNameable(column.column.header) ? column.column.header : column.column.letter
            problems.append(Issue(.columnNotUsed, file: file, row: header.number, column: column.column, field: field,
                                  value: profile.examples, details: Self.flags(name, field)))
        }
        self.mapping = mapping
    }

    /// The two ways to decide, as the user types them: `--map "HEADER=field"` and `--ignore "HEADER"`.
    static func flags(_ header: String, _ field: CanonicalField) -> [String: String] {
        let quoted = { (text: String) in
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "$", with: "\\$").replacingOccurrences(of: "`", with: "\\`") + "\""
        }
        return ["map": "--map " + quoted("\(header)=\(field.rawValue)"), "ignore": "--ignore " + quoted(header)]
    }

    /// Headers whose small whole numbers are not a balance: ids, numbers, codes, postal codes, ages.
    static func namesAnIdOrPostalCode(_ header: String) -> Bool {
        let words = header.lowercased().split { !$0.isLetter }
        let marks: Set<Substring> = ["id", "nr", "no", "number", "num", "code", "zip", "postcode", "postal", "plz", "psc",
                                     "psč", "cap", "irsz", "irányítószám", "kod", "kód", "numéro", "numero", "nummer",
                                     "numer", "číslo", "cislo", "age", "âge", "età", "kor", "věk", "alter", "wiek", "edad",
                                     "leeftijd", "year", "rok", "év", "année", "anno", "jahr", "año"]
        return words.contains(where: marks.contains)
    }
}

extension IssueKind {
    public static let columnNotUsed = IssueKind(
        "column_not_used", .error,
        english: "Column “{column}” is not imported, but its values ({value}) look like {field}. Decide before "
            + "importing: if it holds the clients' {field}, run again with {map}; if not, with {ignore}.")
}

extension IssueKind {
    public static let mappedColumnMissing = IssueKind(
        "mapped_column_missing", .warning,
        english: "An earlier import of this studio read column “{column}” as {field}, and this file has no such "
            + "column: check that the export still holds the clients' {field}.")
}

extension ColumnAccount {
    public static let kinds: [IssueKind] = [.columnNotUsed, .mappedColumnMissing]

    public static let examples = [
        IssueExamples(
            kind: .columnNotUsed,
            when: "a column the header does not name holds what looks like balances or consent: the file stops until "
                + "--map or --ignore decides",
            examples: [
                IssueExample(files: [
                    IssueExample.File("clients.csv", header: ["Name", "Email", "Stand"],
                                      rows: [["Ann Example", "ann@example.com", "12"], ["Bob Example", "bob@example.com", "5"]],
                                      raises: [0: [.columnNotUsed]]),
                ]),
                IssueExample(files: [
                    IssueExample.File("clients.csv", header: ["Name", "Email", "Classes Booked"],
                                      rows: [["Ann Example", "ann@example.com", "5"], ["Bob Example", "bob@example.com", "12"]]),
                ]),
            ]),
        IssueExamples(
            kind: .mappedColumnMissing,
            when: "an earlier import of the studio mapped a column (the store remembers it) that this export lacks",
            examples: [
                IssueExample(files: [
                    IssueExample.File("clients.csv", header: ["Name", "Email"], rows: [["Ann Example", "ann@example.com"]],
                                      raises: [0: [.mappedColumnMissing]]),
                ], remembered: ["Stand=entries"]),
                IssueExample(files: [
                    IssueExample.File("clients.csv", header: ["Name", "Email", "Stand"], rows: [["Ann Example", "ann@example.com", "5"]]),
                ], remembered: ["Stand=entries"]),
            ]),
    ]
}

/// Whether `--map` can name a column by its header: the header search folds it to letters or
/// digits (ZenamuAdapters' `HeaderText.key`, which this module cannot see, keeps only those).
enum HeaderFolding {
    static func isNameable(_ header: String) -> Bool {
        header.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
    }
}

import Foundation
import ZenamuCore

/// `docs/ISSUES.md`: every issue code for support staff, rendered from the examples the rules
/// carry, each converted for real so the page shows the messages a run gives, not ones retyped.
public enum IssueDocument {
    public static let url = Fixtures.root.deletingLastPathComponent().appendingPathComponent("docs/ISSUES.md")

    public static func render(_ groups: [IssueExamples]) throws -> String {
        var page = intro
        page += "| code | severity |\n|---|---|\n"
        for group in groups { page += "| [`\(group.kind.code)`](#\(group.kind.code)) | \(group.kind.severity.rawValue) |\n" }
        for group in groups { page += try section(group) }
        return page + outro
    }

    static let intro = """
        # Issue codes

        For support staff reading a run's `report.json`, or the `errors.xlsx` the customer is sent:
        every issue names a row, a code, a severity and a message. An **error** rejects the row: it is
        not imported until the customer corrects it. A **warning** accepts the row, with a note of what
        was done to the value. The message is shown in the studio's language; here it is English.

        Each example below is a tiny file converted as the command above it converts it. Rows are
        numbered as a spreadsheet shows them: the header is row 1. The pass codes need a system's two
        files in one run: its client list, and its report of passes joined to it on the client id
        (here Mindbody's pricing options).

        This page is written by the tests from the examples each rule carries beside its codes
        (`Sources/ZenamuRules`); after changing them, run
        `ZENAMU_UPDATE_GOLDENS=1 swift test --filter IssueExample` and read the diff.


        """

    static let outro = """

        ## Numbers, placeholders and consent

        Numbers are read in any locale (`1 000,50`, `1.000,50`, `1,000.50`, `$1,495.00`, `150 Kč`, `5 visits`).
        Placeholders such as `---` and `n/a` count as blank. Consent is yes, no or unknown. The yes and no words
        come from ten languages, and a blank or an unknown word is never yes.

        """

    static func section(_ group: IssueExamples) throws -> String {
        let kind = group.kind
        let outcome = kind.severity == .error ? "the row is rejected" : "the row is accepted, with a note"
        var text = "\n## `\(kind.code)`\n\n- severity: **\(kind.severity.rawValue)** (\(outcome))\n- when: \(group.when)\n"
        for example in group.examples {
            let converted = try example.convert()
            text += example.raises(kind) ? "\n**Raises it:** " : "\n**A good value, raising nothing:** "
            let region = example.region.map { " --region \($0)" } ?? ""
            text += "`zenamu-migrate convert \(example.files.map(\.name).joined(separator: " "))\(region) --out out`\n"
            for file in example.files {
                text += "\n`\(file.name)`:\n\n```csv\n\(file.csv)```\n"
            }
            text += issues(converted.report.issues, manyFiles: example.files.count > 1)
        }
        return text
    }

    /// The run's issues as a table: the file only when there are several, the suggestion only when
    /// one was made.
    static func issues(_ issues: [ReportIssue], manyFiles: Bool) -> String {
        guard !issues.isEmpty else { return "\nNo issues.\n" }
        let suggests = issues.contains { $0.suggestion != nil }
        var columns = ["row", "code", "message"]
        if manyFiles { columns.insert("file", at: 0) }
        if suggests { columns.append("suggestion") }
        var table = "\n| " + columns.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
        for issue in issues {
            var cells = [String(issue.row), "`\(issue.code)`", cell(issue.message)]
            if manyFiles { cells.insert("`\(issue.file)`", at: 0) }
            if suggests { cells.append(issue.suggestion.map { "`\(cell($0))`" } ?? "") }
            table += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return table
    }

    /// Text that keeps its table cell: a bar would end it, a line break the row.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}

import ZenamuCore

/// The issues of one client in two client lists of a run (a studio's two locations), which the
/// pipeline raises when it keeps them as one client (`CrossFileClients`); their codes and
/// messages live here, beside the reconciler's, so the catalogues know them.
public enum CrossFile {
    public static let kinds: [IssueKind] = [.clientInTwoFiles, .clientDiffersInTwoFiles, .balanceInTwoFiles]

    static func file(_ name: String, _ rows: [[String]], raises: [Int: [IssueKind]] = [:]) -> IssueExample.File {
        IssueExample.File(name, header: ["Name", "Email", "Phone", "Entries"], rows: rows, raises: raises)
    }

    public static let examples = [
        IssueExamples(
            kind: .clientInTwoFiles,
            when: "the same client in two client lists of a run: one client, with what only the later row holds (a phone)",
            examples: [
                IssueExample(files: [
                    file("north.csv", [["Ada Example", "ada@example.com", "", "5"]]),
                    file("south.csv", [["Ada Example", "ada@example.com", "+420 603 123 456", ""]], raises: [1: [.clientInTwoFiles]]),
                ]),
            ]),
        IssueExamples(
            kind: .clientDiffersInTwoFiles,
            when: "the same client in two client lists with values that differ: one client, the earlier values kept, both named",
            examples: [
                IssueExample(files: [
                    file("north.csv", [["Ada Example", "ada@example.com", "+420 603 123 456", "5"]]),
                    file("south.csv", [["Ada Exampleová", "ada@example.com", "", ""]], raises: [1: [.clientDiffersInTwoFiles]]),
                ]),
            ]),
        IssueExamples(
            kind: .balanceInTwoFiles,
            when: "the same client in two client lists, each with a balance: not added up, the later row to fix",
            examples: [
                IssueExample(files: [
                    file("north.csv", [["Ada Example", "ada@example.com", "", "5"]]),
                    file("south.csv", [["Ada Example", "ada@example.com", "", "3"]], raises: [1: [.balanceInTwoFiles]]),
                ]),
            ]),
    ]
}

extension IssueKind {
    public static let clientInTwoFiles = IssueKind(
        "client_in_two_files", .warning,
        english: "The same client (same e-mail) as {first}: kept as one client, with what only this row holds.")
    public static let clientDiffersInTwoFiles = IssueKind(
        "client_differs_in_two_files", .warning,
        english: "The same client (same e-mail) as {first}: kept as one client, with what only this row holds. Where "
            + "the two rows differ, the earlier row's values are kept ({value}).")
    public static let balanceInTwoFiles = IssueKind(
        "balance_in_two_files", .error,
        english: "The same client (same e-mail) as {first}, and both rows hold a balance ({balance} here): they are "
            + "not added up. Keep the client's real balance in one of the two rows and empty the other.")
}

import ZenamuCore

/// The issues of a system whose balances come as passes: one row per pass (assembled into
/// clients) or a second file joined on the old system's client id. The pipeline raises them;
/// their codes and messages live here, beside the rules, so the catalogues know them. An expired
/// pass is any row's matter (`PassMustBeCurrent`).
public enum PassAssembly {
    public static let kinds: [IssueKind] = [.passWithoutClient, .passOfRejectedClient, .clientIDRequired]

    /// Each example is a system's two files in one run: a client list, and a Mindbody
    /// pricing-options report joined to it on the client id (a report alone is refused).
    public static let examples = [
        IssueExamples(
            kind: .passWithoutClient, when: "a joined pass names a client id no client list has",
            examples: [
                IssueExample(files: [
                    clientList([["101", "Ada Example", "ada@example.com"]]),
                    pricingOptions([["101", "10 Class Series", "4", "2099-01-31"], ["999", "5 Class Series", "3", "2099-01-31"]],
                                   raises: [2: [.passWithoutClient]]),
                ]),
            ]),
        IssueExamples(
            kind: .passOfRejectedClient,
            when: "a joined pass belongs to a client whose row was rejected: fix that row first",
            examples: [
                IssueExample(files: [
                    clientList([["102", "Ben Example", "ben.example.com"]], raises: [1: [.invalidEmail]]),
                    pricingOptions([["102", "10 Class Series", "6", "2099-01-31"]], raises: [1: [.passOfRejectedClient]]),
                ]),
            ]),
        IssueExamples(
            kind: .clientIDRequired, when: "a joined pass names no client id",
            examples: [
                IssueExample(files: [
                    clientList([["101", "Ada Example", "ada@example.com"]]),
                    pricingOptions([["", "5 Class Series", "2", "2099-01-31"]], raises: [1: [.clientIDRequired]]),
                ]),
            ]),
    ]

    static func clientList(_ rows: [[String]], raises: [Int: [IssueKind]] = [:]) -> IssueExample.File {
        IssueExample.File("clients.csv", header: ["ID", "Name", "Email"], rows: rows, raises: raises)
    }

    static func pricingOptions(_ rows: [[String]], raises: [Int: [IssueKind]] = [:]) -> IssueExample.File {
        IssueExample.File("pricing-options.csv", header: ["Client ID", "Pricing Option", "Remaining", "Expiration Date"],
                          rows: rows, raises: raises)
    }
}

extension IssueKind {
    public static let passWithoutClient = IssueKind(
        "pass_without_client", .error,
        english: "No client with the id {value} is in the client list, so this pass's {balance} cannot be given to anyone. Add the client to the client list, or correct the id.")
    public static let passOfRejectedClient = IssueKind(
        "pass_of_rejected_client", .error,
        english: "The client with the id {value} was not imported (see their row in the client list), so this pass's {balance} waits for them. Fix the client's row first.")
    public static let clientIDRequired = IssueKind(
        "client_id_required", .error,
        english: "This pass names no client id, so it cannot be joined to a client of the client list. Add the client's id.")
}

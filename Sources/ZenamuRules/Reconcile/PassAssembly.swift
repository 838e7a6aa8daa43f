import ZenamuCore

/// The issues of a system whose balances come as passes: one row per pass (assembled into
/// clients) or a second file joined on the old system's client id. The pipeline raises them;
/// their codes and messages live here, beside the rules, so the catalogues know them. An expired
/// pass is any row's matter (`PassMustBeCurrent`).
public enum PassAssembly {
    public static let kinds: [IssueKind] = [.passWithoutClient, .passOfRejectedClient, .clientIDRequired]
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

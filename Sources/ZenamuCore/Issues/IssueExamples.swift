/// The examples of one issue kind, with when it is raised in one sentence: what `docs/ISSUES.md`
/// says of the code, kept beside the rule that raises it so a new kind cannot go undocumented.
public struct IssueExamples: Sendable {
    public let kind: IssueKind
    /// When the kind is raised, for support staff: what the cell held, and what became of it.
    public let when: String
    /// At least one raises the kind; a clean one beside it shows a good value raising nothing.
    public let examples: [IssueExample]

    public init(kind: IssueKind, when: String, examples: [IssueExample]) {
        self.kind = kind
        self.when = when
        self.examples = examples
    }
}

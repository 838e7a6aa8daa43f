/// Everything the customer reads, in one language: the issue messages keyed by issue code, and the
/// words of the error workbook.
///
/// English issue messages live beside the rules that raise them (`IssueKind.english`), so a new
/// code is written once in English and the catalogue tests name every language that still lacks
/// it. The workbook's words are a `Words` value, so the compiler refuses a language that misses one.
public struct MessageCatalogue: Sendable {
    public let language: MessageLanguage
    /// Issue message templates by code, with the English template's `{placeholders}`. Empty for
    /// English.
    public let issues: [String: String]
    public let words: Words

    public init(language: MessageLanguage, issues: [String: String], words: Words) {
        self.language = language
        self.issues = issues
        self.words = words
    }

    /// The template for a kind of issue; English when this catalogue lacks it (the tests keep
    /// that from shipping).
    public func template(for kind: IssueKind, onRejectedRow: Bool = false) -> String {
        if onRejectedRow, let english = kind.englishOnRejectedRow {
            return language == .english ? english : issues[kind.rejectedRowKey] ?? english
        }
        return language == .english ? kind.english : issues[kind.code] ?? kind.english
    }

    /// The issue in this language, its details filled in; `onRejectedRow` for a warning on a row
    /// that was not imported (see `IssueKind.englishOnRejectedRow`).
    public func message(for issue: Issue, onRejectedRow: Bool = false) -> String {
        // The customer's values are quoted on one line and cut when long; the full value stays in
        // the issue (report.json's `value`) and in the workbook's cell.
        var values = issue.details.mapValues { OneLine.text($0) }
        if let value = issue.value { values["value"] = OneLine.text(value) }
        if let suggestion = issue.suggestion { values["suggestion"] = OneLine.text(suggestion) }
        if let column = issue.column { values["column"] = OneLine.text(column.header) }
        values["row"] = String(issue.row)
        if let field = issue.field { values["field"] = words.field(field) }
        // Details that are words, not values, are composed here so they read in this language.
        if let balance = words.balance(entries: issue.details["entries"], credits: issue.details["credits"],
                                       language: language) {
            values["balance"] = balance
        }
        if let firstRow = issue.details["firstRow"] {
            values["first"] = issue.details["firstFile"].map {
                IssueKind.render(words.rowInFile, ["row": firstRow, "file": $0])
            } ?? IssueKind.render(words.rowPlace, ["row": firstRow])
        }
        return IssueKind.render(template(for: issue.kind, onRejectedRow: onRejectedRow), values)
    }

    /// The comment on an offending cell: the message, and the suggested value where there is one.
    public func comment(for issue: Issue, onRejectedRow: Bool = false) -> String {
        let message = message(for: issue, onRejectedRow: onRejectedRow)
        guard let suggestion = issue.suggestion.map({ OneLine.text($0) }), !message.contains(suggestion) else { return message }
        return message + "\n" + IssueKind.render(words.suggestion, ["suggestion": suggestion])
    }
}

extension Issue {
    /// The message in English.
    public var message: String { MessageCatalogue.english.message(for: self) }
}

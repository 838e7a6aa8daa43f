/// The words of the error workbook and of composed messages, in one language.
///
/// A plain memberwise value: a catalogue that leaves a word out does not compile. Templates take
/// `{placeholders}` like issue messages do.
public struct Words: Sendable {
    // Sheets.
    public var toFixSheet: String
    public var warningsSheet: String
    public var summarySheet: String

    // The two columns the workbook adds after the customer's own.
    public var problemHeader: String
    public var referenceHeader: String
    /// The comment on the reference column's header.
    public var referenceNote: String

    // The "Warnings" sheet's columns (the reference column comes first).
    public var clientHeader: String
    public var columnHeader: String
    public var valueHeader: String
    public var noteHeader: String

    // The "Summary" sheet.
    public var summaryTitle: String
    /// What to do with the workbook, one step per line.
    public var steps: [String]
    public var fileLabel: String
    public var formatLabel: String
    public var sheetLabel: String
    public var systemLabel: String
    /// What the generic adapter is, shown as the recognised system.
    public var genericSystem: String
    /// What a returned error workbook is read as.
    public var returnedWorkbookSystem: String
    public var encodingLabel: String
    public var delimiterLabel: String
    public var headerRowLabel: String
    public var phoneCountryLabel: String
    public var rowsReadLabel: String
    public var acceptedLabel: String
    public var toFixLabel: String
    public var mergedLabel: String
    public var skippedLabel: String
    /// Where a file's entries or credits went: `{read}`, `{imported}`, `{toFix}`, `{expired}`, `{merged}`.
    public var balanceAccount: String
    /// Rows of a returned workbook that are right now.
    public var fixedLabel: String
    public var mappingTitle: String
    public var yourColumnHeader: String
    public var importedAsHeader: String
    public var notImported: String
    public var none: String
    public var nothingToFix: String
    /// Said when a very long list of rows to fix outgrew the cell notes: `{rows}`, `{problem}`.
    public var commentsStopped: String
    public var noWarnings: String

    /// The names of the canonical fields, by `CanonicalField.rawValue`.
    public var fields: [String: String]

    // Consent, as the drop-down offers it (and the reader accepts back).
    public var yes: String
    public var no: String

    // Validation prompts shown when a cell is selected, and the refusal of a wrong value.
    public var entriesPrompt: String
    public var creditsPrompt: String
    public var consentPrompt: String

    // Pieces of composed messages.
    /// "Suggested: {suggestion}"
    public var suggestion: String
    /// "row {row}"
    public var rowPlace: String
    /// "row {row} of {file}"
    public var rowInFile: String
    /// "{n} entry" / "{n} entries", by the language's plural categories.
    public var entries: PluralNoun
    /// "{n} credit" / "{n} credits".
    public var credits: PluralNoun
    /// Between "5 entries" and "10 credits", spaces included: " and " (Czech: ", ").
    public var balanceSeparator: String

    // The invitation e-mail a client receives: {studio}, {name}, {balance}, {email}.
    public var invitationSubject: String
    public var invitationGreeting: String
    /// When entries or credits wait for the client.
    public var invitationBalance: String
    public var invitationNoBalance: String
    public var invitationSignUp: String
    /// Above the studio's name, at the end.
    public var invitationClosing: String

    public func field(_ field: CanonicalField) -> String { fields[field.rawValue] ?? field.label }
}

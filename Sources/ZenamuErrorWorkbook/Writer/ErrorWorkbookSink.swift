import Foundation
import ZenamuCore

/// Writes `errors.xlsx`: the rows to fix ("To fix", one sheet per input file that has any), the
/// imported rows with a note ("Warnings") and what was read ("Summary"), in the customer's
/// language. When nothing needs fixing, no file has a problem and nothing carries a note, no file
/// is left behind.
///
/// Sheets are streamed (constant memory); their order is fixed as the first file starts, so a
/// second input file's "To fix 2" comes after "Summary".
public final class ErrorWorkbookSink: ClientSink {
    public let url: URL
    /// Whether `errors.xlsx` was written (something to fix or a warning).
    public private(set) var written = false
    public private(set) var rowsToFix = 0
    public private(set) var warnings = 0

    private var writer: XLSXWriter?
    private var styles: WorkbookStyles?
    private var messages = MessageCatalogue.english
    /// One per input file; the last is the current file's.
    private var toFix: [ToFixSheet] = []
    private var warningSheet: WarningsSheet?
    private var summary: XLSXWriter.Sheet?
    /// The system of each file begun, in words, for the Summary.
    private var systems: [String] = []
    /// Hidden: the clients imported so far, so a corrected row cannot take one's e-mail.
    private var imported: XLSXWriter.Sheet?
    private var importedRows: UInt32 = 0
    /// The hidden list's cell being written, its buffer kept from one client to the next.
    private var knownCell: [UInt8] = []
    /// Hidden: the run's settings, and how each file's columns were read (rows added per file).
    private var settings: XLSXWriter.Sheet?
    private var settingsRows: UInt32 = 0
    /// Hidden: the original rows sent to fix, so deleted ones are noticed when the workbook returns.
    private var sent: XLSXWriter.Sheet?
    private var sentRows: UInt32 = 0
    private let notes: NoteBudget
    /// A row the budget could not note: the Summary says where notes stop.
    private var notesRanOut = false

    private let temporaryFolder: String?
    private let quiet: Bool

    /// `temporaryFolder`: where libxlsxwriter keeps each sheet while it streams (default: the
    /// system's temporary folder). `quiet`: keep libxlsxwriter's own messages off standard error,
    /// for a single-threaded program that owns it (the command line).
    /// `notedRows`: how many rows to fix carry cell notes (see `NoteBudget`).
    public init(url: URL, temporaryFolder: String? = nil, quiet: Bool = false, notedRows: Int = 10_000) {
        self.url = url
        notes = NoteBudget(rows: notedRows)
        self.temporaryFolder = temporaryFolder
        self.quiet = quiet
    }

    deinit { writer?.discard() }

    public func begin(_ file: FileStart) throws {
        if writer == nil { try open(file.messages) }
        guard let writer, let styles else { return }
        let words = messages.words
        systems.append(SummarySheet.system(of: file, words: words))
        let name = toFix.isEmpty ? words.toFixSheet : "\(words.toFixSheet) \(toFix.count + 1)"
        // The run has one language (the pipeline decides it with the first file).
        toFix.append(try ToFixSheet(sheet: writer.addSheet(name), start: file, styles: styles, notes: notes))
        if toFix.count == 1 {
            warningSheet = try WarningsSheet(sheet: writer.addSheet(words.warningsSheet), words: words, styles: styles)
            summary = try writer.addSheet(words.summarySheet)
            let imported = try writer.addSheet(KnownClient.sheetName)
            for (column, title) in KnownClient.header.enumerated() { try imported.text(0, UInt16(column), title) }
            // The first file's phone country and the run's language travel with the workbook.
            let settings = try writer.addSheet(RunSettings.sheetName)
            let kept = RunSettings(region: file.region, locale: file.messages.language.rawValue)
            for (row, cells) in kept.rows.enumerated() {
                for (column, cell) in cells.enumerated() { try settings.text(UInt32(row), UInt16(column), cell) }
            }
            settingsRows = UInt32(kept.rows.count)
            settings.hide()
            self.settings = settings
            let sent = try writer.addSheet(SentRows.sheetName)
            try sent.text(0, 0, SentRows.header[0])
            sent.hide()
            self.sent = sent
            imported.hide()
            self.imported = imported
        }
        for client in file.knownClients { try remember(client) }
        // How this file's columns were read, so the reply reads its columns the same way.
        if let settings {
            for cells in RunSettings.columnRows(file.mapping) where settingsRows < XLSXWriter.lastRow {
                for (column, cell) in cells.enumerated() { try settings.text(settingsRows, UInt16(column), cell) }
                settingsRows += 1
            }
        }
    }

    /// Creates the workbook as the first file starts, in the run's language.
    private func open(_ messages: MessageCatalogue) throws {
        let writer = try XLSXWriter(path: url.path, temporaryFolder: temporaryFolder, quiet: quiet)
        writer.setProperties(title: messages.words.summaryTitle, subject: messages.words.toFixSheet)
        self.writer = writer
        styles = WorkbookStyles(writer)
        self.messages = messages
    }

    private func remember(_ client: KnownClient) throws {
        guard let imported, importedRows < XLSXWriter.lastRow else { return }
        importedRows += 1
        knownCell.removeAll(keepingCapacity: true)
        client.appendCell(to: &knownCell)
        try imported.text(importedRows, 0, utf8: &knownCell)
    }

    public func consume(_ outcome: RowOutcome) throws {
        switch outcome {
        case let .rejected(provenance, issues):
            rowsToFix += 1
            if let sent, sentRows < XLSXWriter.lastRow {
                sentRows += 1
                try sent.text(sentRows, 0, provenance.original.text)
            }
            if notes.exhausted { notesRanOut = true }
            try toFix.last?.add(provenance, issues: issues)
        case let .accepted(record, notes):
            if let client = KnownClient(record) { try remember(client) }
            try note(notes, on: record)
        case let .merged(record, notes):
            try note(notes, on: record)
        case .skipped:
            break
        }
    }

    private func note(_ notes: [Issue], on record: ClientRecord) throws {
        guard !notes.isEmpty else { return }
        warnings += notes.count
        try warningSheet?.add(record, issues: notes, messages: messages)
    }

    public func finish(_ report: RunReport) throws {
        guard let writer, let styles, let warningSheet, let summary else { return }
        guard rowsToFix > 0 || warnings > 0 || !report.problems.isEmpty else {
            writer.discard()
            self.writer = nil
            return
        }
        for sheet in toFix { sheet.finish() }
        try warningSheet.finish(words: messages.words)
        try SummarySheet(sheet: summary, words: messages.words, styles: styles, systems: systems)
            .write(report, commentsStoppedAfter: notesRanOut ? notes.rows : nil)
        // Open on the first sheet with something to fix; hide the empty ones of other files.
        let firstWithRows = toFix.first { $0.rowsWritten > 0 }
        // With only a column to decide, its place is the Summary, which leads with it.
        (firstWithRows?.sheet ?? (warnings == 0 ? summary : warningSheet.sheet)).activate()
        for sheet in toFix.dropFirst() where sheet.rowsWritten == 0 { sheet.sheet.hide() }
        try writer.close()
        self.writer = nil
        written = true
    }

    public func fail(_ error: any Error) { abandon() }

    /// Removes a half-written workbook (the run failed).
    public func abandon() {
        writer?.discard()
        writer = nil
        try? FileManager.default.removeItem(at: url)
    }
}

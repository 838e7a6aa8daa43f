import ZenamuCore

/// Clients imported with a note (a phone left out, a consent that said neither yes nor no): one
/// line per note, for the customer to correct in their old system if they wish.
final class WarningsSheet {
    let sheet: XLSXWriter.Sheet
    private let styles: WorkbookStyles
    private var widths = ColumnWidths()
    private(set) var rowsWritten = 0
    static let noteWidth = 80

    init(sheet: XLSXWriter.Sheet, words: Words, styles: WorkbookStyles) throws {
        self.sheet = sheet
        self.styles = styles
        let headers = [words.referenceHeader, words.clientHeader, words.columnHeader, words.valueHeader, words.noteHeader]
        for (column, header) in headers.enumerated() { try write(UInt16(column), 0, header, styles.header) }
    }

    func add(_ record: ClientRecord, issues: [Issue], messages: MessageCatalogue) throws {
        for issue in issues where rowsWritten < Int(XLSXWriter.lastRow) {
            rowsWritten += 1
            let row = UInt32(rowsWritten)
            let client = record.name.display.isEmpty ? record.email ?? "" : record.name.display
            let note = messages.comment(for: issue)
            sheet.fitRow(row, wrapping: note, width: Self.noteWidth - 4)
            try write(0, row, record.provenance.original.text, styles.reference)
            try write(1, row, client, styles.cell(.text))
            // The column by its header: the file's letter would not match the To fix sheet's.
            try write(2, row, issue.column?.header ?? "", styles.cell(.text))
            try write(3, row, issue.value ?? "", styles.cell(.text, .warning))
            try write(4, row, note, styles.wrapped)
        }
    }

    private func write(_ column: UInt16, _ row: UInt32, _ value: String, _ format: WorkbookStyles.Format) throws {
        try sheet.text(row, column, value, format)
        widths.note(value, in: column)
    }

    func finish(words: Words) throws {
        if rowsWritten == 0 { try sheet.text(1, 0, words.noWarnings) }
        sheet.finishTable(rows: rowsWritten, lastColumn: 4)
        for column in UInt16(0)...3 {
            sheet.column(column, column, width: widths.width(column, within: 10...40))
        }
        sheet.column(4, 4, width: Double(Self.noteWidth), styles.wrapped)
    }
}

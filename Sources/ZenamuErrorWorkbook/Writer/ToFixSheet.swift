import ZenamuCore

/// How many rows of a workbook may carry cell notes. libxlsxwriter keeps every note in memory until
/// the workbook is assembled, even while it streams the cells, so notes on a million rejected rows
/// would cost gigabytes. Past the budget, rows are still written, marked and explained in the
/// Problem column; the Summary says where the notes stop.
final class NoteBudget {
    static let rows = 10_000
    let rows: Int
    private(set) var used = 0
    var exhausted: Bool { used >= rows }

    init(rows: Int = NoteBudget.rows) { self.rows = rows }

    func take() -> Bool {
        guard used < rows else { return false }
        used += 1
        return true
    }
}

/// One input file's rejected rows: the reference to the original row, the problem in words, then
/// the customer's own columns as they sent them, each offending cell marked and explained.
///
/// The customer corrects the cells and sends the workbook back; `ReturnedErrorWorkbook` reads it.
final class ToFixSheet {
    static let referenceColumn = ErrorWorkbookLayout.referenceColumn
    static let problemColumn = ErrorWorkbookLayout.problemColumn
    static let firstCustomerColumn = ErrorWorkbookLayout.firstCustomerColumn
    static let lastColumn = ErrorWorkbookLayout.lastColumn
    static let problemWidth = 60

    let sheet: XLSXWriter.Sheet
    private let messages: MessageCatalogue
    private let styles: WorkbookStyles
    /// The customer's columns (indices in the file), in their order; the workbook's own columns of
    /// a returned workbook are left out so they are not written twice.
    private let customerColumns: [Int]
    /// Index in the file → place among `customerColumns`.
    private let positions: [Int: Int]
    private let headerCount: Int
    private let fields: [Int: CanonicalField]
    private var widths = ColumnWidths()
    private(set) var rowsWritten = 0

    private let notes: NoteBudget

    init(sheet: XLSXWriter.Sheet, start: FileStart, styles: WorkbookStyles, notes: NoteBudget) throws {
        self.sheet = sheet
        self.notes = notes
        self.messages = start.messages
        self.styles = styles
        let added = start.mapping.addedColumns
        headerCount = start.header.cells.count
        var fields: [Int: CanonicalField] = [:]
        for mapped in start.mapping.columns { fields[mapped.column.index] = mapped.field }
        self.fields = fields
        // The columns that fed a field come first, in the file's order, then the others: what the
        // customer must look at is on the first printed page of a wide export.
        let own = start.header.cells.indices.filter { !added.contains($0) }
        customerColumns = own.filter { fields[$0] != nil } + own.filter { fields[$0] == nil }
        positions = Dictionary(uniqueKeysWithValues: customerColumns.enumerated().map { ($1, $0) })

        let words = messages.words
        try write(Self.referenceColumn, 0, words.referenceHeader, styles.header)
        try sheet.comment(0, Self.referenceColumn, words.referenceNote)
        try write(Self.problemColumn, 0, words.problemHeader, styles.header)
        var overflow: [String] = []
        for source in customerColumns {
            guard let target = column(of: source) else { continue }
            if target == Self.lastColumn {
                overflow.append(start.header.cells[source])
            } else {
                try write(target, 0, start.header.cells[source], styles.header)
            }
        }
        if !overflow.isEmpty { try write(Self.lastColumn, 0, overflow.joined(separator: " | "), styles.header) }
    }

    /// Where a cell of the file lands: its place among the customer's columns, or after them for a
    /// cell beyond the header (a ragged row keeps every cell); past the sheet's width, the last column.
    private func column(of source: Int) -> UInt16? {
        let offset = source >= headerCount ? customerColumns.count + source - headerCount : positions[source]
        return offset.map { UInt16(min(Int(Self.firstCustomerColumn) + $0, Int(Self.lastColumn))) }
    }

    func add(_ provenance: Provenance, issues: [Issue]) throws {
        // Past Excel's last row a sheet cannot go; such rows are still in report.json.
        guard rowsWritten < Int(XLSXWriter.lastRow) else { return }
        rowsWritten += 1
        let row = UInt32(rowsWritten)

        // Errors first: they are why the row is here. Several issues on one cell share its comment.
        let ordered = issues.filter { $0.severity == .error } + issues.filter { $0.severity == .warning }
        var marks: [UInt16: (mark: WorkbookStyles.Mark, comments: [String])] = [:]
        // An issue about no particular cell is said in the problem column alone.
        for issue in ordered {
            guard let target = issue.column.flatMap({ column(of: $0.index) }) else { continue }
            var entry = marks[target] ?? (issue.severity == .error ? .error : .warning, [])
            entry.comments.append(messages.comment(for: issue, onRejectedRow: true))
            marks[target] = entry
        }

        // Every issue in words, errors first: a yellow cell is explained on paper too, not only in
        // its note. Warnings speak of a row that is not imported yet.
        let problem = ordered.map { messages.message(for: $0, onRejectedRow: true) }.joined(separator: "\n")
        sheet.fitRow(row, wrapping: problem, width: Self.problemWidth - 4)
        try write(Self.referenceColumn, row, provenance.original.text, styles.reference)
        try write(Self.problemColumn, row, problem, styles.problem)
        var overflow: [String] = []
        for source in 0..<max(provenance.cells.count, headerCount) {
            guard let target = column(of: source) else { continue }
            let value = source < provenance.cells.count ? provenance.cells[source] : ""
            if target == Self.lastColumn {
                overflow.append(value)
                continue
            }
            // An empty cell is written only to show it needs filling.
            guard !value.isEmpty || marks[target] != nil else { continue }
            let mark = marks[target]?.mark ?? .none
            if let number = Self.number(value, field: fields[source]) {
                try sheet.number(row, target, number, styles.cell(.number, mark))
            } else {
                try write(target, row, value, styles.cell(.text, mark))
            }
        }
        if overflow.contains(where: { !$0.isEmpty }) || marks[Self.lastColumn] != nil {
            try write(Self.lastColumn, row, overflow.joined(separator: " | "),
                      styles.cell(.text, marks[Self.lastColumn]?.mark ?? .none))
        }
        guard !marks.isEmpty, notes.take() else { return }
        for (target, entry) in marks.sorted(by: { $0.key < $1.key }) {
            try sheet.comment(row, target, entry.comments.joined(separator: "\n\n"))
        }
    }

    /// Entries and credits the customer wrote as plain numbers go in as numbers, so Excel's
    /// validation and sums work; anything else stays the text it was.
    static func number(_ text: String, field: CanonicalField?) -> Double? {
        guard field == .entries || field == .credits else { return nil }
        var digits = 0, dots = 0
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": dots += 1
            case "-" where offset == 0: break
            default: return nil
            }
        }
        // Leading zeros and long digit strings are not amounts; keep them as written.
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard digits > 0, digits <= 15, dots <= 1, !(unsigned.hasPrefix("0") && unsigned.count > 1 && !unsigned.hasPrefix("0."))
        else { return nil }
        return Double(text)
    }

    private func write(_ column: UInt16, _ row: UInt32, _ value: String, _ format: WorkbookStyles.Format) throws {
        try sheet.text(row, column, value, format)
        widths.note(value, in: column)
    }

    /// Widths, filter, frozen header and validations, once every row is in.
    func finish() {
        let words = messages.words
        let lastCustomer = UInt16(min(Int(Self.firstCustomerColumn) + max(customerColumns.count, 1) - 1, Int(Self.lastColumn)))
        let lastColumn = max(lastCustomer, widths.lastColumn ?? lastCustomer)
        sheet.finishTable(rows: rowsWritten, lastColumn: lastColumn)
        let totalWidth = (Self.referenceColumn...lastColumn).reduce(0.0) { total, column in
            total + (column == Self.problemColumn ? Double(Self.problemWidth)
                : widths.width(column, within: column == Self.referenceColumn ? 12...40 : 8...45, margin: 3))
        }
        sheet.printLegibly(totalWidth: totalWidth)
        sheet.column(Self.referenceColumn, Self.referenceColumn, width: widths.width(Self.referenceColumn, within: 12...40),
                     styles.reference)
        sheet.column(Self.problemColumn, Self.problemColumn, width: Double(Self.problemWidth), styles.problem)
        for column in Self.firstCustomerColumn...lastColumn {
            let width = widths.width(column, within: 8...45, margin: 3)
            let source = customerColumns.indices.contains(Int(column - Self.firstCustomerColumn))
                ? customerColumns[Int(column - Self.firstCustomerColumn)] : nil
            let field = source.flatMap { fields[$0] }
            let isAmount = field == .entries || field == .credits
            sheet.column(column, column, width: width, styles.cell(isAmount ? .number : .text))
            switch field {
            case .entries: sheet.validate(column: column, .wholeNumberAtLeastZero, prompt: words.entriesPrompt)
            case .credits: sheet.validate(column: column, .numberAtLeastZero, prompt: words.creditsPrompt)
            case .consent: sheet.validate(column: column, .oneOf([words.yes, words.no]), prompt: words.consentPrompt)
            default: break
            }
        }
    }
}

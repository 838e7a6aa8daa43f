import ZenamuCore

/// What was read and how, in the customer's words: the steps to follow, then for each file its
/// format, the counts, and which column became which field.
struct SummarySheet {
    let sheet: XLSXWriter.Sheet
    let words: Words
    let styles: WorkbookStyles
    /// Each file's system in the customer's words, in the order of `report.files`.
    let systems: [String]

    static let labelWidth = 42
    static let valueWidth = 36

    /// How the Summary names the system that read a file: its name, or for the two readers that
    /// are no booking system, what they are in the customer's language.
    static func system(of file: FileStart, words: Words) -> String {
        switch file.systemRole {
        case .namedSystem: file.systemName
        case .anyClientList: words.genericSystem
        case .returnedWorkbook: words.returnedWorkbookSystem
        }
    }

    /// `commentedRows`: set when the cell notes stopped after that many rows to fix.
    func write(_ report: RunReport, commentsStoppedAfter commentedRows: Int? = nil) throws {
        var row: UInt32 = 0
        try sheet.text(row, 0, words.summaryTitle, styles.title)
        row += 1
        // What must be decided first leads: a column nothing reads that holds balances or consent.
        for problem in report.problems {
            row += 1
            // Across both columns, tall enough to read whole: it is the first thing to act on.
            try sheet.merged(row, 0, 1, problem.message, styles.problem)
            sheet.fitRow(row, wrapping: problem.message, width: Self.labelWidth + Self.valueWidth - 4)
        }
        if !report.problems.isEmpty { row += 1 }
        if report.rows.rejected == 0, report.problems.isEmpty {
            row += 1
            try sheet.text(row, 0, words.nothingToFix, styles.label)
        }
        if let commentedRows {
            row += 1
            try sheet.text(row, 0, IssueKind.render(words.commentsStopped,
                                                    ["rows": String(commentedRows), "problem": words.problemHeader]))
        }
        // The steps lead to the rows to fix and back: with none, they would contradict the line above.
        for step in report.rows.rejected > 0 ? words.steps : [] {
            row += 1
            try sheet.text(row, 0, step)
        }
        for (index, file) in report.files.enumerated() {
            row += 2
            try pair(&row, words.fileLabel, file.file, first: true)
            try pair(&row, words.formatLabel, file.format.uppercased())
            if let sheetName = file.sheet { try pair(&row, words.sheetLabel, sheetName) }
            try pair(&row, words.systemLabel, systems.indices.contains(index) ? systems[index] : "")
            try pair(&row, words.encodingLabel, file.encoding ?? "UTF-8")
            if let delimiter = file.delimiter {
                try pair(&row, words.delimiterLabel, delimiter == "\t" ? "Tab" : "\(delimiter)")
            }
            try pair(&row, words.headerRowLabel, Double(file.headerRow))
            try pair(&row, words.phoneCountryLabel, file.region ?? words.none)
            try pair(&row, words.rowsReadLabel, Double(file.rows.read))
            try pair(&row, words.acceptedLabel, Double(file.rows.accepted))
            try pair(&row, words.toFixLabel, Double(file.rows.rejected))
            try pair(&row, words.mergedLabel, Double(file.rows.merged))
            try pair(&row, words.skippedLabel, Double(file.rows.skipped))
            // Every entry and credit accounted for, as the rows are.
            for (field, account) in [(CanonicalField.entries, file.balances.entries.text), (.credits, file.balances.credits.text)] {
                guard let account else { continue }
                try pair(&row, words.field(field).capitalisedFirst, IssueKind.render(words.balanceAccount, account))
            }
            if let returned = file.returned {
                let sent = returned.sent > 0 ? returned.sent : returned.fixed + returned.stillToFix + returned.removed
                try pair(&row, words.fixedLabel, "\(returned.fixed) / \(sent)")
            }

            row += 2
            try sheet.text(row, 0, words.mappingTitle, styles.label)
            row += 1
            // Columns by their header: the original file's letters would not match the To fix sheet,
            // where our two columns come first.
            try sheet.text(row, 0, words.yourColumnHeader, styles.header)
            try sheet.text(row, 1, words.importedAsHeader, styles.header)
            let toDecide = Set(file.problems.compactMap(\.columnLetter))
            for column in file.mapping {
                row += 1
                let style = toDecide.contains(column.letter) ? styles.problem : nil
                try sheet.text(row, 0, column.column, style)
                let field = column.field.flatMap(CanonicalField.init(rawValue:)).map(words.field) ?? words.notImported
                try sheet.text(row, 1, field, style)
            }
        }
        sheet.printOnePageWide(repeatingHeader: false)
        sheet.column(0, 0, width: Double(Self.labelWidth))
        sheet.column(1, 1, width: Double(Self.valueWidth))
    }

    private func pair(_ row: inout UInt32, _ label: String, _ value: String, first: Bool = false) throws {
        if !first { row += 1 }
        try sheet.text(row, 0, label, styles.label)
        try sheet.text(row, 1, value)
    }

    private func pair(_ row: inout UInt32, _ label: String, _ value: Double) throws {
        row += 1
        try sheet.text(row, 0, label, styles.label)
        try sheet.number(row, 1, value, styles.leftNumber)
    }
}

extension BalanceCounts {
    /// The account's values for `Words.balanceAccount`; nil when the file held none of it.
    var text: [String: String]? {
        guard read != .zero || unreadable > 0 else { return nil }
        return ["read": "\(read)", "imported": "\(imported)", "toFix": "\(inRejectedRows)", "expired": "\(expired)",
                "merged": "\(merged)"]
    }
}

extension String {
    /// The first letter in upper case ("remaining entries" → "Remaining entries").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

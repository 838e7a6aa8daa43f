import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuSinks
import ZenamuTestSupport
import ZenamuErrorWorkbook

/// errors.xlsx as the studio owner opens it: read back from the file, never from our own model.
@Suite("The error workbook")
struct ErrorWorkbookTests {
    static let languages: [(String, MessageLanguage)] = [
        ("english-corrections", .english), ("french-utf8-bom", .french), ("italian-validation", .italian),
        ("hungarian-corrections", .hungarian), ("czech-corrections", .czech),
    ]

    @Test("Every rejected row, its bad cells marked and explained, in the header's language",
          arguments: languages)
    func toFixSpeaksTheCustomersLanguage(_ fixture: String, _ language: MessageLanguage) throws {
        let converted = try ConvertedFixture(fixture: fixture)
        let words = language.catalogue.words
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)

        #expect(workbook.sheets.map(\.name) == [words.toFixSheet, words.warningsSheet, words.summarySheet,
                                                 KnownClient.sheetName, RunSettings.sheetName, SentRows.sheetName])
        #expect(workbook.sheets.map(\.hidden) == [false, false, false, true, true, true])
        let toFix = try #require(workbook[words.toFixSheet])
        let header = try #require(converted.report.files.first).mapping.map(\.column)
        #expect(toFix.rows[0] == [words.referenceHeader, words.problemHeader] + header)

        let rejected = converted.outcomes.compactMap { outcome -> (Provenance, [ZenamuCore.Issue])? in
            if case let .rejected(provenance, issues) = outcome { (provenance, issues) } else { nil }
        }
        #expect(toFix.rows.count == rejected.count + 1)
        let fileName = try Fixtures.input(of: fixture).lastPathComponent
        for (offset, (provenance, issues)) in rejected.enumerated() {
            let row = offset + 2
            let line = toFix.rows[offset + 1]
            #expect(line[0] == "\(fileName) #\(provenance.row)")
            // The customer's values as they sent them.
            #expect(Array(line.dropFirst(2)).trimmingEmptyTail == provenance.cells.trimmingEmptyTail)
            for issue in issues where issue.severity == .error {
                #expect(line[1].contains(language.catalogue.message(for: issue)))
                guard let column = issue.column else { continue }
                let cell = ColumnRef(index: column.index + 2, header: "").letter + String(row)
                #expect(toFix.fills[cell] == "FFC7CE", "\(cell) is not highlighted")
                #expect(toFix.comments[cell]?.contains(language.catalogue.message(for: issue)) == true,
                        "\(cell) lacks the comment for \(issue.code)")
            }
        }
    }

    /// The hidden list holds each imported client's cell as `KnownClient` writes it (from its
    /// bytes, no String made); a character no XML may hold, here in the file's name, is replaced
    /// rather than written into a workbook Excel would refuse to open.
    @Test func theHiddenListHoldsEveryImportedClient() throws {
        let folder = try TemporaryFolder()
        let input = folder.url.appendingPathComponent("klienti\u{1}.csv")
        try FileManager.default.copyItem(at: Fixtures.input(of: "english-corrections"), to: input)
        let converted = try ConvertedFixture(paths: [input])
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let hidden = try #require(workbook[KnownClient.sheetName])
        let expected = converted.outcomes.compactMap { outcome -> String? in
            guard case let .accepted(record, _) = outcome, let client = KnownClient(record) else { return nil }
            return client.cells[0].replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
        }
        #expect(!expected.isEmpty && expected.allSatisfy { $0.contains("\tklienti\u{FFFD}.csv #") })
        #expect(hidden.rows.dropFirst().map { $0.first ?? "" } == expected)
    }

    @Test func madeToBeCorrectedInExcel() throws {
        let converted = try ConvertedFixture(fixture: "italian-validation")
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let toFix = try #require(workbook["Da correggere"])
        #expect(toFix.frozenRows == 1 && toFix.autofilter == "A1:I8")
        // Ingressi is column F, Crediti G, Consenso newsletter I.
        #expect(toFix.validations.contains {
            $0.range == "F2:F1048576" && $0.type == "whole" && $0.comparison == "greaterThanOrEqual" && $0.formula == "0"
        })
        #expect(toFix.validations.contains {
            $0.range == "G2:G1048576" && $0.type == "decimal" && $0.comparison == "greaterThanOrEqual"
        })
        #expect(toFix.validations.contains { $0.range == "I2:I1048576" && $0.type == "list" && $0.formula == "\"sì,no\"" })
        // Amounts are numbers (the negative credits too); phones and e-mails stay text.
        #expect(toFix.numbers.contains("G8") && toFix.rows[7][6] == "-20")
        #expect(!toFix.numbers.contains("E2") && !toFix.numbers.contains("A2"))
        for sheet in workbook.sheets {
            #expect(sheet.formulas == 0, "\(sheet.name) has formulas")
        }
        let warnings = try #require(workbook["Avvisi"])
        let consent = try #require(converted.warning(row: 12))
        #expect(warnings.frozenRows == 1 && warnings.rows.count == 3)
        #expect(warnings.rows[2] == ["input.csv #12", "Chiara Ferri", "Consenso newsletter", "forse",
                                     MessageCatalogue.italian.comment(for: consent)])
    }

    @Test func theSummaryAddsUp() throws {
        let converted = try ConvertedFixture(fixture: "hungarian-corrections")
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let words = MessageCatalogue.hungarian.words
        let summary = try #require(workbook[words.summarySheet])
        let pairs = Dictionary(summary.rows.filter { $0.count >= 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        #expect(pairs[words.fileLabel] == "input.csv")
        #expect(pairs[words.rowsReadLabel] == "6" && pairs[words.acceptedLabel] == "1" && pairs[words.toFixLabel] == "5")
        #expect(pairs[words.delimiterLabel] == ";")
        #expect(summary.rows.contains { $0.count == 2 && $0[0] == "Hátralévő belépések" && $0[1] == "hátralévő alkalmak" })
        // No letters of the original file: they would not match the To fix sheet.
        #expect(!summary.rows.contains { $0.first.map { $0.count <= 2 && $0.allSatisfy(\.isUppercase) } == true })
    }

    @Test func pastTheNoteBudgetRowsAreStillWrittenAndExplainedInTheProblemColumn() throws {
        let folder = try TemporaryFolder()
        let rows = (1...5).map { "Client \($0),not-an-address-\($0)" }
        let file = try folder.file("clients.csv", text: "Name,Email\n" + rows.joined(separator: "\n") + "\n")
        let workbookURL = folder.url.appendingPathComponent("errors.xlsx")
        let sink = ErrorWorkbookSink(url: workbookURL, notedRows: 3)
        try Conversion(options: ConversionOptions()).run(paths: [file.path], sinks: [sink])
        let workbook = try WorkbookInspector(path: workbookURL.path)
        let toFix = try #require(workbook["To fix"])
        #expect(toFix.rows.count == 6 && toFix.rows[5][3] == "not-an-address-5")
        #expect(toFix.rows[5][1].contains("not-an-address-5"))
        #expect(Set(toFix.comments.keys) == ["A1", "D2", "D3", "D4"])
        #expect(toFix.fills["D6"] != nil)
        let summary = try #require(workbook["Summary"])
        #expect(summary.rows.contains { $0.first == "The first 3 rows to fix carry a note on each marked cell; after them, "
            + "the Problem column explains each row." })
    }

    /// A warning on a rejected row is explained in the Problem column too, and in words for a row
    /// that is not imported ("is imported without consent" would not be true).
    @Test func warningsOnRejectedRowsAreInTheProblemColumnAndDoNotPromiseAnImport() throws {
        let converted = try ConvertedFixture(fixture: "english-corrections")
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let toFix = try #require(workbook["To fix"])
        let eve = try #require(toFix.rows.first { $0.first == "input.csv #6" })
        let problem = eve[1]
        #expect(problem.hasPrefix("The remaining entries must be a number, but the cell says \"one\"."))
        #expect(problem.contains("\"maybe\" does not say yes or no; write yes or no, so the client's newsletter consent "
            + "is clear once the row is imported."))
        #expect(!problem.contains("is imported without newsletter consent"))
        let notes = toFix.comments.values.joined(separator: "\n")
        #expect(!notes.contains("is imported without newsletter consent"))
        // An imported client's note still says what happened to it.
        let warnings = try #require(workbook["Warnings"])
        #expect(!warnings.rows.dropFirst().contains { $0.contains { $0.contains("once the row is imported") } })
    }

    /// A wide export: the columns that fed a field first, and printed legibly over several pages
    /// with the original row repeated, not shrunk onto one.
    @Test func aWideExportPutsUsedColumnsFirstAndPrintsLegibly() throws {
        let folder = try TemporaryFolder()
        let extras = (1...20).map { "Extra \($0)" }
        let header = ["Notes", "Name", "Joined"] + extras + ["Email"]
        let row = ["vip", "Ann Lee", "2020-01-01"] + extras.map { "some long value for \($0)" } + ["not-an-address"]
        let file = try folder.file("wide.csv", text: header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n")
        let converted = try ConvertedFixture(paths: [file])
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let toFix = try #require(workbook["To fix"])
        #expect(Array(toFix.rows[0].prefix(5)) == ["Original row", "Problem", "Name", "Email", "Notes"])
        #expect(toFix.rows[1][3] == "not-an-address")
        #expect(!toFix.fitToPage && toFix.printScale == 100)
        #expect(toFix.printTitles == "'To fix'!$A:$A,'To fix'!$1:$1")

        // A narrow one still fits one page wide.
        let narrow = try ConvertedFixture(fixture: "english-corrections")
        let narrowWorkbook = try WorkbookInspector(path: #require(narrow.errorsWorkbook).path)
        let small = try #require(narrowWorkbook["To fix"])
        #expect(small.fitToPage && small.fitToWidth == 1)
    }

    /// Neighbouring flagged cells print as separate values.
    @Test func cellsOfTheToFixTableHaveThinBorders() throws {
        let converted = try ConvertedFixture(fixture: "english-corrections")
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let toFix = try #require(workbook["To fix"])
        #expect(!toFix.fills.isEmpty)
        #expect(toFix.fills.keys.allSatisfy { toFix.bordered.contains($0) || $0.hasSuffix("1") })
        #expect(toFix.bordered.contains("A2") && toFix.bordered.contains("B2"))
    }

    /// "Nothing to fix" is not followed by steps about the rows to fix; internal ids never show.
    @Test func aWorkbookWithOnlyWarningsSaysNothingToFixAndNoSteps() throws {
        let converted = try ConvertedFixture(fixture: "zenamu-seed")
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let words = MessageCatalogue.english.words
        let summary = try #require(workbook[words.summarySheet])
        let texts = summary.rows.flatMap { $0 }
        #expect(texts.contains(words.nothingToFix))
        #expect(words.steps.allSatisfy { !texts.contains($0) })
    }

    @Test func aReturnedWorkbookIsNamedInWordsInTheSummary() throws {
        let first = try ConvertedFixture(fixture: "italian-validation")
        let second = try ConvertedFixture(paths: [try #require(first.errorsWorkbook)])
        let workbook = try WorkbookInspector(path: #require(second.errorsWorkbook).path)
        let words = MessageCatalogue.italian.words
        let summary = try #require(workbook[words.summarySheet])
        #expect(summary.rows.contains { $0.count >= 2 && $0[0] == words.systemLabel && $0[1] == words.returnedWorkbookSystem })
        for sheet in workbook.sheets where !sheet.hidden {
            #expect(!sheet.rows.joined().contains { $0.contains("zenamu-errors") || $0 == "generic" }, "\(sheet.name)")
        }
    }

    /// The owner reads "System: Glofox members", never the adapter's id "glofox".
    @Test(arguments: ["glofox-members", "teamup-customers", "fresha-xlsx"])
    func aNamedSystemIsNamedInWordsInTheSummary(_ fixture: String) throws {
        let converted = try ConvertedFixture(fixture: fixture)
        let file = try #require(converted.report.files.first)
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let words = try MessageLanguage(rawValue: converted.report.locale).map(\.catalogue.words) ?? #require(nil as Words?)
        let summary = try #require(workbook[words.summarySheet])
        let said = summary.rows.first { $0.count >= 2 && $0[0] == words.systemLabel }?[1]
        #expect(said == file.systemName && said != file.system)
    }

    @Test func aCustomersFormulaStaysTheTextTheyTyped() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Name,Email,Note\n=HYPERLINK(\"http://x\"),not-an-email,=1+1\n")
        let converted = try ConvertedFixture(paths: [file])
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        let toFix = try #require(workbook["To fix"])
        #expect(toFix.rows[1][2...] == ["=HYPERLINK(\"http://x\")", "not-an-email", "=1+1"])
        #expect(workbook.sheets.allSatisfy { $0.formulas == 0 })
    }

    @Test func noWorkbookWhenNothingNeedsFixing() throws {
        let converted = try ConvertedFixture(fixture: "hungarian-windows-1250")
        #expect(converted.errorsWorkbook == nil)
        #expect(!FileManager.default.fileExists(atPath: converted.folder.url.appendingPathComponent("errors.xlsx").path))
    }

    @Test func localeChoosesTheLanguage() throws {
        var options = try Fixtures.options(of: "italian-validation")
        options.locale = .french
        let converted = try ConvertedFixture(paths: [Fixtures.input(of: "italian-validation")], options: options)
        let workbook = try WorkbookInspector(path: #require(converted.errorsWorkbook).path)
        #expect(workbook.sheets.first?.name == "À corriger")
        #expect(converted.report.locale == "fr" && converted.report.localeSource == "--locale")
        let issues = converted.outcomes.flatMap { outcome -> [ZenamuCore.Issue] in
            switch outcome {
            case let .accepted(_, found), let .merged(_, found), let .rejected(_, found): found
            case .skipped: []
            }
        }
        #expect(converted.report.issues.map(\.message) == issues.map { MessageCatalogue.french.message(for: $0) })
        // A header in a language without a catalogue falls back to English.
        let german = try ConvertedFixture(fixture: "german-windows-1252")
        #expect(german.report.locale == "en" && german.report.localeSource == "default")
    }
}

extension [String] {
    /// Without trailing empty cells (a sheet has no cell for them).
    var trimmingEmptyTail: [String] {
        var cells = self
        while cells.last == "" { cells.removeLast() }
        return cells
    }
}

extension ConvertedFixture {
    func warning(row: Int) -> ZenamuCore.Issue? {
        for outcome in outcomes {
            if case let .accepted(record, warnings) = outcome, record.provenance.row == row { return warnings.first }
        }
        return nil
    }
}


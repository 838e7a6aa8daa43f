import Foundation
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration
import ZenamuReaders
import ZenamuTestSupport
import ZenamuErrorWorkbook

/// The studio owner corrects errors.xlsx and sends it back; convert reads it as it is.
@Suite("The corrected workbook comes back")
struct RoundTripTests {
    @Test func theReplyReadsItsColumnsAsTheFirstRunDecidedThem() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email,Stand,Opt\nAnn Lee,ann@example.com,5,Yes\n"
            + "Bob Roe,bob@example,12,No\n")
        var options = ConversionOptions()
        options.columnChoices = [try ColumnChoice.map("Stand=entries", files: []), try ColumnChoice.ignore("Opt", files: [])]
        let first = try ConvertedFixture(paths: [input], options: options)
        #expect(first.report.problems.isEmpty && first.report.rows.rejected == 1)
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        let returned = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("fixed.xlsx"), editing: "To fix",
                                                 ["list.csv #3": [3: "bob@example.com"]])
        // No flag this time: the workbook kept how the columns were read.
        let second = try ConvertedFixture(paths: [returned])
        #expect(second.report.problems.isEmpty, "\(second.report.problems.map(\.message))")
        #expect(second.clientLines == ["Bob Roe,bob@example.com,12,,,"])
        #expect(second.report.files[0].mapping.filter { $0.source == "firstRun" }.map(\.column) == ["Name", "Email", "Stand", "Opt"])
    }

    @Test func fixedRowsAreImportedAndTheRestComeBackWithTheirOriginalRows() throws {
        let first = try ConvertedFixture(fixture: "italian-validation")
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        let folder = try TemporaryFolder()

        // Two e-mails and a number of entries corrected; the rest left as it was.
        let returned = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("corretto.xlsx"),
                                                 editing: "Da correggere", [
                                                     "input.csv #6": [4: "paolo.verdi@example.it"],
                                                     "input.csv #7": [4: "anna.neri@gmail.com"],
                                                     "input.csv #10": [5: "2"],
                                                 ])
        let second = try ConvertedFixture(paths: [returned])
        let file = try #require(second.report.files.first)
        #expect(file.system == "zenamu-errors")
        #expect(second.clientLines == [
            "Paolo Verdi,paolo.verdi@example.it,,,,",
            "Anna Neri,anna.neri@gmail.com,,,,",
            "Elena Conti,elena.conti@example.it,2,,,",
        ])
        let corrections = try #require(file.corrections)
        #expect(corrections.filter(\.fixed).map(\.original.row) == [6, 7, 10])
        #expect(corrections.filter { !$0.fixed }.map(\.original.row) == [4, 8, 9, 11])
        #expect(second.report.rows.read == 7 && second.report.rows.addsUp)

        // Luca's row was not changed: the shared e-mail is still Marco's, imported the first time.
        let conflict = try #require(second.report.issues.first { $0.code == "duplicate_email" })
        #expect(conflict.row == 2 && conflict.message.contains("Marco Bianchi (riga 3 di input.csv)"))

        // What is still wrong comes back, still tied to the original rows, with the same columns.
        let again = try WorkbookInspector(path: #require(second.errorsWorkbook).path)
        let toFix = try #require(again["Da correggere"])
        #expect(toFix.rows.map { $0.first ?? "" } == ["Riga originale", "input.csv #4", "input.csv #8", "input.csv #9",
                                                      "input.csv #11"])
        #expect(toFix.rows[0] == sent["Da correggere"]?.rows[0])
        // The hidden list now holds the first run's clients and the three fixed ones.
        #expect(again[KnownClient.sheetName]?.rows.count == 1 + 4 + 3)
    }

    /// The hidden list is one cell per client now; a workbook sent by an earlier version, with the
    /// details in four columns, is still read.
    @Test func theImportedClientsListIsReadInEitherLayout() throws {
        let client = KnownClient(email: "jana@example.cz", name: "Jana Nováková", digest: 0xBEEF,
                                 original: RowReference(file: "my\tclients.csv", row: 6))
        #expect(client.cells.count == 1)
        #expect(KnownClient(cells: client.cells) == client)
        #expect(KnownClient(cells: ["jana@example.cz", "Jana Nováková", "beef", "my\tclients.csv #6"]) == client)
        #expect(KnownClient(cells: ["jana@example.cz\tJana"]) == nil && KnownClient(cells: KnownClient.header) == nil)
    }

    /// Converted with `--region GB` and `--locale fr`, sent back, converted again with no flag: the
    /// retyped UK number is read as British, and the workbook answers in French.
    @Test func thePhoneCountryAndTheLanguageTravelInsideTheWorkbook() throws {
        var options = ConversionOptions(region: "GB")
        options.locale = .french
        let first = try ConvertedFixture(paths: [try Fixtures.input(of: "english-corrections")], options: options)
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        let settings = try #require(sent[RunSettings.sheetName])
        let kept = RunSettings(rows: settings.rows)
        #expect(settings.hidden && kept.region == "GB" && kept.locale == "fr")
        #expect(kept.columns.contains("Email=email") && kept.columns.contains("Remaining Classes=entries"), "\(kept.columns)")

        let folder = try TemporaryFolder()
        let returned = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("back.xlsx"), editing: "À corriger",
                                                 ["input.csv #6": [5: "1", 7: "07700 900456", 8: "yes"]])
        let second = try ConvertedFixture(paths: [returned])
        #expect(second.clientLines == ["Eve Hart,eve.hart@example.com,1,,+447700900456,yes"])
        let file = try #require(second.report.files.first)
        #expect(file.region == "GB" && file.regionSource == "the first run's, kept in the workbook")
        #expect(second.report.locale == "fr" && second.report.localeSource == "the first run's, kept in the workbook")
        // The flags still win over what the workbook kept.
        var override = ConversionOptions(region: "IE")
        override.locale = .english
        let third = try ConvertedFixture(paths: [returned], options: override)
        #expect(third.report.files.first?.region == "IE" && third.report.locale == "en")
    }

    /// Every row sent is accounted for: fixed, still to fix, or removed (emptied or deleted); rows
    /// the studio added are counted apart, and the counts agree with the next errors.xlsx.
    @Test func theReturnedWorkbooksAccountAddsUp() throws {
        let first = try ConvertedFixture(fixture: "english-corrections")
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        #expect(sent[SentRows.sheetName]?.rows.dropFirst().map { $0.first ?? "" }
            == ["input.csv #3", "input.csv #4", "input.csv #5", "input.csv #6"])
        let folder = try TemporaryFolder()
        let returned = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("back.xlsx"), editing: "To fix",
            ["input.csv #3": [4: "bob.stone@hotmail.com"],  // fixed
             "input.csv #4": Dictionary(uniqueKeysWithValues: (2...8).map { ($0, "") })],  // emptied
            deleting: ["input.csv #5"],
            adding: [["", "", "Fay", "Lund", "fay@example", "1", "", "", "yes"],  // added, still wrong
                     ["", "", "Gus", "Berg", "gus@example.com", "2", "", "", "no"]])  // added, fine
        let second = try ConvertedFixture(paths: [returned])
        let account = try #require(second.report.files.first?.returned)
        var expected = ReturnedRows()
        expected.sent = 4
        expected.fixed = 1
        expected.stillToFix = 1  // Eve, untouched
        expected.removed = 2  // Cara emptied, Dan deleted
        expected.added = 2
        expected.addedImported = 1
        #expect(account == expected)
        #expect(second.report.skipped.map(\.reason) == [.removedByCustomer])
        #expect(!second.report.issues.contains { $0.code == "name_required" })
        // The next workbook holds exactly what is still to fix: Eve, and Fay whom the studio added.
        let next = try WorkbookInspector(path: #require(second.errorsWorkbook).path)
        #expect(next["To fix"]?.rows.count == 1 + account.stillToFix + account.added - account.addedImported)
    }

    @Test func aSecondRoundFinishesTheJob() throws {
        let first = try ConvertedFixture(fixture: "czech-corrections")
        let folder = try TemporaryFolder()
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        let once = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("1.xlsx"), editing: "K opravě", [
            "input.csv #3": [4: "petr.svoboda@seznam.cz"],
        ])
        let second = try ConvertedFixture(paths: [once])
        let back = try WorkbookInspector(path: #require(second.errorsWorkbook).path)
        let twice = try back.savedAsExcelWould(to: folder.url.appendingPathComponent("2.xlsx"), editing: "K opravě", [
            "input.csv #4": [4: "eva@example.cz"],
            "input.csv #5": [4: "tomas.kral@example.cz"],
            "input.csv #6": [5: "2", 8: "ne"],
        ])
        let third = try ConvertedFixture(paths: [twice])
        #expect(third.report.rows.rejected == 0 && third.report.rows.accepted == 3)
        #expect(third.clientLines.contains("Lucie Černá,lucie.cerna@example.cz,2,,,no"))
        #expect(third.report.files.first?.corrections?.map(\.original.row) == [4, 5, 6])
        #expect(third.errorsWorkbook == nil)
    }

    @Test func aMultiFileRunComesBackAsOneWorkbook() throws {
        let folder = try TemporaryFolder()
        let a = try folder.file("a.csv", text: "Name,Email,Entries\nAnn Lee,ann@x,2\n")
        let b = try folder.file("b.csv", text: "Nom;Courriel\nMarie Dupont;marie@\n")
        let first = try ConvertedFixture(paths: [a, b])
        let sent = try WorkbookInspector(path: #require(first.errorsWorkbook).path)
        #expect(sent.sheets.map(\.name) == ["To fix", "Warnings", "Summary", KnownClient.sheetName, RunSettings.sheetName,
                                             SentRows.sheetName, "To fix 2"])
        var returned = try sent.savedAsExcelWould(to: folder.url.appendingPathComponent("back.xlsx"),
                                                 editing: "To fix", ["a.csv #2": [3: "ann@x.com"]])
        returned = try WorkbookInspector(path: returned.path).savedAsExcelWould(to: returned,
                                             editing: "To fix 2", ["b.csv #2": [3: "marie@example.fr"]])
        let second = try ConvertedFixture(paths: [returned])
        #expect(second.clientLines == ["Ann Lee,ann@x.com,2,,,", "Marie Dupont,marie@example.fr,,,,"])
        #expect(second.report.files.map(\.sheet) == ["To fix", "To fix 2"])
    }

    /// What the pipeline knows of a reply it learns from the adapter's hooks: read as a plain
    /// client list (`--system generic`), the same workbook is just clients, with no account.
    @Test func theReturnedWorkbookIsKnownOnlyToItsAdapter() throws {
        let first = try ConvertedFixture(paths: [try Fixtures.input(of: "english-corrections")],
                                         options: ConversionOptions(region: "GB"))
        let path = try #require(first.errorsWorkbook).path
        let context = try ReturnedErrorWorkbook().context(of: TableReader.open(path: path))
        #expect(context.sentRows == ["input.csv #3", "input.csv #4", "input.csv #5", "input.csv #6"])
        #expect(context.knownClients.map(\.email) == first.outcomes.compactMap {
            if case let .accepted(record, _) = $0 { return record.email } else { return nil }
        })
        #expect(context.settings?.region == "GB")

        let plain = try ConvertedFixture(paths: [URL(fileURLWithPath: path)], options: ConversionOptions(system: "generic"))
        let file = try #require(plain.report.files.first)
        #expect(file.system == "generic" && file.returned == nil && file.corrections == nil)
        #expect(plain.outcomes.allSatisfy { $0.provenance.origin == nil })
    }
}

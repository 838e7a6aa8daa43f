import Foundation
import Testing
import ZenamuCore
import ZenamuErrorWorkbook
import ZenamuMigration
import ZenamuTestSupport

/// Every column of a file accounted for, as every row is: balances under the wording real exports
/// use are read, and a column nothing reads that looks like a balance or consent stops the run
/// with the flag that decides it.
@Suite("Every column accounted for")
struct ColumnAccountTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    func convert(_ csv: String, _ choices: [String] = [], ignoring: [String] = []) throws -> ConvertedFixture {
        var options = ConversionOptions()
        options.columnChoices = try choices.map { try ColumnChoice.map($0, files: ["clients.csv"]) }
            + ignoring.map { try ColumnChoice.ignore($0, files: ["clients.csv"]) }
        return try ConvertedFixture(paths: [try folder.file("clients.csv", text: csv)], options: options)
    }

    @Test(arguments: ["Classes Remaining", "Sessions Left", "Credits Left", "Class Credits", "Lessons remaining",
                      "Punches Remaining", "Séances", "Crédit restant", "Maradék alkalmak", "Restguthaben"])
    func aBalanceUnderTheWordingExportsUseIsRead(_ header: String) throws {
        let converted = try convert("Name,Email,\(header)\nAnn Lee,ann@example.com,5\nBob Roe,bob@example.com,12\n")
        #expect(converted.report.problems.isEmpty)
        let balances = converted.clientLines.map { $0.split(separator: ",", omittingEmptySubsequences: false)[2...3].joined(separator: ",") }
        #expect(balances == ["5,", "12,"] || balances == [",5", ",12"], "\(converted.clientLines)")
    }

    @Test func aColumnNothingReadsThatLooksLikeEntriesStopsTheRunNamingTheFlag() throws {
        let converted = try convert("Name,Email,Stand\nAnn Lee,ann@example.com,5\nBob Roe,bob@example.com,12\n")
        let problem = try #require(converted.report.problems.first)
        #expect(converted.report.hasFileErrors && problem.code == "column_not_used" && problem.row == 1)
        #expect(problem.column == "Stand" && problem.value == "5; 12" && problem.field == "entries")
        #expect(problem.message.contains(#"--map "Stand=entries""#) && problem.message.contains(#"--ignore "Stand""#))
        // In report.json's issues too, and the workbook is written for it, the problem leading its Summary.
        #expect(converted.report.issues.map(\.code) == ["column_not_used"])
        let workbook = try #require(converted.errorsWorkbook)
        let summary = try #require(try WorkbookInspector(path: workbook.path)["Summary"]).rows
        #expect(summary.dropFirst().first { !($0.first ?? "").isEmpty }?.first == problem.message)
        let mapping = try #require(converted.report.files.first?.mapping.last)
        #expect(mapping.field == nil && mapping.looksLike == "whole_numbers" && mapping.source == "header")
    }

    @Test func aYesNoColumnNothingReadsIsConsentToDecide() throws {
        let converted = try convert("Name,Email,Opt\nAnn Lee,ann@example.com,Yes\nBob Roe,bob@example.com,No\n")
        #expect(converted.report.problems.map(\.field) == ["consent"])
    }

    @Test func mapAndIgnoreDecideAndSayWhereTheDecisionCameFrom() throws {
        let csv = "Name,Email,Stand,Opt\nAnn Lee,ann@example.com,5,Yes\nBob Roe,bob@example.com,12,No\n"
        let mapped = try convert(csv, ["Stand=entries", "D=consent"])
        #expect(mapped.report.problems.isEmpty)
        #expect(mapped.clientLines == ["Ann Lee,ann@example.com,5,,,yes", "Bob Roe,bob@example.com,12,,,no"])
        #expect(mapped.report.files[0].mapping.map(\.source) == ["header", "header", "map", "map"])
        let ignored = try convert(csv, ignoring: ["stand", "Opt"])
        #expect(ignored.report.problems.isEmpty && !ignored.report.hasFileErrors)
        #expect(ignored.report.files[0].mapping.suffix(2).map(\.source) == ["ignore", "ignore"])
    }

    @Test func aChoiceNamingNoColumnOrNoFieldIsAUsageErrorNamingTheNearest() throws {
        #expect(throws: UsageError.self) { try ColumnChoice.map("Stand=credit", files: []) }
        let error = #expect(throws: UsageError.self) {
            try convert("Name,Email,Stand\nAnn Lee,ann@example.com,5\n", ["Stnd=entries"])
        }
        #expect(error?.description.contains(#"the nearest is "Stand""#) == true)
    }

    @Test func countsOfBookingsAndVisitsAreExplainedAndRaiseNothing() throws {
        let converted = try convert("Name,Email,Classes Booked,Total Visits,Days Since Last Visit,Age\n"
            + "Ann Lee,ann@example.com,14,12,3,41\nBob Roe,bob@example.com,40,38,9,35\n")
        #expect(converted.report.problems.isEmpty)
        #expect(converted.report.files[0].mapping.suffix(4).allSatisfy { $0.field == nil && $0.looksLike == "whole_numbers" })
    }

    @Test func theOnlyColumnOfEmailsIsReadByItsContent() throws {
        let converted = try convert("Name,Credits,Kontakt\nAnn Lee,5,ann@example.com\nBob Roe,,bob@example.com\n")
        let column = try #require(converted.report.files.first?.mapping.last)
        #expect(column.field == "email" && column.source == "content")
        #expect(converted.clientLines == ["Ann Lee,ann@example.com,,5,,", "Bob Roe,bob@example.com,,,,"])
    }

    @Test func aSecondEmailOrPhoneColumnIsTheFallbackWhereTheFirstIsEmptyButAnEmergencyPhoneNever() throws {
        let converted = try convert("Name,Email,Other Email,Mobile,Home Phone,Emergency Contact Phone\n"
            + "Ann Lee,,ann@example.com,,+44 20 7946 0001,+44 20 7946 0999\n"
            + "Bob Roe,bob@example.com,bob.work@example.com,,,+44 20 7946 0998\n")
        #expect(converted.clientLines == ["Ann Lee,ann@example.com,,,+442079460001,", "Bob Roe,bob@example.com,,,,"])
    }

    @Test func aMoneyColumnNothingReadsIsCreditsToDecideButMoneyPaidIsExplained() throws {
        let converted = try convert("Name,Email,Wert,Total Spent\nAnn Lee,ann@example.com,€ 12.50,€ 300\n"
            + "Bob Roe,bob@example.com,€ 3,€ 80\n")
        #expect(converted.report.problems.map(\.field) == ["credits"] && converted.report.problems.map(\.column) == ["Wert"])
    }

    @Test func yesNoInAnyCaseIsConsentAndAHeaderlessColumnIsNamedByItsLetter() throws {
        let converted = try convert("Name,Email,\nAnn Lee,ann@example.com,Yes\nBob Roe,bob@example.com,no\n"
            + "Cyd Poe,cyd@example.com,YES\nDee Day,dee@example.com,No\n")
        let problem = try #require(converted.report.problems.first)
        #expect(problem.field == "consent" && problem.message.contains(#"--map "C=consent""#))
    }

    @Test func aSecondBalanceColumnIsToDecideNotDroppedSilently() throws {
        let converted = try convert("Name,Email,Classes Remaining,Sessions Left\nAnn Lee,ann@example.com,5,2\n"
            + "Bob Roe,bob@example.com,,7\n")
        #expect(converted.report.problems.map(\.column) == ["Sessions Left"])
        let decided = try convert("Name,Email,Classes Remaining,Sessions Left\nAnn Lee,ann@example.com,5,2\n", ["Sessions Left=entries"])
        #expect(decided.report.problems.isEmpty && decided.clientLines == ["Ann Lee,ann@example.com,2,,,"])
    }
}

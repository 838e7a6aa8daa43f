import Foundation
import Testing
import ZenamuCore
import ZenamuTestSupport
import ZenamuErrorWorkbook

@Suite("The command-line contract")
struct CommandLineTests {
    @Test func everyRowAcceptedExitsZeroAndWritesBothFiles() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["convert", try Fixtures.input(of: "zenamu-seed").path, "--out", out.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("3 rows read: 3 accepted, 0 rejected, 0 merged, 0 skipped"))
        for name in ["clients.csv", "report.json"] {
            #expect(FileManager.default.fileExists(atPath: out.url.appendingPathComponent(name).path))
        }
    }

    @Test func rejectedRowsExitOne() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["convert", try Fixtures.input(of: "italian-validation").path, "--out", out.url.path])
        #expect(result.status == 1)
        // The next step, ready to copy: the returned workbook needs no flag.
        #expect(result.stdout.hasSuffix("\n  \(CLI.executable.path) convert \(out.url.path)/errors.xlsx --out \(out.url.path)/corrected\n"))
        #expect(result.stdout.contains("errors.xlsx in Italian (the header's language; --locale changes it): 7 rows to fix"))
        #expect(FileManager.default.fileExists(atPath: out.url.appendingPathComponent("errors.xlsx").path))
    }

    /// Warnings on rows that were rejected are not "warnings on imported rows": the count is the
    /// Warnings sheet's.
    @Test(arguments: [("czech-corrections", 0), ("hungarian-corrections", 0), ("english-corrections", 1)])
    func theWarningCountIsTheWarningsSheets(_ name: String, _ warnings: Int) throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["convert", try Fixtures.input(of: name).path, "--out", out.url.path])
        #expect(result.stdout.contains(" to fix, \(warnings) warning\(warnings == 1 ? "" : "s") on imported rows."))
        let workbook = try WorkbookInspector(path: out.url.appendingPathComponent("errors.xlsx").path)
        let sheet = try #require(workbook.sheets.first { $0.name != KnownClient.sheetName && $0.rows.first?.count == 5 })
        #expect(sheet.rows.count - 1 == max(warnings, 1) && (warnings > 0 || sheet.rows[1].count == 1))
    }

    @Test func aCleanRunLeavesNoErrorWorkbookBehind() throws {
        let out = try TemporaryFolder()
        _ = try CLI.run(["convert", try Fixtures.input(of: "italian-validation").path, "--out", out.url.path])
        let clean = try CLI.run(["convert", try Fixtures.input(of: "hungarian-windows-1250").path, "--out", out.url.path])
        #expect(clean.status == 0 && !clean.stdout.contains("errors.xlsx"))
        // The earlier run's workbook would be mistaken for this one's.
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("errors.xlsx").path))
    }

    @Test func theCorrectedWorkbookConvertsAsItIs() throws {
        let out = try TemporaryFolder()
        let back = try TemporaryFolder()
        _ = try CLI.run(["convert", try Fixtures.input(of: "czech-corrections").path, "--out", out.url.path,
                         "--locale", "en"])
        // Sent back untouched: nothing is fixed, everything comes back, in the language asked for.
        let result = try CLI.run(["convert", out.url.appendingPathComponent("errors.xlsx").path, "--out", back.url.path,
                                  "--locale", "en"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  Of the 4 rows sent to the studio: 0 now imported, 4 still to fix, 0 removed by the studio.\n"))
        #expect(try WorkbookInspector(path: back.url.appendingPathComponent("errors.xlsx").path).sheets.first?.name == "To fix")
    }

    @Test(arguments: [
        ("empty.csv", "empty.csv: the file is empty."),
        ("no-header.csv", "no-header.csv: no header row found in the first 30 rows"),
        ("unterminated-quote.csv", "unterminated-quote.csv, row 2, column A: a quoted cell starts here and never closes"),
    ])
    func unreadableInputExitsTwoWithOneSentence(_ file: String, _ message: String) throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["convert", Fixtures.url("bad-input/\(file)").path, "--out", out.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("zenamu-migrate: \(message)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
        // Nothing half-written is left to be mistaken for a result.
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("clients.csv").path))
    }

    @Test func binaryAndMissingFilesExitTwo() throws {
        let folder = try TemporaryFolder()
        let binary = try folder.file("photo.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        let result = try CLI.run(["convert", binary.path, "--out", folder.url.path])
        #expect(result.status == 2 && result.stderr.contains("photo.csv: this is not a text file"))
        let missing = try CLI.run(["convert", folder.url.appendingPathComponent("nope.csv").path, "--out", folder.url.path])
        #expect(missing.status == 2 && missing.stderr.contains("nope.csv: the file does not exist."))
    }

    @Test(arguments: [
        ["convert"],
        ["convert", "x.csv"],
        ["convert", "x.csv", "--out", "o", "--region", "Czechia"],
        ["convert", "x.csv", "--out", "o", "--system", "nosuch"],
        ["convert", "x.csv", "--out", "o", "--region", "QQ"],
        ["convert", "x.csv", "--out", "o", "--locale", "de"],
        ["frobnicate"],
    ])
    func usageErrorsExitSixtyFour(_ arguments: [String]) throws {
        #expect(try CLI.run(arguments).status == 64)
    }

    @Test func inspectShowsTheDecisionsAndFirstRows() throws {
        let result = try CLI.run(["inspect", try Fixtures.input(of: "hungarian-windows-1250").path])
        #expect(result.status == 0)
        let golden = try String(contentsOf: Fixtures.url("hungarian-windows-1250/expected/inspect.txt"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func adaptersListsTheRegistry() throws {
        let result = try CLI.run(["adapters"])
        #expect(result.status == 0)
        // Named systems first (they win a tie), then the generic adapter and the returned workbook.
        #expect(result.stdout.hasPrefix("mindbody: "))
        #expect(result.stdout.contains("generic: Any client list") && result.stdout.contains("kind:        declarative (JSON)"))
    }
}

extension CommandLineTests {
    @Test func eachFileSaysWhichCountryItsPhonesWereReadAs() throws {
        let out = try TemporaryFolder()
        let result = try CLI.run(["convert", try Fixtures.input(of: "fresha-xlsx").path,
                                  try Fixtures.input(of: "legacy-xls").path, "--out", out.url.path])
        #expect(result.status == 0)
        // The English workbook gives no country; the Czech one does, and says so, even second.
        #expect(result.stdout.contains("input.xls: 3 rows read: 3 accepted, 0 rejected, 0 merged, 0 skipped. "
            + "Read as: Any client list (multilingual header); header on row 1.\n"
            + "  Phones without a country code were read as CZ: guessed from the header's language (cs); set --region to change it."))
        let report = try ConvertedFixture(paths: [try Fixtures.input(of: "fresha-xlsx"), try Fixtures.input(of: "legacy-xls")]).report
        #expect(report.files.map(\.region) == [nil, "CZ"])
        #expect(report.region == nil && report.format == "mixed")
    }
}

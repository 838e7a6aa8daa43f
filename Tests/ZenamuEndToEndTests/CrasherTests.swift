import Foundation
import Testing
import ZenamuCore
import ZenamuTestSupport

/// Every input in `fixtures/crashers/` once crashed, hung, exhausted memory or silently lost rows
/// (the README there says what each did). Each must now end under 300 MB, with a report of bounded
/// size and the clear result named here. No bound is in seconds (the result would depend on the
/// machine): the watchdog only turns a hang into a failure.
@Suite("Inputs that once broke the tool", .tags(.slow))
struct CrasherTests {
    static let watchdogSeconds = 600.0
    static let megabytesAllowed = 300.0
    /// A report names each file and column once and each issue once, not each row's cells: a
    /// crasher's stays within a fixed allowance and a line per column of its header.
    static func reportBytesAllowed(_ report: RunReport) -> Int {
        128 * 1024 + 256 * report.files.map(\.mapping.count).reduce(0, +)
    }

    /// Converts a crasher (gunzipped first when it is `.gz`) and checks the bounds every one must keep.
    static func convert(_ name: String, into out: TemporaryFolder) throws -> (CLIProcess.Ended, RunReport?) {
        var input = Fixtures.url("crashers/\(name)")
        if name.hasSuffix(".gz") {
            let unpacked = out.url.deletingLastPathComponent()
                .appendingPathComponent("zenamu-\(UUID().uuidString)-" + String(name.dropLast(3)))
            let gunzip = Process()
            gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
            gunzip.arguments = ["-c", "gunzip -c \"$0\" > \"$1\"", input.path, unpacked.path]
            try gunzip.run()
            gunzip.waitUntilExit()
            input = unpacked
        }
        defer { if name.hasSuffix(".gz") { try? FileManager.default.removeItem(at: input) } }
        let ended = try CLIProcess(["convert", input.path, "--out", out.url.path]).wait(deadline: watchdogSeconds)
        #expect(!ended.timedOut, "\(name) was still running after \(watchdogSeconds) s")
        #expect(ended.peakMegabytes < megabytesAllowed, "\(name) peaked at \(ended.peakMegabytes) MB")
        #expect(ended.signal == nil, "\(name) was killed by signal \(ended.signal ?? 0)")
        // One clear line on standard error when anything is said there.
        #expect(ended.stderr.split(separator: "\n").count <= 1, "\(name): \(ended.stderr)")
        let reportURL = out.url.appendingPathComponent("report.json")
        let reportData = try? Data(contentsOf: reportURL)
        let report = reportData.flatMap { try? JSONDecoder().decode(RunReport.self, from: $0) }
        if let reportData, let report {
            #expect(reportData.count < reportBytesAllowed(report), "\(name): report of \(reportData.count) bytes")
            #expect(report.rows.addsUp)
        }
        return (ended, report)
    }

    /// The workbook written for `out` converts back without being refused as damaged.
    static func expectWorkbookComesBack(_ out: TemporaryFolder) throws {
        let back = try TemporaryFolder()
        let returned = try CLI.run(["convert", out.url.appendingPathComponent("errors.xlsx").path, "--out", back.url.path])
        #expect(returned.status == 1, "the workbook did not come back: \(returned.stderr)")
    }

    @Test func sixteenThousandColumnsConvert() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("exit73-16384-columns.csv", into: out)
        #expect(ended.status == 0)
        #expect(report?.rows.accepted == 1)
    }

    @Test func aRejectedRowWiderThanASheetKeepsItsLastColumnsInOneCell() throws {
        let out = try TemporaryFolder()
        let header = ["name", "email"] + (3...16_384).map { "extra \($0)" }
        let row = ["Jana", "not-an-address"] + (3...16_384).map { "v\($0)" }
        let input = try out.file("wide.csv", text: header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n")
        let result = try CLI.run(["convert", input.path, "--out", out.url.appendingPathComponent("out").path])
        #expect(result.status == 1, "\(result.stderr)")
        let workbook = try WorkbookInspector(path: out.url.appendingPathComponent("out/errors.xlsx").path)
        let toFix = try #require(workbook.sheets.first)
        // Two columns of ours, then 16,382 of the customer's: the last holds the rest, joined.
        #expect(toFix.rows[0].count == 16_384 && toFix.rows[1].count == 16_384)
        #expect(toFix.rows[0].last == "extra 16382 | extra 16383 | extra 16384")
        #expect(toFix.rows[1].last == "v16382 | v16383 | v16384")
    }

    @Test func aNoncharacterInACellStillGivesAWorkbookThatComesBack() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("roundtrip-ufffe.csv", into: out)
        #expect(ended.status == 1)
        #expect(report?.issues.map(\.code).contains("unreadable_character") == true)
        try Self.expectWorkbookComesBack(out)
    }

    @Test func aControlCharacterInARejectedCellStillGivesAWorkbookThatComesBack() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("malformed-comments-xml-control-char.csv", into: out)
        #expect(ended.status == 1)
        #expect(report?.issues.map(\.code).contains("unreadable_character") == true)
        try Self.expectWorkbookComesBack(out)
    }

    @Test func aLoneSurrogateInUTF16IsOneFlaggedCharacterNotMergedRows() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("silent-row-loss-utf16-lone-surrogate.txt", into: out)
        #expect(ended.status == 0)
        #expect(report?.rows.accepted == 4)
        let flagged = try #require(report?.issues.first)
        #expect(flagged.code == "unreadable_character" && flagged.row == 4 && flagged.value == "\u{FFFD}oé Noël")
        let clients = try String(contentsOf: out.url.appendingPathComponent("clients.csv"), encoding: .utf8)
        #expect(clients.contains("Adam Bor,adam@example.com,4,,,"))
    }

    @Test func millionsOfBlankLinesAreCountedNotStored() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("oom-abort-4MB-blank-lines.csv.gz", into: out)
        #expect(ended.status == 0)
        #expect(report?.rows.skipped == 4_200_000)
        #expect(report?.skipped == [SkippedRow(file: report?.files.first?.file ?? "", row: 3, through: 4_200_002,
                                               reason: .blank)])
        let size = try FileManager.default.attributesOfItem(atPath: out.url.appendingPathComponent("report.json").path)[.size]
        #expect((size as? Int ?? .max) < 10_000)
    }

    @Test func aHundredMegabyteSharedStringIsRefusedNamingTheCap() throws {
        let out = try TemporaryFolder()
        let (ended, _) = try Self.convert("oom-abort-100MB-shared-string.xlsx.gz", into: out)
        #expect(ended.status == 2)
        #expect(ended.stderr.contains("is longer than 1 MiB, the most a cell may hold here"))
    }

    @Test func aThousandHeaderCellsPointingAtOneHugeTextAreSkippedQuickly() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("hang-2.8KB-xlsx-shared-string-header-scan.xlsx", into: out)
        #expect(ended.status == 0)
        #expect(report?.rows.accepted == 1)
    }

    @Test func aSixtyFourKilobytePhoneIsNoPhone() throws {
        let out = try TemporaryFolder()
        let (ended, report) = try Self.convert("hang-64KB-phone-cell.csv", into: out)
        #expect(ended.status == 0)
        #expect(report?.issues.map(\.code) == ["phone_unparseable"])
        // The message quotes the value cut short, on one line.
        #expect((report?.issues.first?.message.count ?? .max) < 300)
    }

    @Test func twentyThousandSheetsAreRefusedNamingTheCap() throws {
        let out = try TemporaryFolder()
        let (ended, _) = try Self.convert("slow-1.5GB-8KB-xlsx-20000-sheet-entries.xlsx", into: out)
        #expect(ended.status == 2)
        #expect(ended.stderr.contains("lists 20000 sheets, more than the cap of 1000"))
    }

    @Test func aSharedStringIndexOfMinusOneIsAnErrorNamingTheCell() throws {
        let out = try TemporaryFolder()
        let (ended, _) = try Self.convert("silent-misread-shared-string-index-minus1.xlsx", into: out)
        #expect(ended.status == 2)
        #expect(ended.stderr.contains("row 1, column A: the workbook is damaged: a cell refers to text number \"-1\""))
    }

    /// FreeXL dies on this file (SIGSEGV); it runs in a helper process, so the tool does not.
    @Test func aFileThatCrashesFreeXLIsRefusedWithOneSentence() throws {
        let out = try TemporaryFolder()
        let (ended, _) = try Self.convert("freexl-bad-free-segfault.xls", into: out)
        #expect(ended.status == 2)
        #expect(ended.stderr.hasSuffix(": this .xls file made the Excel reader fail (it is damaged, or built to break "
            + "readers); open it in Excel and save it as .xlsx or CSV.\n"))
    }

    @Test func freeXLsOverReadOnACraftedXLSEndsInAClearRefusal() throws {
        let out = try TemporaryFolder()
        let (ended, _) = try Self.convert("freexl-iconv-overread.xls", into: out)
        #expect(ended.status == 2)
        #expect(ended.stderr.contains("is not a readable Excel workbook"))
    }

    @Test func aFIFOIsReadOnceAndConverts() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.url.appendingPathComponent("clients.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let source = try Fixtures.input(of: "french-utf8-bom")
        // The writer blocks until the reader opens the FIFO, and ends when everything is read.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", source.path, fifo.path]
        try writer.run()
        let ended = try CLIProcess(["convert", fifo.path, "--out", folder.url.appendingPathComponent("out").path]).wait(deadline: Self.watchdogSeconds)
        writer.waitUntilExit()
        #expect(!ended.timedOut && ended.status == 1)
        #expect(ended.stdout.contains("4 rows read: 3 accepted, 1 rejected"))
    }

    @Test func aDeviceIsRefused() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["convert", "/dev/zero", "--out", folder.url.path])
        #expect(result.status == 2 && result.stderr.contains("this is a device, not a file"))
    }
}

import Foundation
import Testing
import ZenamuMigration
import ZenamuTestSupport

/// The outputs' promises: a run that fails or is killed leaves the previous outputs exactly as
/// they were; two runs never mix their outputs; an input is never altered; a failure to write is
/// exit 73 with one sentence and no partial file.
@Suite("Outputs are replaced whole or not at all")
struct OutputSafetyTests {
    /// The outputs a folder holds, to compare one state with another. `errors.xlsx` differs from
    /// run to run in its timestamp, so it is compared by presence; the others byte for byte.
    struct State: Equatable {
        let clients: Data?
        let report: Data?
        let hasWorkbook: Bool

        init(_ folder: URL) {
            clients = try? Data(contentsOf: folder.appendingPathComponent("clients.csv"))
            report = try? Data(contentsOf: folder.appendingPathComponent("report.json"))
            hasWorkbook = FileManager.default.fileExists(atPath: folder.appendingPathComponent("errors.xlsx").path)
        }
    }

    /// Run A: a small list with rows to fix (writes errors.xlsx). Run B: a clean list of several
    /// batches (no errors.xlsx): every file differs between the two.
    struct Runs {
        let work: TemporaryFolder
        let a: URL
        let b: URL
        let stateA: State
        let stateB: State

        init(rows: Int = 6_000) throws {
            work = try TemporaryFolder()
            a = try Fixtures.input(of: "english-corrections")
            var text = "name and surname,email,entries,credits\n"
            for row in 0..<rows { text += "Client \(row),client\(row)@example.com,\(row % 7),\(row % 5)\n" }
            b = try work.file("long.csv", text: text)
            let refA = work.url.appendingPathComponent("refA"), refB = work.url.appendingPathComponent("refB")
            _ = try CLI.run(["convert", a.path, "--out", refA.path])
            _ = try CLI.run(["convert", b.path, "--out", refB.path])
            stateA = State(refA)
            stateB = State(refB)
        }
    }

    /// The control folder holds the lock alone once a run has finished: no staging left over.
    static func leftovers(in folder: URL) -> [String] {
        let control = folder.appendingPathComponent(".zenamu-migrate").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: control)) ?? []).filter { $0 != "lock" }
    }

    /// Where run B is killed (`ZENAMU_STOP_AT`, docs/TESTING.md), and what the folder must then
    /// hold: run A's outputs until the commit's rename, run B's from it on.
    static let kills: [(stage: String, wins: String)] = [
        ("convert.batch#1", "previous"), ("convert.batch#3", "previous"), ("output.staged", "previous"),
        ("output.manifest", "previous"), ("output.renamed", "new"), ("output.moved#1", "new"), ("output.moved#2", "new"),
    ]

    @Test(.tags(.slow), arguments: kills.map(\.stage))
    func aConvertKilledAtAnyStageLeavesThePreviousOrTheNewOutputsWhole(_ stage: String) throws {
        let runs = try Runs()
        #expect(runs.stateA.hasWorkbook && !runs.stateB.hasWorkbook && runs.stateA.clients != runs.stateB.clients)
        let folder = runs.work.url.appendingPathComponent("out")
        _ = try CLI.run(["convert", runs.a.path, "--out", folder.path])
        let killed = try CLIProcess(["convert", runs.b.path, "--out", folder.path],
                                    environment: ["ZENAMU_STOP_AT": stage]).wait()
        #expect(killed.signal == SIGKILL, "the run should have stopped itself at \(stage): \(killed.stderr)")
        // A kill between the commit's rename and its last move is completed by the next run
        // to open the folder; that is what recover does, before anything else.
        try OutputFolder.recover(path: folder.path)
        let wins = try #require(Self.kills.first { $0.stage == stage }).wins
        #expect(State(folder) == (wins == "new" ? runs.stateB : runs.stateA), "killed at \(stage): \(wins) outputs expected")
        #expect(Self.leftovers(in: folder).isEmpty)
        // The next run into the folder works as if nothing had happened.
        #expect(try CLI.run(["convert", runs.b.path, "--out", folder.path]).status == 0)
        #expect(State(folder) == runs.stateB)
    }

    @Test func twoConvertsIntoOneFolderNeverMixTheirOutputs() throws {
        let runs = try Runs(rows: 3_000)
        for _ in 0..<3 {
            let folder = runs.work.url.appendingPathComponent("shared-\(UUID().uuidString)")
            let first = try CLIProcess(["convert", runs.a.path, "--out", folder.path])
            let second = try CLIProcess(["convert", runs.b.path, "--out", folder.path])
            let ended = [first.wait(), second.wait()]
            for run in ended where run.status == 73 {
                #expect(run.stderr.contains("another zenamu-migrate run is writing into this folder"))
                #expect(run.stderr.split(separator: "\n").count == 1)
            }
            #expect(ended.contains { $0.status != 73 })
            let state = State(folder)
            #expect(state == runs.stateA || state == runs.stateB)
        }
    }

    @Test(arguments: ["errors.xlsx", "clients.csv"])
    func anInputThatIsAnOutputIsRefusedAndLeftAlone(_ name: String) throws {
        let folder = try TemporaryFolder()
        _ = try CLI.run(["convert", try Fixtures.input(of: "english-corrections").path, "--out", folder.url.path])
        let input = folder.url.appendingPathComponent(name)
        let before = try Data(contentsOf: input), stateBefore = State(folder.url)
        let result = try CLI.run(["convert", input.path, "--out", folder.url.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("is both an input and an output of this run"))
        #expect(try Data(contentsOf: input) == before)
        #expect(State(folder.url) == stateBefore)
    }

    @Test func aFolderWhereAnOutputGoesIsRefusedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        let blocking = folder.url.appendingPathComponent("report.json")
        try FileManager.default.createDirectory(at: blocking, withIntermediateDirectories: true)
        let kept = try folder.file("report.json/notes.txt", text: "mine")
        let result = try CLI.run(["convert", try Fixtures.input(of: "zenamu-seed").path, "--out", folder.url.path])
        #expect(result.status == 73)
        #expect(result.stderr == "zenamu-migrate: cannot write \(blocking.path): it is a folder or a special file, "
            + "not one the run may replace; move it away, or choose another --out folder.\n")
        #expect(FileManager.default.fileExists(atPath: kept.path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("clients.csv").path))
    }

    @Test(arguments: [2_048, 8_192])
    func aFullDiskIsExit73WithOneSentenceAndThePreviousOutputsKept(_ limit: Int) throws {
        let runs = try Runs(rows: 2_000)
        let folder = runs.work.url.appendingPathComponent("out")
        _ = try CLI.run(["convert", runs.b.path, "--out", folder.path])
        // 2 KiB stops clients.csv; 8 KiB lets it through and stops errors.xlsx as it is assembled.
        let ended = try CLIProcess(["convert", runs.a.path, "--out", folder.path], fileSizeLimit: limit).wait()
        #expect(ended.status == 73)
        let names = ["zenamu-migrate: cannot write \(folder.path)/clients.csv: writing failed: ",
                     "zenamu-migrate: cannot write \(folder.path)/report.json: writing failed: ",
                     "zenamu-migrate: cannot write \(folder.path)/errors.xlsx: assembling the workbook failed: "]
        #expect(names.contains { ended.stderr.hasPrefix($0) }, "\(ended.stderr)")
        #expect(ended.stderr.contains("size limit"))
        #expect(ended.stderr.split(separator: "\n").count == 1)
        #expect(State(folder) == runs.stateB)
        #expect(Self.leftovers(in: folder).isEmpty)
    }

    @Test func anOutputFolderThatIsAFileIsExit73() throws {
        let work = try TemporaryFolder()
        let file = try work.file("taken", text: "a file")
        let result = try CLI.run(["convert", try Fixtures.input(of: "zenamu-seed").path, "--out", file.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("it is a file, not a folder"))
    }
}

extension OutputSafetyTests {
    /// A mistyped stage must not let a kill test pass without a kill.
    @Test func aStopPointThatNamesNoStageEndsTheRunAtOnce() throws {
        let folder = try TemporaryFolder()
        let ended = try CLIProcess(["convert", try Fixtures.input(of: "zenamu-seed").path, "--out", folder.url.path],
                                   environment: ["ZENAMU_STOP_AT": "output.commited"]).wait()
        #expect(ended.status == 64 && ended.stderr.contains("names no stage \"output.commited\""))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("clients.csv").path))
    }
}

/// An interrupted run leaves no staged personal data behind, and an empty --out is no folder.
@Suite("Interrupted runs")
struct InterruptedRunTests {
    @Test(arguments: [("TERM", Int32(143)), ("INT", Int32(130))])
    func aTerminatedRunRemovesItsStaging(_ signal: String, _ status: Int32) throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email\nAnn Lee,ann@example.com\n")
        let out = folder.url.appendingPathComponent("out")
        let run = try CLIProcess(["convert", input.path, "--out", out.path],
                                 environment: ["ZENAMU_STOP_AT": "output.staged:\(signal)"]).wait()
        #expect(run.status == status, "\(run.stderr)")
        let control = out.appendingPathComponent(".zenamu-migrate")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: control.path)) ?? []
        #expect(left.allSatisfy { !$0.hasPrefix("run-") }, "\(left)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("clients.csv").path))
    }

    @Test func anEmptyOutIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email\nAnn Lee,ann@example.com\n")
        #expect(try CLI.run(["convert", input.path, "--out", ""]).status == 64)
        #expect(try CLI.run(["import", input.path, "--store", folder.url.appendingPathComponent("s.sqlite").path, "--out", " "]).status == 64)
    }
}

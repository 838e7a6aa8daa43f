import Foundation
import Testing
import ZenamuCore
@testable import ZenamuMigration
import ZenamuTestSupport

/// Rows are normalised on a second thread; what the customer gets must not tell.
@Suite("A parallel run writes what a serial run writes")
struct ParallelTests {
    @Test(arguments: Fixtures.cases)
    func sameBytesAsSerial(_ name: String) throws {
        var serial = ConversionOptions()
        serial.parallel = false
        var parallel = ConversionOptions()
        parallel.batchRows = 2  // many hand-overs, one row a chunk, even in a small fixture
        let inputs = try Fixtures.inputs(of: name)
        let one = try ConvertedFixture(paths: inputs, options: serial)
        let two = try ConvertedFixture(paths: inputs, options: parallel)
        #expect(one.clientsCSV == two.clientsCSV)
        #expect(one.reportJSON == two.reportJSON)
        // Every row in its place, with the same verdict (details aside: the report holds them).
        #expect(one.outcomes.map(Self.summary) == two.outcomes.map(Self.summary))
        let workbooks = try [one, two].map { try $0.errorsWorkbook.map { try WorkbookInspector(path: $0.path) } }
        #expect(workbooks[0]?.sheets.map(\.rows) == workbooks[1]?.sheets.map(\.rows))
        #expect(workbooks[0]?.sheets.map(\.comments) == workbooks[1]?.sheets.map(\.comments))
    }

    @Test func bothThreadsWorkABatchAndEveryResultKeepsItsPlace() {
        let worker = BatchWorker(chunk: 3) { (number: Int) in
            // Uneven work, so the two threads' chunks interleave.
            (0..<(number % 7) * 200).reduce(number) { $0 &+ $1 % 3 } &- (0..<(number % 7) * 200).reduce(0) { $0 &+ $1 % 3 }
        }
        var results: [[Int]] = []
        for size in [0, 1, 2, 3, 10, 1_000] {
            worker.start(Array(0..<size), disposing: results.last ?? [])
            results.append(worker.wait())
            #expect(results.last == Array(0..<size))
        }
        #expect(worker.wait().isEmpty)
    }

    static func summary(_ outcome: RowOutcome) -> String {
        switch outcome {
        case let .accepted(record, warnings): "accepted \(record.provenance.row) \(warnings.map(\.kind.code))"
        case let .merged(record, issues): "merged \(record.provenance.row) \(issues.map(\.kind.code))"
        case let .rejected(provenance, issues): "rejected \(provenance.row) \(issues.map(\.kind.code))"
        case let .skipped(provenance, reason): "skipped \(provenance.row) \(reason)"
        }
    }
}

/// A long run tells how far it is; the CLI draws it on a terminal only.
@Suite("Progress")
struct ProgressTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [ConversionProgress] = []
        func add(_ event: ConversionProgress) { lock.withLock { seen.append(event) } }
        var all: [ConversionProgress] { lock.withLock { seen } }
    }

    @Test func aRunReportsRowsAndShareDoneThenItsOutputsThenItsEnd() throws {
        let folder = try TemporaryFolder()
        let text = "Name,Email\n" + (1...5_000).map { "Client \($0),c\($0)@example.com" }.joined(separator: "\n")
        let file = try folder.file("long.csv", text: text)
        let events = Events()
        var options = ConversionOptions()
        options.batchRows = 1_000
        options.progress = { events.add($0) }
        _ = try ConvertedFixture(paths: [file], options: options)
        let reading = events.all.filter { $0.file == "long.csv" }
        #expect(reading.map(\.rows) == [1_000, 2_000, 3_000, 4_000, 5_000, 5_000])
        #expect(reading.last?.fraction == 1)
        #expect(events.all.suffix(2) == [ConversionProgress(file: nil, rows: 5_000, fraction: 1, finishing: true),
                                         ConversionProgress(file: nil, rows: 5_000, fraction: 1)])
    }

    @Test func nothingOnStandardErrorWhenItIsNotATerminal() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("a.csv", text: "Name,Email\nAnn Lee,ann@example.com\n")
        let run = try CLI.run(["convert", file.path, "--out", folder.url.appendingPathComponent("out").path])
        #expect(run.status == 0 && run.stderr.isEmpty)
    }
}

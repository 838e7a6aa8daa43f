import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport

/// Rows are normalised on a second thread; what the customer gets must not tell.
@Suite("A parallel run writes what a serial run writes")
struct ParallelTests {
    @Test(arguments: Fixtures.cases)
    func sameBytesAsSerial(_ name: String) throws {
        var serial = ConversionOptions()
        serial.parallel = false
        var parallel = ConversionOptions()
        parallel.batchRows = 2  // many hand-overs, even in a small fixture
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

    static func summary(_ outcome: RowOutcome) -> String {
        switch outcome {
        case let .accepted(record, warnings): "accepted \(record.provenance.row) \(warnings.map(\.kind.code))"
        case let .merged(record, issues): "merged \(record.provenance.row) \(issues.map(\.kind.code))"
        case let .rejected(provenance, issues): "rejected \(provenance.row) \(issues.map(\.kind.code))"
        case let .skipped(provenance, reason): "skipped \(provenance.row) \(reason)"
        }
    }
}

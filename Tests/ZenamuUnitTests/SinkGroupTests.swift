import Testing
import ZenamuCore
import ZenamuMigration

/// `ClientSink`'s contract, kept by the one sink that forwards to the others: a sink whose
/// `finish` returned is never failed afterwards (a store that committed is not rolled back, an
/// output written is not deleted).
@Suite("One sink for many")
struct SinkGroupTests {
    final class Recording: ClientSink {
        let name: String
        let throwsOnFinish: Bool
        private let log: Log
        init(_ name: String, log: Log, throwsOnFinish: Bool = false) {
            self.name = name
            self.log = log
            self.throwsOnFinish = throwsOnFinish
        }
        func consume(_ outcome: RowOutcome) throws {}
        func finish(_ report: RunReport) throws {
            log.lines.append("\(name) finish")
            if throwsOnFinish { throw Refused() }
        }
        func fail(_ error: any Error) { log.lines.append("\(name) fail") }
    }

    final class Log { var lines: [String] = [] }
    struct Refused: Error {}

    static let report = RunReport(format: "csv", encoding: nil, delimiter: nil, system: "generic", region: nil,
                                  regionSource: nil, locale: "en", localeSource: "default", rows: RowCounts(),
                                  issues: [], skipped: [], files: [])

    @Test func whenTheSecondFinishThrowsTheFirstKeepsItsFinishAndTheRestFail() {
        let log = Log()
        let group = SinkGroup([Recording("a", log: log), Recording("b", log: log, throwsOnFinish: true),
                               Recording("c", log: log)])
        #expect(throws: Refused.self) { try group.finish(Self.report) }
        // The pipeline fails the group after a throw: nothing more reaches any sink.
        group.fail(Refused())
        #expect(log.lines == ["a finish", "b finish", "b fail", "c fail"])
    }

    @Test func aFailedRunFailsEverySinkOnceAndFinishesNone() {
        let log = Log()
        let group = SinkGroup([Recording("a", log: log), Recording("b", log: log)])
        group.fail(Refused())
        group.fail(Refused())
        #expect(log.lines == ["a fail", "b fail"])
    }
}

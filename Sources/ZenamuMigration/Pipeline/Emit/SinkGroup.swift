import ZenamuCore

/// One sink that forwards to many, in order (as swift-log's `MultiplexLogHandler` does for
/// handlers), and alone keeps `ClientSink`'s contract for all of them: a sink whose `finish`
/// returned never gets `fail`. When the k-th sink's `finish` throws, the sinks before it have
/// finished (they keep what they wrote); it and the sinks after it get `fail`.
package final class SinkGroup: ClientSink {
    private let sinks: [any ClientSink]
    /// Every sink has had its `finish` or its `fail`.
    private var ended = false

    package init(_ sinks: [any ClientSink]) {
        self.sinks = sinks
    }

    package func begin(_ file: FileStart) throws {
        for sink in sinks { try sink.begin(file) }
    }

    package func consume(_ outcome: RowOutcome) throws {
        for sink in sinks { try sink.consume(outcome) }
    }

    package func finish(_ report: RunReport) throws {
        precondition(!ended, "a run finishes or fails once")
        ended = true
        for (index, sink) in sinks.enumerated() {
            do {
                try sink.finish(report)
            } catch {
                for unfinished in sinks[index...] { unfinished.fail(error) }
                throw error
            }
        }
    }

    package func fail(_ error: any Error) {
        guard !ended else { return }
        ended = true
        for sink in sinks { sink.fail(error) }
    }
}

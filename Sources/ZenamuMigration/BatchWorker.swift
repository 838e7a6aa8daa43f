import Dispatch

/// One batch at a time on a second thread: `start` hands it over, `wait` takes the result. The
/// caller does its own work in between (reading the next batch, writing the last one), so two
/// cores share a run whose order stays the caller's.
final class BatchWorker<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let work: @Sendable ([Input]) -> [Output]
    private let queue = DispatchQueue(label: "zenamu-migrate.batch")
    private let done = DispatchSemaphore(value: 0)
    // Written by the queue before `done` is signalled, read by the caller after it waits.
    private var result: [Output] = []
    private var running = false

    init(_ work: @escaping @Sendable ([Input]) -> [Output]) {
        self.work = work
    }

    /// Starts `batch`. `disposing`: results the caller is done with, released on this thread,
    /// which allocated them (freeing memory on the thread that allocated it is cheaper).
    func start(_ batch: [Input], disposing: consuming [Output] = []) {
        precondition(!running, "a batch is already running")
        running = true
        let finished = disposing
        queue.async {
            self.result = self.work(batch)
            self.done.signal()
            _ = consume finished
        }
    }

    /// The result of the batch started last (empty when none is running).
    func wait() -> [Output] {
        guard running else { return [] }
        done.wait()
        running = false
        defer { result = [] }
        return result
    }
}

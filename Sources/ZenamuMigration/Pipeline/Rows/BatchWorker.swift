import Dispatch
import Foundation

/// One batch at a time, shared by two threads: `start` hands a batch to a second thread, and the
/// caller, once it has done its own work in between (reading the next batch, writing the last),
/// helps finish it in `wait`. Both take the batch's items a chunk at a time, so neither idles
/// while the other has work, and each result lands at its item's place: the order stays the
/// caller's whoever did the work.
final class BatchWorker<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Input) -> Output
    /// Items claimed at a time: small enough that the last chunk keeps no thread waiting long,
    /// large enough that claiming costs nothing beside the work.
    private let chunk: Int
    private let queue = DispatchQueue(label: "zenamu-migrate.batch")
    private let done = DispatchSemaphore(value: 0)
    private let claims = NSLock()

    // The running batch. `inputs` and `results` are set before the second thread starts and read
    // back after `done`; in between each index is written by the one thread that claimed it.
    private var inputs: [Input] = []
    private var results: UnsafeMutableBufferPointer<Output?> = .init(start: nil, count: 0)
    private var claimed = 0
    private var running = false

    init(chunk: Int = 64, _ work: @escaping @Sendable (Input) -> Output) {
        self.chunk = max(1, chunk)
        self.work = work
    }

    deinit {
        if running { results.deinitialize() }
        results.deallocate()
    }

    /// Starts `batch`. `disposing`: results the caller is done with, released on the second
    /// thread, which made most of them (freeing memory where it was allocated is cheaper).
    func start(_ batch: [Input], disposing: consuming [Output] = []) {
        precondition(!running, "a batch is already running")
        running = true
        inputs = batch
        results.deallocate()
        results = .allocate(capacity: batch.count)
        results.initialize(repeating: nil)
        claimed = 0
        let finished = disposing
        queue.async {
            self.drain()
            self.done.signal()
            _ = consume finished
        }
    }

    /// The results of the batch started last, in its order, once the caller has helped finish it
    /// (empty when none is running).
    func wait() -> [Output] {
        guard running else { return [] }
        drain()
        done.wait()
        running = false
        // Moved out, so the buffer holds nothing when it is freed.
        let batch = results.indices.map { results.moveElement(from: $0)! }
        inputs = []
        return batch
    }

    /// Works through chunks until none is left unclaimed.
    private func drain() {
        while let range = claim() {
            for index in range { results[index] = work(inputs[index]) }
        }
    }

    private func claim() -> Range<Int>? {
        claims.lock()
        defer { claims.unlock() }
        guard claimed < inputs.count else { return nil }
        let range = claimed..<min(claimed + chunk, inputs.count)
        claimed = range.upperBound
        return range
    }
}

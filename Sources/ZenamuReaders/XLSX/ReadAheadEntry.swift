import Foundation

/// A zip entry inflated on a thread of its own, a few chunks ahead of the one reading it.
///
/// Inflating a worksheet is a tenth of reading it; on the reading thread it stalled the XML
/// parser, which is the longest part of a workbook's reading. Chunks and the entry's failure
/// arrive in the order the entry gives them, so a reader sees what it saw reading the entry
/// itself: the same bytes, then the same error at the same place.
final class ReadAheadEntry: @unchecked Sendable {
    /// Chunks kept ready: enough to ride out a slow chunk, few enough to stay small (4 × 64 KiB).
    static let depth = 4

    /// What the two threads share, under `condition`. The inflating thread holds only this and
    /// the entry, so the reader going away tells it to stop.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var ready: [[UInt8]] = []
        var ended = false
        var failure: (any Error)?
        var abandoned = false
    }

    private let state = State()
    /// The inflated size the zip's directory states (0 when it does not).
    let size: UInt64
    /// Bytes handed to the reader so far.
    private(set) var inflated: UInt64 = 0

    /// Starts inflating `entry`, which must be this object's alone: opened through a handle of
    /// its own (`ZipArchive.reopened()`), since libzip's handles are not shared between threads.
    init(_ entry: ZipEntryStream) {
        size = entry.size
        let state = state
        nonisolated(unsafe) let entry = entry
        // A thread of its own rather than the shared pool: it blocks whenever it is ahead.
        let thread = Thread { Self.inflate(entry, into: state) }
        thread.name = "zenamu-inflate"
        thread.start()
    }

    deinit {
        state.condition.lock()
        state.abandoned = true
        state.condition.broadcast()
        state.condition.unlock()
    }

    /// The next inflated chunk, or nil at the end of the entry; throws what the entry threw.
    func next() throws -> [UInt8]? {
        state.condition.lock()
        defer { state.condition.unlock() }
        while state.ready.isEmpty, !state.ended { state.condition.wait() }
        guard !state.ready.isEmpty else {
            if let failure = state.failure { throw failure }
            return nil
        }
        let chunk = state.ready.removeFirst()
        if state.ready.count == Self.depth - 1 { state.condition.broadcast() }
        inflated += UInt64(chunk.count)
        return chunk
    }

    private static func inflate(_ entry: ZipEntryStream, into state: State) {
        while true {
            state.condition.lock()
            while state.ready.count >= depth, !state.abandoned { state.condition.wait() }
            let abandoned = state.abandoned
            state.condition.unlock()
            if abandoned { return }

            let chunk: [UInt8]?, failure: (any Error)?
            do {
                chunk = try entry.next()
                failure = nil
            } catch {
                chunk = nil
                failure = error
            }
            state.condition.lock()
            if let chunk { state.ready.append(chunk) } else { state.ended = true }
            state.failure = failure
            state.condition.broadcast()
            state.condition.unlock()
            if chunk == nil { return }
        }
    }
}

import Dispatch
import Foundation
import ZenamuCore

/// A workbook's shared-strings table, parsed on a second thread while the sheet is read.
///
/// At 1,000,000 rows the table is a fifth of reading the workbook; parsed before the sheet, it
/// held up the first row and left the second core idle. Excel numbers the texts in the order the
/// sheet first uses them, so the sheet seldom waits for one. The texts arrive in chunks of
/// `chunkSize`, each immutable once handed on; a cell naming a text not parsed yet waits for it.
///
/// What goes wrong keeps the order it had when the table was parsed first, whatever the timing:
/// a broken table is reported before anything the sheet does wrong, and a sheet is not done
/// until its table is known to be sound (`first(_:)`, `XLSXSheetReader`).
final class SharedStringsLoader: @unchecked Sendable {
    static let chunkSize = 4096

    /// What the two threads share, under `condition`. The parsing thread holds only this, so the
    /// loader's last owner going away tells it to stop.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var chunks: [SharedStrings] = []
        var finished = false
        var failure: InputError?
        var abandoned = false
    }

    private let state = State()

    /// Starts parsing `part` through `archive`, a handle for this thread alone (`reopened()`).
    init(archive: ZipArchive, part: String) {
        let state = state
        // The handle is this thread's alone from here on.
        nonisolated(unsafe) let archive = archive
        DispatchQueue.global().async { Self.load(part, from: archive, into: state) }
    }

    deinit {
        state.condition.lock()
        state.abandoned = true
        state.condition.unlock()
    }

    /// The chunks handed on so far, once there are more than `chunk` or the table is done.
    func chunks(beyond chunk: Int) -> [SharedStrings] { wait(beyond: chunk).chunks }

    /// The whole table, and how it failed.
    func finished() -> (chunks: [SharedStrings], failure: InputError?) { wait(beyond: .max) }

    /// `error`, or the table's failure when it has one: a broken table is reported before
    /// anything found after it, as when it was parsed before everything else.
    func first(_ error: any Error) -> any Error { finished().failure ?? error }

    private func wait(beyond chunk: Int) -> (chunks: [SharedStrings], failure: InputError?) {
        state.condition.lock()
        defer { state.condition.unlock() }
        while state.chunks.count <= chunk, !state.finished { state.condition.wait() }
        return (state.chunks, state.failure)
    }

    private static func load(_ part: String, from archive: ZipArchive, into state: State) {
        let parser = SharedStringsParser(file: archive.file, limits: archive.limits, chunkSize: chunkSize) { chunk in
            state.condition.lock()
            state.chunks.append(chunk)
            state.condition.broadcast()
            state.condition.unlock()
        }
        var failure: InputError?
        do {
            guard let stream = try archive.open(part) else { throw archive.damaged(part) }
            let xml = XMLStream(handler: parser, part: part, file: archive.file)
            while let chunk = try stream.next() {
                try xml.feed(chunk, isFinal: false)
                if let failure = parser.failure { throw failure }
                state.condition.lock()
                let abandoned = state.abandoned
                state.condition.unlock()
                if abandoned { return }
            }
            try xml.feed([], isFinal: true)
            if let failure = parser.failure { throw failure }
            parser.flush()
        } catch let error as InputError {
            failure = error
        } catch {
            failure = InputError.damagedWorkbook(archive.file, "the workbook is damaged (its part \(part) cannot be read: \(error))")
        }
        state.condition.lock()
        state.finished = true
        state.failure = failure
        state.condition.broadcast()
        state.condition.unlock()
    }
}

/// A sheet's way to the shared texts: the chunks it has already seen, and the loader for the rest.
struct SharedStringsView {
    enum Lookup {
        case text(String)
        /// No such text: the table, whole, has `count`.
        case missing(count: Int)
        /// The table could not be read.
        case failed(InputError)
    }

    private let loader: SharedStringsLoader?
    private var chunks: [SharedStrings] = []

    /// nil: the workbook has no table.
    init(_ loader: SharedStringsLoader?) { self.loader = loader }

    mutating func text(_ index: Int) -> Lookup {
        guard index >= 0 else { return missing() }
        let (chunk, offset) = index.quotientAndRemainder(dividingBy: SharedStringsLoader.chunkSize)
        if let text = text(chunk, offset) { return .text(text) }
        guard let loader else { return missing() }
        chunks = loader.chunks(beyond: chunk)
        // Every chunk but the last is full: a text beyond a chunk handed on is none.
        if let text = text(chunk, offset) { return .text(text) }
        return missing()
    }

    private func text(_ chunk: Int, _ offset: Int) -> String? {
        chunk < chunks.count ? chunks[chunk].text(offset) : nil
    }

    /// A text that is not there (or an index that is none): the whole table's count, once known.
    mutating func missing() -> Lookup {
        guard let loader else { return .missing(count: 0) }
        let all = loader.finished()
        chunks = all.chunks
        if let failure = all.failure { return .failed(failure) }
        return .missing(count: count)
    }

    private var count: Int { chunks.reduce(0) { $0 + $1.count } }
}

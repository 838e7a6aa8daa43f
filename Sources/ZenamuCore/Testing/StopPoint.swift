import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tests' way to kill a run at a chosen moment by construction, not after a sleep:
/// `ZENAMU_STOP_AT=<stage>[#n][:TERM|:INT|:PAUSE]` makes the process send itself SIGKILL (or
/// SIGTERM or SIGINT, which it may handle, and then waits for its handler to end it; or, PAUSE, stay
/// there, holding what it holds, after writing a line to the FIFO `ZENAMU_STOP_NOTIFY`) the n-th
/// time (default: the first) it reaches `stage`. Without the variable a stage costs one comparison. The stages are
/// listed, with what has happened at each, in docs/TESTING.md; `StopPoint.stages` is that list,
/// and a test holds the two together.
package enum StopPoint {
    /// Every stage a run may be stopped at, with what is true when it is reached.
    package static let stages: [(name: String, meaning: String)] = [
        ("convert.batch", "a batch of rows has been read (before it is written to the sinks)"),
        ("output.staged", "every output is written in the staging folder; nothing is in place yet"),
        ("output.manifest", "the outputs are synced and the manifest written, just before the commit's rename"),
        ("output.renamed", "the commit's rename is done (the new outputs have won); no file is moved yet"),
        ("output.moved", "one more output file has been moved into place (#n: the n-th)"),
        ("store.client", "one more client has been written into the store's open transaction (#n: the n-th)"),
        ("store.commit", "the import is complete in its transaction, just before it commits"),
        ("store.committed", "the import has committed; the outputs of --out are not in place yet"),
    ]

    private static let wanted: (stage: String, count: Int, signal: Int32)? = {
        guard let setting = ProcessInfo.processInfo.environment["ZENAMU_STOP_AT"], !setting.isEmpty else { return nil }
        let signalled = setting.split(separator: ":", maxSplits: 1)
        let value = signalled[0]
        // PAUSE: no signal; the process stays at the stage (holding what it holds) until killed.
        let signal: Int32 = signalled.count == 2 ? (signalled[1] == "TERM" ? SIGTERM : signalled[1] == "INT" ? SIGINT
            : signalled[1] == "PAUSE" ? 0 : SIGKILL) : SIGKILL
        let parts = value.split(separator: "#", maxSplits: 1)
        let stage = String(parts[0])
        guard stages.contains(where: { $0.name == stage }) else {
            // A mistyped stage would make a kill test pass without killing anything: stop loudly.
            let line = "zenamu-migrate: ZENAMU_STOP_AT names no stage \"\(stage)\"; the stages are "
                + stages.map(\.name).joined(separator: ", ") + " (docs/TESTING.md).\n"
            FileHandle.standardError.write(Data(line.utf8))
            exit(64)
        }
        let count = parts.count == 2 ? Int(parts[1]) ?? 1 : 1
        return (stage, max(1, count), signal)
    }()

    nonisolated(unsafe) private static var reached = 0
    private static let lock = NSLock()

    /// The run has reached `stage`: stops the process here when `ZENAMU_STOP_AT` names it.
    @inline(__always)
    package static func reach(_ stage: StaticString) {
        guard let wanted else { return }
        let name = stage.description
        guard name == wanted.stage else { return }
        lock.lock()
        reached += 1
        let now = reached == wanted.count
        lock.unlock()
        guard now else { return }
        if wanted.signal == 0 {
            // Says it is there through the FIFO a test waits on (ZENAMU_STOP_NOTIFY), then waits.
            if let fifo = ProcessInfo.processInfo.environment["ZENAMU_STOP_NOTIFY"] {
                let descriptor = open(fifo, O_WRONLY)
                if descriptor >= 0 {
                    _ = write(descriptor, "\n", 1)
                    close(descriptor)
                }
            }
        } else {
            kill(getpid(), wanted.signal)
        }
        // A handled signal ends the process from its handler's thread: this one waits for it.
        while true { pause() }
    }
}

import Dispatch
import Foundation

/// On SIGINT or SIGTERM, the staging folders of the run's output folders are removed before the
/// process ends (130 or 143, as a shell reports them), so an interrupted run leaves no partial
/// `clients.csv` holding personal data behind. (A SIGKILL cannot be caught: the next run into the
/// folder removes what it left, `OutputFolder.removeStaleStaging`.)
public enum InterruptCleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [String] = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Removes `staging` (a folder) if the process is interrupted; installs the handlers once.
    public static func remove(onInterrupt staging: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.append(staging)
        guard sources.isEmpty else { return }
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            // Ignored as a signal, seen by the dispatch source: the handler runs on a queue, not
            // inside the signal, so it may remove files.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                lock.lock()
                for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
                lock.unlock()
                _exit(status)
            }
            source.resume()
            sources.append(source)
        }
    }
}

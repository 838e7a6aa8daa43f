import Foundation
import ZenamuMigration

/// A progress line on standard error while a long run reads its files: rows read, rows a
/// second, and the share of the file done; then that the outputs are being written. Only on a
/// terminal (a script reading stderr gets nothing), only once the run has taken a second, and
/// wiped before the summary is printed.
final class TerminalProgress: @unchecked Sendable {
    private let started = Date()
    private var lastDrawn: Date?
    private let lock = NSLock()

    /// nil when standard error is not a terminal.
    static func onTerminal() -> TerminalProgress? {
        isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
    }

    func update(_ progress: ConversionProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        if progress.finishing {
            // Drawn whenever the run is long enough to show progress at all: the last seconds of
            // a large run are spent here, with no rows left to count.
            guard elapsed >= 1 else { return }
            return draw("Read \(Self.grouped(progress.rows)) rows in \(Int(elapsed.rounded())) s; writing the outputs…", at: now)
        }
        guard let file = progress.file else { return clear() }
        guard elapsed >= 1, lastDrawn.map({ now.timeIntervalSince($0) >= 0.2 }) ?? true else { return }
        var line = "Reading \(file): \(Self.grouped(progress.rows)) rows, \(Self.grouped(Int(Double(progress.rows) / elapsed))) rows/s"
        if let fraction = progress.fraction { line += ", \(Int(fraction * 100))% of the file" }
        draw(line, at: now)
    }

    /// Replaces the line on the terminal with `line`.
    private func draw(_ line: String, at now: Date) {
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// Wipes the line, if one was drawn.
    func clear() {
        guard lastDrawn != nil else { return }
        lastDrawn = nil
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// `options` with this line attached, when there is a terminal to draw it on.
    static func attach(to options: inout ConversionOptions) -> TerminalProgress? {
        guard let progress = onTerminal() else { return nil }
        options.progress = { progress.update($0) }
        return progress
    }
}

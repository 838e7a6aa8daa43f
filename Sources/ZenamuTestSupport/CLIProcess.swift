import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `zenamu-migrate` started as a separate process, for the tests that need what `CLI.run`
/// cannot give: its peak memory and time (read with `wait4`, for this process alone), a deadline
/// after which it is killed, or a kill at a chosen moment. Output goes to files, so a chatty
/// process never blocks on a full pipe.
public final class CLIProcess {
    public struct Ended {
        public let status: Int32
        /// Killed by a signal (ours or another).
        public let signal: Int32?
        public let stdout: String
        public let stderr: String
        public let seconds: Double
        /// Peak resident memory.
        public let peakMegabytes: Double
        /// Killed because it ran past the deadline.
        public let timedOut: Bool
    }

    public let pid: pid_t
    private let started = Date()
    private let output: TemporaryFolder

    /// Starts `zenamu-migrate arguments…`; `fileSizeLimit` (bytes) sets RLIMIT_FSIZE for it, as
    /// `ulimit -f` does, to stand for a full disk. `environment` adds to the test's own, in which
    /// the user's configuration folder is an empty one (`CLI.environment`): what a developer keeps
    /// in `~/.config/zenamu-migrate` never reaches a test. `ZENAMU_STOP_AT` there stops the run at a
    /// stage (docs/TESTING.md).
    /// `program`: another program to run the same way (a real mail parser reading what the tool wrote).
    public init(_ arguments: [String], program: String? = nil, fileSizeLimit: Int? = nil,
                environment: [String: String] = [:]) throws {
        output = try TemporaryFolder()
        var command = [program ?? CLI.executable.path] + arguments
        if let fileSizeLimit {
            // The limit must apply to the child alone: set through the shell that execs it.
            command = ["/bin/sh", "-c", "ulimit -f \(max(1, fileSizeLimit / 1024)) && exec \"$0\" \"$@\""] + command
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.url.appendingPathComponent("out").path, O_WRONLY | O_CREAT, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, output.url.appendingPathComponent("err").path, O_WRONLY | O_CREAT, 0o644)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let variables = CLI.environment(environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { variables.forEach { free($0) } }
        let status = posix_spawn(&pid, command[0], &actions, nil, argv, variables)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        self.pid = pid
    }

    /// Sends SIGKILL.
    public func kill() { _ = Glibc.kill(pid, SIGKILL) }

    /// Waits until the process ends, killing it once `deadline` seconds have passed. The deadline
    /// is a watchdog that turns a hang into a failure, never a measure of speed: keep it generous.
    public func wait(deadline: Double = 600) -> Ended {
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if Date().timeIntervalSince(started) > deadline, !timedOut {
                timedOut = true
                kill()
            }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let read = { (name: String) in
            // As written, byte-order mark included (String(contentsOf:) would drop it).
            String(decoding: (try? Data(contentsOf: self.output.url.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        let signalled = status & 0x7F != 0 ? status & 0x7F : nil
        return Ended(status: signalled == nil ? (status >> 8) & 0xFF : -1, signal: signalled, stdout: read("out"),
                     stderr: read("err"), seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024,
                     timedOut: timedOut)
    }
}

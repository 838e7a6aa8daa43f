import Foundation

/// Runs the built `zenamu-migrate` as a user would, capturing what it prints and its exit status.
public enum CLI {
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The executable next to the test bundle (the build's products folder).
    public static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent(),
        ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let binary = folder.appendingPathComponent("zenamu-migrate")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return Fixtures.root.deletingLastPathComponent().appendingPathComponent(".build/debug/zenamu-migrate")
    }

    /// Runs `zenamu-migrate arguments…` to its end (output through files, so a chatty run never
    /// blocks on a full pipe), in the tests' environment.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let ended = try CLIProcess(arguments, environment: environment).wait()
        return Result(status: ended.status, stdout: ended.stdout, stderr: ended.stderr)
    }

    /// The environment a test runs the tool in: the test's own, with an empty configuration folder
    /// (`XDG_CONFIG_HOME`) so the developer's declarative adapters stay out, and `extra` on top.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = emptyConfiguration.path
        environment["ZENAMU_STOP_AT"] = nil
        return environment.merging(extra) { $1 }
    }

    /// An empty folder, made once per test process.
    private static let emptyConfiguration: URL = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zenamu-tests-config-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()
}

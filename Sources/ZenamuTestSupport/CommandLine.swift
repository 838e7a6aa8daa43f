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

    public static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuSinks

/// One adapter sample converted by the real pipeline: the adapter that read it, the lines of
/// `clients.csv` it gave and whether its rows add up. `adapters check` and the adapter kit both
/// judge samples through it, so a sample passes in one exactly when it passes in the other.
public struct AdapterSampleRun {
    public let system: String
    public let clientLines: [String]
    public let report: RunReport
    public let expected: [String]

    public init(_ sample: AdapterSample, adapters: [any SourceAdapter] = AdapterRegistry.all) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zenamu-sample-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("sample.csv")
        try Data(sample.csv.utf8).write(to: input)
        let clients = folder.appendingPathComponent("clients.csv")
        let sink = try CanonicalCSVSink(url: clients)
        report = try Conversion(options: ConversionOptions(), adapters: adapters).run(paths: [input.path], sinks: [sink])
        system = report.files.first?.system ?? report.system
        clientLines = Array(try String(contentsOf: clients, encoding: .utf8)
            .replacingOccurrences(of: "\u{FEFF}", with: "")
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty })
        expected = sample.expected
    }

    /// What is wrong, in a sentence, or nil when the sample was read by `id` into its expected rows.
    public func problem(expecting id: String) -> String? {
        if system != id { return "read as \(system), not \(id)" }
        if clientLines != expected {
            return "gave " + (clientLines.isEmpty ? "no client" : clientLines.map { "\"\($0)\"" }.joined(separator: ", "))
                + "; expected " + expected.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        if !report.rows.addsUp { return "its rows do not add up in the report" }
        return nil
    }
}

import Foundation
import ZenamuCore
import ZenamuAdapters
import ZenamuMigration
import ZenamuSinks
import ZenamuErrorWorkbook

/// The fixture folders: `fixtures/<case>/input.*`, an optional `args` file with the options the
/// case runs with (`--region US`), and `expected/clients.csv` and `expected/report.json`.
public enum Fixtures {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Every case that converts (everything but `bad-input`), by folder name.
    public static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            name != "bad-input" && (try? input(of: name)) != nil
        }.sorted()
    }

    /// The cases of one text file (the ones the twin tests rebuild as workbooks).
    public static var csvCases: [String] {
        cases.filter { name in
            !["xlsx", "xls"].contains((try? input(of: name))?.pathExtension ?? "") && ((try? inputs(of: name))?.count ?? 0) == 1
        }
    }

    /// Every input of the case, in the order they are converted: `input.csv`, then `input-2.csv`…
    /// (a system whose export is two files, such as a client list and its pass report).
    public static func inputs(of name: String) throws -> [URL] {
        let folder = url(name)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("input.") || $0.hasPrefix("input-") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The case's input file.
    public static func input(of name: String) throws -> URL {
        let folder = url(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard let input = files.first(where: { $0.hasPrefix("input.") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        return folder.appendingPathComponent(input)
    }

    /// The options in the case's `args` file (`--region`, `--system`, `--sheet`, `--locale`, each
    /// followed by its value). Any other word is an error: a fixture must not pass for want of the
    /// option it was written to test.
    public static func options(of name: String) throws -> ConversionOptions {
        var options = ConversionOptions()
        let argsFile = url(name).appendingPathComponent("args")
        guard FileManager.default.fileExists(atPath: argsFile.path) else { return options }
        let words = try String(contentsOf: argsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count.isMultiple(of: 2) else { throw FixtureArgsError(fixture: name, word: words.last ?? "") }
        for index in stride(from: 0, to: words.count, by: 2) {
            let (flag, value) = (words[index], words[index + 1])
            switch flag {
            case "--region": options.region = value
            case "--system": options.system = value
            case "--sheet": options.sheet = value
            case "--locale":
                guard let language = MessageLanguage(rawValue: value) else { throw FixtureArgsError(fixture: name, word: value) }
                options.locale = language
            default: throw FixtureArgsError(fixture: name, word: flag)
            }
        }
        return options
    }
}

/// A word in a fixture's `args` file that `Fixtures.options(of:)` does not know.
public struct FixtureArgsError: Error, CustomStringConvertible {
    public let fixture: String
    public let word: String
    public var description: String { "fixtures/\(fixture)/args: \"\(word)\" is not --region, --system, --sheet or --locale with a value" }
}

/// What one conversion produced, read back from the files the sinks wrote.
public struct ConvertedFixture {
    public let report: RunReport
    public let clientsCSV: String
    public let reportJSON: String
    public let outcomes: [RowOutcome]
    /// The folder the outputs were written to; removed when this value goes.
    public let folder: TemporaryFolder
    /// `errors.xlsx`, when the run wrote one.
    public let errorsWorkbook: URL?

    /// Converts `paths` into a fresh temporary folder with the real sinks.
    public init(paths: [URL], options: ConversionOptions = ConversionOptions(),
                adapters: [any SourceAdapter] = AdapterRegistry.all) throws {
        folder = try TemporaryFolder()
        let clients = folder.url.appendingPathComponent("clients.csv")
        let reportURL = folder.url.appendingPathComponent("report.json")
        let collector = OutcomeCollector()
        let workbook = ErrorWorkbookSink(url: folder.url.appendingPathComponent("errors.xlsx"))
        try Conversion(options: options, adapters: adapters).run(
            paths: paths.map(\.path),
            sinks: [try CanonicalCSVSink(url: clients), try ReportSink(url: reportURL), workbook, collector])
        errorsWorkbook = workbook.written ? workbook.url : nil
        clientsCSV = try String(contentsOf: clients, encoding: .utf8)
        reportJSON = try String(contentsOf: reportURL, encoding: .utf8)
        report = try JSONDecoder().decode(RunReport.self, from: Data(reportJSON.utf8))
        outcomes = collector.outcomes
    }

    public init(fixture name: String) throws {
        try self.init(paths: try Fixtures.inputs(of: name), options: try Fixtures.options(of: name))
    }

    /// The accepted rows of `clients.csv`, without the byte-order mark and header.
    public var clientLines: [String] {
        Array(clientsCSV.replacingOccurrences(of: "\u{FEFF}", with: "")
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty })
    }

    /// Issue codes by row: `[3: ["invalid_email"]]`.
    public var codesByRow: [Int: [String]] {
        report.issues.reduce(into: [:]) { $0[$1.row, default: []].append($1.code) }
    }
}

/// A folder under the system's temporary directory, removed when the value goes away.
public final class TemporaryFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zenamu-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to a file in the folder and returns its URL.
    public func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    public func file(_ name: String, text: String) throws -> URL {
        try file(name, Array(text.utf8))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

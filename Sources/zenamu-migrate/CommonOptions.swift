import ArgumentParser
import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration
import ZenamuReaders
import ZenamuSinks

/// Options `convert` and `inspect` share.
struct InputOptions: ParsableArguments {
    @Argument(help: "The client list(s): CSV in any encoding and delimiter, XLSX or XLS.")
    var files: [String]

    @Option(help: "The worksheet to read in a workbook (default: the one whose header is recognised).")
    var sheet: String?

    @Option(help: "The old system's adapter, or auto to detect it (see `zenamu-migrate adapters`).")
    var system = "auto"

    @Option(name: .customLong("adapters"), help: ArgumentHelp(
        "A folder of declarative adapters (.json) to use beside the bundled ones.",
        discussion: "The user folder ~/.config/zenamu-migrate/adapters is read too when it exists.",
        valueName: "dir"))
    var adapterFolder: String?

    @Option(help: ArgumentHelp(
        "Country assumed for phones without a country code (ISO code such as CZ, HU, FR).",
        discussion: "Without it, the country is guessed from the header's language."))
    var region: String?

    @Option(help: ArgumentHelp("Most MiB a workbook part may unpack to (zip-bomb guard; default 1024 per part, 2048 in all).",
                               valueName: "MiB"))
    var maxUnzippedMb: UInt64?

    @Option(help: ArgumentHelp("Most a workbook part may unpack relative to its packed size (zip-bomb guard; default 200).",
                               valueName: "ratio"))
    var maxZipRatio: UInt64?

    @Option(help: ArgumentHelp("Most parts a workbook's zip may hold (default 10000).", valueName: "count"))
    var maxZipEntries: Int?

    @Option(help: ArgumentHelp(
        "Read a column as a field: \"HEADER=field\" (or a column letter, or FILE:HEADER=field for one file).",
        discussion: "Fields: " + CanonicalField.allCases.map(\.rawValue).joined(separator: ", ") + ". Repeatable.",
        valueName: "header=field"))
    var map: [String] = []

    @Option(help: ArgumentHelp("Leave a column unused on purpose (its header, a column letter, or FILE:HEADER). Repeatable.",
                               valueName: "header"))
    var ignore: [String] = []

    /// `--map` and `--ignore`, in the order given (maps first).
    func columnChoices() throws -> [ColumnChoice] {
        let names = files.map { ($0 as NSString).lastPathComponent }
        do {
            return try map.map { try ColumnChoice.map($0, files: names) } + ignore.map { try ColumnChoice.ignore($0, files: names) }
        } catch let error as UsageError {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file.") }
        _ = try columnChoices()
        if let region, region.count != 2 || !region.allSatisfy(\.isLetter) {
            throw ValidationError("--region takes a two-letter country code such as CZ, HU, FR or IT.")
        }
    }

    /// The bundled adapters, after the user's own (from `--adapters` and the user folder): a
    /// declaration with a bundled adapter's id replaces it.
    func adapters() throws -> [any SourceAdapter] { try Self.adapters(folder: adapterFolder) }

    static func adapters(folder adapterFolder: String?) throws -> [any SourceAdapter] {
        var own: [any SourceAdapter] = []
        do {
            let userFolder = AdapterRegistry.userFolder
            if FileManager.default.fileExists(atPath: userFolder.path) {
                own += try AdapterRegistry.declarations(in: userFolder)
            }
            if let adapterFolder {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: adapterFolder, isDirectory: &isFolder), isFolder.boolValue else {
                    throw ValidationError("--adapters \(adapterFolder): no such folder; give the folder holding the adapters' .json files.")
                }
                own += try AdapterRegistry.declarations(in: URL(fileURLWithPath: adapterFolder))
            }
        } catch let error as DeclarationError {
            throw ValidationError("adapter \(error.description)")
        }
        let ids = Set(own.map(\.id))
        return own + AdapterRegistry.all.filter { !ids.contains($0.id) }
    }

    var conversionOptions: ConversionOptions {
        var limits = ReaderLimits()
        if let maxUnzippedMb {
            limits.maxEntryBytes = maxUnzippedMb << 20
            limits.maxTotalBytes = max(limits.maxTotalBytes, maxUnzippedMb << 20)
        }
        if let maxZipRatio { limits.maxCompressionRatio = maxZipRatio }
        if let maxZipEntries { limits.maxZipEntries = maxZipEntries }
        var options = ConversionOptions(system: system, region: region, sheet: sheet, limits: limits)
        options.columnChoices = (try? columnChoices()) ?? []
        // One thread only (bench/run measures what the second one gains; a shared machine may
        // want it): ZENAMU_THREADS=1.
        options.parallel = ProcessInfo.processInfo.environment["ZENAMU_THREADS"] != "1"
        return options
    }
}

/// Exit statuses of the command-line contract.
enum Exit {
    static let rejectedRows = ExitCode(1)
    static let unreadableInput = ExitCode(2)
    static let cannotWriteOutput = ExitCode(73)
    /// EX_TEMPFAIL: the store is busy; the same command later may succeed (`register`).
    static let tryAgainLater = ExitCode(75)
}

/// Runs `body`, turning every failure the contract names into one clear sentence and its status:
/// a file that cannot be read (2), something that cannot be written (73), a usage mistake (64).
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        printError(error.description)
        throw Exit.unreadableInput
    } catch let error as OutputError {
        printError(error.description)
        throw Exit.cannotWriteOutput
    } catch let error as UsageError {
        throw ValidationError(error.description)
    }
}

/// One line on standard error, whatever file names or values the message quotes.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("zenamu-migrate: \(OneLine.text(message, limit: 4_000))\n".utf8))
}

extension MessageLanguage: ExpressibleByArgument {}

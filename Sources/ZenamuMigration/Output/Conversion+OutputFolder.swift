import ZenamuCore
import ZenamuSinks
import ZenamuStore
import ZenamuErrorWorkbook

/// What a conversion into an output folder left there.
public struct ConversionResult: Sendable {
    public let report: RunReport
    /// Whether `errors.xlsx` was written (something to fix or a note).
    public let wroteErrorWorkbook: Bool
    /// Notes on imported rows (the workbook's Warnings sheet).
    public let warnings: Int
    public let rowsToFix: Int
}

/// The sinks that write an output folder: `clients.csv`, `report.json`, `errors.xlsx`, staged.
struct FolderSinks {
    let folder: OutputFolder
    let workbook: ErrorWorkbookSink
    let all: [any ClientSink]

    init(_ folder: OutputFolder, quiet: Bool) throws {
        self.folder = folder
        workbook = ErrorWorkbookSink(url: folder.staged("errors.xlsx"), temporaryFolder: folder.stagingPath, quiet: quiet)
        all = [try CanonicalCSVSink(url: folder.staged("clients.csv")), try ReportSink(url: folder.staged("report.json")),
               workbook]
    }

    /// Puts the outputs in place.
    func commit(_ report: RunReport) throws -> ConversionResult {
        try folder.commit(produced: workbook.written ? Set(OutputFolder.outputs) : ["clients.csv", "report.json"])
        return ConversionResult(report: report, wroteErrorWorkbook: workbook.written, warnings: workbook.warnings,
                                rowsToFix: workbook.rowsToFix)
    }

    /// Runs `body`; on any failure the staging is dropped, the folder keeps its previous outputs, and
    /// a failure to write names the output as the user knows it.
    static func guarding<T>(_ folder: OutputFolder?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OutputError {
            folder?.abandon()
            throw OutputError(path: folder?.shown(error.path) ?? error.path, reason: error.reason)
        } catch {
            folder?.abandon()
            throw error
        }
    }
}

extension Conversion {
    /// `convert`: every sink into `folder`'s staging, committed together when the run succeeds.
    /// `quiet`: see `ErrorWorkbookSink` (only for the command line).
    public func run(paths: [String], into folder: OutputFolder, quiet: Bool = false) throws -> ConversionResult {
        try FolderSinks.guarding(folder) {
            let sinks = try FolderSinks(folder, quiet: quiet)
            return try sinks.commit(try run(paths: paths, sinks: sinks.all))
        }
    }

    /// `import`: the same pipeline into `store`, in one transaction, and into `folder` when given.
    /// The store commits first: it is what the run is for; the folder's outputs describe it.
    public func run(paths: [String], into store: any StoreBackend, policy: InvitePolicy, dryRun: Bool, studio: String?,
                    toolVersion: String, outputs folder: OutputFolder?, quiet: Bool = false)
        throws -> (summary: ImportSummary, outputs: ConversionResult?, report: RunReport)
    {
        try FolderSinks.guarding(folder) {
            let sinks = try folder.map { try FolderSinks($0, quiet: quiet) }
            // The import's identity: the files with every decision that reads them, typed now or
            // remembered, so the same file under the same decisions is the same import.
            let request = ImportRequest(files: paths, toolVersion: toolVersion, studio: studio, policy: policy, dryRun: dryRun,
                                        decisions: Set((options.rememberedChoices + options.columnChoices).map(\.description)).sorted())
            let (report, summary) = try store.importing(request) { storeSink in
                try run(paths: paths, sinks: (sinks?.all ?? []) + [storeSink].compactMap { $0 })
            }
            return (summary, try sinks?.commit(report), report)
        }
    }
}

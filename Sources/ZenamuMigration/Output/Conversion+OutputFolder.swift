import ZenamuCore
import ZenamuSinks

/// What a conversion into an output folder left there.
public struct ConversionResult: Sendable {
    public let report: RunReport
    /// Whether `errors.xlsx` was written (something to fix or a note).
    public let wroteErrorWorkbook: Bool
    /// Notes on imported rows (the workbook's Warnings sheet).
    public let warnings: Int
    public let rowsToFix: Int
}

extension Conversion {
    /// `convert`: every sink into `folder`'s staging, committed together when the run succeeds;
    /// on any failure the staging is dropped and the folder keeps its previous outputs.
    /// `quiet`: see `ErrorWorkbookSink` (only for the command line).
    public func run(paths: [String], into folder: OutputFolder, quiet: Bool = false) throws -> ConversionResult {
        let workbook = ErrorWorkbookSink(url: folder.staged("errors.xlsx"), temporaryFolder: folder.stagingPath, quiet: quiet)
        do {
            let sinks: [any ClientSink] = [
                try CanonicalCSVSink(url: folder.staged("clients.csv")), try ReportSink(url: folder.staged("report.json")),
                workbook,
            ]
            let report = try run(paths: paths, sinks: sinks)
            let produced: Set<String> = workbook.written ? Set(OutputFolder.outputs) : ["clients.csv", "report.json"]
            try folder.commit(produced: produced)
            return ConversionResult(report: report, wroteErrorWorkbook: workbook.written, warnings: workbook.warnings,
                                    rowsToFix: workbook.rowsToFix)
        } catch let error as OutputError {
            workbook.abandon()
            folder.abandon()
            throw OutputError(path: folder.shown(error.path), reason: error.reason)
        } catch {
            workbook.abandon()
            folder.abandon()
            throw error
        }
    }
}

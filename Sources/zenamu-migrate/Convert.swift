import ArgumentParser
import Foundation
import ZenamuCore
import ZenamuMigration
import ZenamuSinks

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert client lists into Zenamu's import format.",
        discussion: "Writes DIR/clients.csv and DIR/report.json.")

    @OptionGroup var input: InputOptions

    @Option(help: "The folder to write clients.csv and report.json into (created when missing).")
    var out: String

    func run() throws {
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let clients = folder.appendingPathComponent("clients.csv")
        let reportFile = folder.appendingPathComponent("report.json")
        let conversion = try reportingErrors { try Conversion(options: input.conversionOptions) }

        let sinks: [any ClientSink]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            sinks = [try CanonicalCSVSink(url: clients), ReportSink(url: reportFile)]
        } catch {
            printError("cannot write into \(out): \(error.localizedDescription)")
            throw Exit.cannotWriteOutput
        }
        let report: RunReport
        do {
            report = try reportingErrors { try conversion.run(paths: input.files, sinks: sinks) }
        } catch {
            // A file that could not be read leaves no half-written clients.csv to be mistaken for a result.
            for file in [clients, reportFile] { try? FileManager.default.removeItem(at: file) }
            throw error
        }

        // Paths as the user gave them, not made absolute.
        let shown = { (name: String) in (out as NSString).appendingPathComponent(name) }
        print(Summary.text(report, clients: shown("clients.csv"), report: shown("report.json")))
        if report.rows.rejected > 0 { throw Exit.rejectedRows }
    }
}

enum Summary {
    static func text(_ report: RunReport, clients: String, report reportPath: String) -> String {
        var lines: [String] = []
        for file in report.files {
            let r = file.rows
            lines.append("\(file.file): \(count(r.read, "row")) read: \(r.accepted) accepted, \(r.rejected) rejected, "
                + "\(r.merged) merged, \(r.skipped) skipped (system: \(file.system), header on row \(file.headerRow)).")
            if let region = file.region, let source = file.regionSource, source != "--region" {
                lines.append("  Phones without a country code were read as \(region): \(source).")
            }
        }
        let warnings = report.issues.filter { $0.severity == .warning }.count
        lines.append("Wrote \(clients) (\(count(report.rows.accepted, "client"))) and \(reportPath).")
        if report.rows.rejected > 0 {
            lines.append("\(count(report.rows.rejected, "row")) to fix; report.json lists each one with the reason.")
        }
        if warnings > 0 { lines.append("\(count(warnings, "warning")) on accepted rows (see report.json).") }
        return lines.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

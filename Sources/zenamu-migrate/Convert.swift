import ArgumentParser
import ZenamuAdapters
import Foundation
import ZenamuCore
import ZenamuErrorWorkbook
import ZenamuMigration
import ZenamuSinks

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert client lists into Zenamu's import format.",
        discussion: """
            Writes DIR/clients.csv and DIR/report.json, and DIR/errors.xlsx when a row needs fixing or carries \
            a warning. The customer corrects errors.xlsx and sends it back; convert reads it as it is.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp(
        "The language of errors.xlsx and of report.json's messages.",
        discussion: "Without it, the first file's header language when it is one of these, otherwise English."))
    var locale: MessageLanguage?

    @Option(help: "The folder to write clients.csv and report.json into (created when missing).")
    var out: String

    func validate() throws {
        if out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out needs a folder to write clients.csv and report.json into, such as --out lotus/march.")
        }
    }

    func run() throws {
        var options = input.conversionOptions
        options.locale = locale
        let progress = TerminalProgress.attach(to: &options)
        defer { progress?.clear() }
        let conversion = try reportingErrors { try Conversion(options: options, adapters: input.adapters()) }

        // Refusals (an input that is also an output, a folder where an output goes, another run
        // in the folder) come before anything is read or written.
        let folder = try reportingErrors { try OutputFolder(path: out, inputs: input.files) }
        let result = try reportingErrors { try conversion.run(paths: input.files, into: folder, quiet: true) }
        let report = result.report

        // Paths as the user gave them, not made absolute.
        let shown = { (name: String) in (out as NSString).appendingPathComponent(name) }
        print(Summary.text(report, warnings: result.warnings, clients: shown("clients.csv"),
                           report: shown("report.json"), errors: result.wroteErrorWorkbook ? shown("errors.xlsx") : nil))
        if report.rows.rejected > 0 || report.hasFileErrors { throw Exit.rejectedRows }
    }
}

enum Summary {
    /// `warnings`: the notes on imported rows (the workbook's Warnings sheet).
    static func text(_ report: RunReport, warnings: Int, clients: String, report reportPath: String, errors: String?) -> String {
        // What must be decided before anything else: a column nothing reads that holds balances or consent.
        var lines = report.problems.map { "\($0.file): \($0.message)" }
        for file in report.files {
            lines.append(fileLine(file))
            if let region = file.region, let source = file.regionSource, source != "--region" {
                lines.append("  Phones without a country code were read as \(region): \(source).")
            }
            if let left = file.phonesWithoutCountry {
                var line = "  \(count(left.count, "phone")) left out: written without a country code, and no country is known"
                if let region = left.likelyRegion, let example = left.example, let e164 = left.exampleE164 {
                    line += "; they read as \(region) numbers (\(example) → \(e164)): run again with --region \(region)"
                } else {
                    line += "; run again with --region and the studio's country (CZ, GB, FR…)"
                }
                lines.append(line + ".")
            }
        }
        if let line = balanceLine(report.balances) { lines.append(line) }
        for file in report.files {
            guard let returned = file.returned else { continue }
            lines.append("  " + ReplyAccount.sentence(returned, fixed: (file.corrections ?? []).filter(\.fixed).map(\.original.text)))
        }
        lines.append("Wrote \(clients) (\(count(report.rows.accepted, "client"))) and \(reportPath).")
        if let errors {
            let language = MessageLanguage(rawValue: report.locale)?.name ?? report.locale
            let because = report.localeSource == "--locale" ? "" : " (\(report.localeSource); --locale changes it)"
            let columns = report.problems.isEmpty ? "" : "\(count(report.problems.count, "column")) to decide, "
            lines.append("Wrote \(errors) in \(language)\(because): \(columns)"
                + "\(count(report.rows.rejected, "row")) to fix, \(count(warnings, "warning")) on imported rows.")
        }
        if report.rows.rejected > 0, let errors {
            // The phone country and language travel inside the workbook: no flag is needed.
            let corrected = ((errors as NSString).deletingLastPathComponent as NSString).appendingPathComponent("corrected")
            lines.append("Once the studio has corrected \(errors) and sent it back, convert it as it is to import the "
                + "fixed rows (it remembers this run's phone country and language):")
            lines.append("  " + [command, "convert", errors, "--out", corrected].map(shellQuoted).joined(separator: " "))
        }
        return lines.map { OneLine.text($0, limit: 1_000) }.joined(separator: "\n")
    }

    /// Where the run's entries and credits went: "17 entries read: 12 imported, 5 in rows to fix, 0
    /// expired"; nil when the files held none.
    static func balanceLine(_ balances: Balances) -> String? {
        func part(_ noun: String, _ counts: BalanceCounts<some Sendable & Codable & Equatable & AdditiveArithmetic>) -> String? {
            guard counts.read != .zero || counts.unreadable > 0 else { return nil }
            var text = "\(grouped(counts.read)) \(noun) read: \(grouped(counts.imported)) imported, "
                + "\(grouped(counts.inRejectedRows)) in rows to fix, \(grouped(counts.expired)) expired"
            if counts.merged != .zero { text += ", \(grouped(counts.merged)) merged with another row" }
            if counts.unreadable > 0 { text += " (\(count(counts.unreadable, "cell")) not a number)" }
            return text
        }
        let parts = [part("entries", balances.entries), part("credits", balances.credits)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ") + "."
    }

    /// A number with thousands grouped as English writes them: 1,234.5.
    static func grouped(_ value: some Equatable) -> String {
        let text = "\(value)"
        let parts = text.split(separator: ".", maxSplits: 1)
        guard var whole = parts.first.map(String.init) else { return text }
        let sign = whole.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { whole.removeFirst() }
        var groups: [Substring] = []
        var rest = Substring(whole)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// What was read from one file, and as what (the adapter's name, not its id).
    static func fileLine(_ file: FileReport) -> String {
        let r = file.rows
        let adapter = file.systemName ?? file.system
        return "\(file.file): \(count(r.read, "row")) read: \(r.accepted) accepted, \(r.rejected) rejected, \(r.merged) merged, "
            + "\(r.skipped) skipped. Read as: \(adapter); header on row \(file.headerRow)."
    }

    /// A word a POSIX shell reads back as it is: single-quoted unless it is plainly safe.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_./+-@:,=%".unicodeScalars.contains($0))
        }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The program as the user ran it, for commands to copy.
    static var command: String { CommandLine.arguments.first ?? "zenamu-migrate" }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

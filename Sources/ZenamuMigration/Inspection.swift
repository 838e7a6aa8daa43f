import ZenamuAdapters
import ZenamuCore
import ZenamuSinks

/// What `inspect` shows: what was detected about a file and why, and its first rows as they will be
/// imported. Built by running the real pipeline on the first rows, so it cannot disagree with
/// `convert`.
public struct Inspection {
    public let report: RunReport
    public let outcomes: [RowOutcome]

    public static let previewRows = 5

    public init(path: String, options: ConversionOptions, adapters: [any SourceAdapter] = AdapterRegistry.all) throws {
        var options = options
        options.rowLimit = Self.previewRows
        options.balancesNeedClientList = false
        let collector = OutcomeCollector()
        report = try Conversion(options: options, adapters: adapters).run(paths: [path], sinks: [collector])
        outcomes = collector.outcomes
    }

    public func render() -> String {
        guard let file = report.files.first else { return "" }
        var lines: [String] = []
        let delimiterName = ["\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"]
        lines.append("File       \(file.file)")
        var format = "Format     \(file.format)"
        if let encoding = file.encoding { format += ", \(encoding) (\(file.encodingReason ?? ""))" }
        if let delimiter = file.delimiter { format += ", \(delimiterName[delimiter] ?? delimiter)-separated" }
        lines.append(format)
        if let sheet = file.sheet {
            let others = file.sheets.filter { $0 != sheet }
            lines.append("Sheet      \(sheet)" + (others.isEmpty ? "" : " (the others: \(others.joined(separator: ", ")))"))
        }
        let adapter = file.systemName ?? file.system
        lines.append("System     \(adapter) (\(file.system), confidence \(file.systemConfidence)): "
            + file.systemReason.joined(separator: "; "))
        if let runnerUp = file.systemRunnerUp {
            lines.append("           runner-up: \(runnerUp.id), confidence \(runnerUp.confidence)")
        }
        if file.part == "balances" {
            lines.append("Part       balances: joined to the client list of the same run on the client id")
        }
        lines.append("Header     row \(file.headerRow)")
        lines.append("Language   " + (file.language.map { "\(GenericClientList.languageNames[$0] ?? $0) (\($0))" }
            ?? "not told by the header"))
        lines.append("Region     " + (file.region.map { "\($0) (\(file.regionSource ?? ""))" }
            ?? "none: phones need a country code (+420…), or run with --region"))
        lines.append("")
        lines.append("Columns")
        let width = min(28, file.mapping.map(\.column.count).max() ?? 0)
        let toDecide = Set(file.problems.filter { $0.severity == .error }.compactMap(\.columnLetter))
        for column in file.mapping {
            let target = column.field.map { "→ \($0)" } ?? (toDecide.contains(column.letter) ? "  (TO DECIDE)" : "  (ignored)")
            var reason = column.reason
            if column.source != "header" { reason += " [\(column.source)]" }
            if let looks = column.looksLike, looks != "empty" { reason += "; its values: \(looks.replacingOccurrences(of: "_", with: " "))" }
            lines.append("  \(column.letter.padding(3)) \(column.column.padding(width))  \(target.padding(22)) \(reason)")
        }
        for problem in file.problems {
            lines.append("")
            lines.append((problem.severity == .error ? "To decide  " : "Note       ") + problem.message)
        }
        lines.append("")
        lines.append("First rows as they will be imported")
        lines.append("  " + CanonicalCSV.line(CanonicalCSV.header))
        for outcome in outcomes {
            switch outcome {
            case let .accepted(record, warnings):
                lines.append("  row \(record.provenance.row): " + CanonicalCSV.line(CanonicalCSV.cells(record)))
                for issue in warnings { lines.append("      warning \(issue.code): \(issue.message)") }
            case let .merged(record, issues):
                lines.append("  row \(record.provenance.row): merged")
                for issue in issues { lines.append("      \(issue.severity.rawValue) \(issue.code): \(issue.message)") }
            case let .rejected(provenance, issues):
                lines.append("  row \(provenance.row): rejected")
                for issue in issues where issue.severity == .error {
                    lines.append("      error \(issue.code): \(issue.message)")
                }
            case let .skipped(provenance, reason):
                lines.append("  row \(provenance.row): skipped, \(reason.explanation)")
            }
        }
        // The file's own text (names, cells, headers) never breaks a line nor reaches the terminal raw.
        return lines.map { OneLine.text($0, limit: 400) }.joined(separator: "\n") + "\n"
    }
}

/// Keeps every outcome, for `inspect` and the tests.
public final class OutcomeCollector: ClientSink {
    public private(set) var outcomes: [RowOutcome] = []
    public init() {}
    public func consume(_ outcome: RowOutcome) throws { outcomes.append(outcome) }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

import ZenamuCore

/// Counts outcomes per file and collects issues and skipped rows into the `RunReport`.
struct ReportBuilder {
    private var files: [FileReport] = []
    private var issues: [ReportIssue] = []
    private var skipped: [SkippedRow] = []

    mutating func begin(_ file: FileReport) {
        files.append(file)
    }

    mutating func count(_ outcome: RowOutcome) {
        guard !files.isEmpty else { return }
        var rows = files[files.count - 1].rows
        rows.read += 1
        switch outcome {
        case let .accepted(_, warnings):
            rows.accepted += 1
            issues += warnings.map(ReportIssue.init)
        case let .rejected(_, found):
            rows.rejected += 1
            issues += found.map(ReportIssue.init)
        case let .merged(_, found):
            rows.merged += 1
            issues += found.map(ReportIssue.init)
        case let .skipped(provenance, reason):
            rows.skipped += 1
            skipped.append(SkippedRow(file: provenance.file, row: provenance.row, reason: reason))
        }
        files[files.count - 1].rows = rows
    }

    func report() -> RunReport {
        let total = files.map(\.rows).reduce(RowCounts(), +)
        func common(_ values: [String?]) -> String? {
            Set(values.map { $0 ?? "" }).count == 1 ? values.first ?? nil : "mixed"
        }
        return RunReport(
            format: common(files.map(\.format)) ?? "", encoding: common(files.map(\.encoding)),
            delimiter: common(files.map(\.delimiter)), system: common(files.map(\.system)) ?? "",
            region: files.first?.region, regionSource: files.first?.regionSource, rows: total, issues: issues, skipped: skipped, files: files)
    }
}

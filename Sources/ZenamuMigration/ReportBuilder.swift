import ZenamuCore

/// Counts outcomes per file into the `RunReport`. Issues and skipped rows are not collected here:
/// they stream to the sinks (report.json spools them to disk), so memory grows with the clients.
struct ReportBuilder {
    private var files: [FileReport] = []
    /// The language issue messages are written in, decided with the first file.
    var messages: (catalogue: MessageCatalogue, source: String) = (.english, "default")

    var hasFiles: Bool { !files.isEmpty }

    mutating func begin(_ file: FileReport) {
        files.append(file)
    }

    mutating func count(_ outcome: RowOutcome) {
        guard !files.isEmpty else { return }
        let last = files.count - 1
        var rows = files[last].rows
        rows.read += 1
        switch outcome {
        case let .accepted(record, _):
            rows.accepted += 1
            noteCorrection(record.provenance, fixed: true, in: last)
        case let .rejected(provenance, _):
            rows.rejected += 1
            noteCorrection(provenance, fixed: false, in: last)
        case let .merged(record, _):
            rows.merged += 1
            noteCorrection(record.provenance, fixed: true, in: last)
        case .skipped:
            rows.skipped += 1
        }
        files[files.count - 1].rows = rows
    }

    /// A row of a returned error workbook: is the original row it stands for fixed now?
    private mutating func noteCorrection(_ provenance: Provenance, fixed: Bool, in file: Int) {
        guard let origin = provenance.origin else { return }
        files[file].corrections?.append(Correction(row: provenance.row, original: origin, fixed: fixed))
    }

    func report() -> RunReport {
        let total = files.map(\.rows).reduce(RowCounts(), +)
        func common(_ values: [String?]) -> String? {
            Set(values.map { $0 ?? "" }).count == 1 ? values.first ?? nil : "mixed"
        }
        return RunReport(
            format: common(files.map(\.format)) ?? "", encoding: common(files.map(\.encoding)),
            delimiter: common(files.map(\.delimiter)), system: common(files.map(\.system)) ?? "",
            region: files.first?.region, regionSource: files.first?.regionSource,
            locale: messages.catalogue.language.rawValue, localeSource: messages.source, rows: total, issues: [], skipped: [], files: files)
    }
}

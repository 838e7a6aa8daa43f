import Foundation
import ZenamuCore
import ZenamuMigration

extension IssueExample {
    /// Converts the example's files in one run, as `zenamu-migrate convert` with its `--region`
    /// and `--locale en` would: English, whatever the header's language, as `docs/ISSUES.md` shows.
    public func convert() throws -> ConvertedFixture {
        let inputs = try TemporaryFolder()
        let paths = try files.map { try inputs.file($0.name, text: $0.csv) }
        var options = ConversionOptions(region: region, locale: .english)
        options.rememberedChoices = try remembered.map { decision in
            let choice = try ColumnChoice.map(decision, files: [])
            return ColumnChoice.remembered(column: choice.column, field: choice.field, adapter: nil)
        }
        return try ConvertedFixture(paths: paths, options: options)
    }
}

extension IssueExample.File {
    /// `raises` as codes, the way `ConvertedFixture.codesByDataRow` gives them.
    public var codesByDataRow: [Int: [String]] { raises.mapValues { $0.map(\.code) } }
}

extension ConvertedFixture {
    /// Issue codes by file and by data row (1 is the row under the file's header), as an example
    /// states them; a file without issues is left out.
    public var codesByDataRow: [String: [Int: [String]]] {
        let headers = Dictionary(report.files.map { ($0.file, $0.headerRow) }, uniquingKeysWith: { first, _ in first })
        return report.issues.reduce(into: [:]) { codes, issue in
            codes[issue.file, default: [:]][issue.row - (headers[issue.file] ?? 0), default: []].append(issue.code)
        }
    }
}

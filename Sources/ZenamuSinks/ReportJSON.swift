import Foundation
import ZenamuCore

/// `report.json`: keys sorted, absent values written as `null` rather than left out, so scripts
/// can rely on every key of the contract being there.
public enum ReportJSON {
    public static func encode(_ report: RunReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }

    public static func write(_ report: RunReport, to url: URL) throws {
        try encode(report).write(to: url, options: .atomic)
    }
}

/// Writes `report.json` when the run finishes.
public final class ReportSink: ClientSink {
    private let url: URL

    public init(url: URL) { self.url = url }

    public func consume(_ outcome: RowOutcome) throws {}

    public func finish(_ report: RunReport) throws {
        try ReportJSON.write(report, to: url)
    }
}

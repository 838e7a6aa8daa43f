import Foundation
import ZenamuCore

/// WellnessLiving's purchase-options report: one row per pass, and one multi-line `Client` cell
/// per row holding `Name+phone`, the e-mail and a status letter (A active, L cancelled, P paused).
/// Its passes are assembled into clients; `Available` reads "5 visits". Lines of instructions the
/// report prints among the rows are skipped.
public struct WellnessLiving: SourceAdapter {
    public init() {}

    private let generic = GenericClientList()

    public let description = AdapterDescription(
        id: "wellnessliving",
        name: "WellnessLiving purchase-options report",
        systems: ["WellnessLiving"],
        languages: ["en"],
        fingerprint: "Client, Purchase Option and Available columns, with Client cells packing name+phone, e-mail "
            + "and a status letter on three lines; one row per pass",
        samples: [
            AdapterSample(
                name: "Two passes of one client and a note among the rows",
                csv: """
                    Client,Purchase Option,Available
                    "Mia Chen+1 604 555 0182
                    mia.chen@example.ca
                    A",10 Class Pass,5 visits
                    please read the special instructions before booking,,
                    "Mia Chen+1 604 555 0182
                    mia.chen@example.ca
                    A",Drop-in,1 visit
                    """,
                expected: ["Mia Chen,mia.chen@example.ca,6,,+16045550182,"]),
        ])

    public var assembly: RowAssembly { .passesByClient }

    private func columns(_ header: [String]) -> (client: Int, option: Int, available: Int)? {
        let keys = HeaderText.keys(header)
        guard let client = keys.firstIndex(of: "client"), let option = keys.firstIndex(of: "purchaseoption"),
              let available = keys.firstIndex(of: "available") else { return nil }
        return (client, option, available)
    }

    public func recognise(header: [String]) -> Recognition {
        guard columns(header) != nil else { return .none }
        return Recognition(confidence: 0.94, reasons: ["WellnessLiving's Client, Purchase Option and Available columns"])
    }

    public func recognise(header: [String], sample: [SourceRow]) -> Recognition {
        guard let columns = columns(header) else { return .none }
        var recognition = recognise(header: header)
        let packed = sample.filter { $0[columns.client].contains("\n") && $0[columns.client].contains("@") }.count
        if packed > 0 {
            recognition.confidence = 0.97
            recognition.reasons.append("\(packed) of the first \(sample.count) Client cells pack name+phone, e-mail and status on lines")
        }
        return recognition
    }

    public func mapping(for header: [String]) -> ColumnMapping {
        var mapping = generic.mapping(for: header)
        guard let own = columns(header) else { return mapping }
        for index in mapping.columns.indices {
            switch index {
            case own.client:
                mapping.columns[index].field = .fullName
                mapping.columns[index].reason = "WellnessLiving's packed client: name+phone, e-mail and status, one per line"
            case own.available:
                mapping.columns[index].field = .entries
                mapping.columns[index].reason = "WellnessLiving's visits left on the pass (\"5 visits\")"
            case own.option:
                mapping.columns[index].field = nil
                mapping.columns[index].reason = "the pass's name; its visits are summed per client"
            default:
                break
            }
        }
        return mapping
    }

    public func noise(_ row: SourceRow, header: SourceRow) -> SkipReason? {
        if let reason = SystemNoise.reason(row, header: header) { return reason }
        guard let own = columns(header.cells) else { return nil }
        let client = row[own.client]
        let restEmpty = row.cells.indices.allSatisfy { $0 == own.client || row[$0].isEmpty }
        // A sentence where a client should be, with nothing else on the row.
        if restEmpty, !client.contains("\n"), !client.contains("@"), client.split(separator: " ").count > 4 {
            return .systemNote
        }
        return nil
    }

    public func extract(_ row: SourceRow, mapping: ColumnMapping) -> RawClient {
        var raw = generic.extract(row, mapping: mapping)
        if let packed = raw[.fullName], let contact = PackedContact(packed.text) {
            raw.values[.fullName] = [RawValue(text: contact.name, column: packed.column)]
            if let phone = contact.phone { raw.values[.phone] = [RawValue(text: phone, column: packed.column)] }
            if let email = contact.email { raw.values[.email] = [RawValue(text: email, column: packed.column)] }
        }
        if let available = raw[.entries] {
            // "5 visits", "1 visit": the number is what is left.
            let number = available.text.prefix { $0.isNumber }
            if !number.isEmpty, available.text.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
                .lowercased().hasPrefix("visit") {
                raw.values[.entries] = [RawValue(text: String(number), column: available.column)]
            }
        }
        return raw
    }
}

import ZenamuCore

/// Mindbody: the client list, and the pricing-options report that holds what the client list
/// lacks, the remaining visits of each pass with its expiry, joined to it on Client ID.
///
/// The client list may open with a row of column numbers and close with `Total records: N`
/// (both skipped: column numbers are above the header, the footer is standard noise), and writes
/// names `Last name` before `First name`. Sales-style reports write `Client` as "Surname, Given",
/// which the name rule reads surname first.
public struct Mindbody: SourceAdapter {
    public init() {}

    /// The client list's vocabulary: its own headers, and the ones it names its own way.
    private let clientList = DeclarativeAdapter(AdapterDeclaration(
        id: "mindbody", name: "Mindbody client list", systems: ["Mindbody"], languages: ["en"],
        fingerprint: "", signature: ["Nickname", "Mobile phone", "Home phone", "Work phone", "Postal code",
                                     "Last Visit", "Visits", "Prospect", "Client ID", "ID"],
        minimumSignature: 3, columns: ["Visits": nil, "Nickname": nil]))
    private let generic = GenericClientList()

    static let passHeaders = ["pricing option", "pricingoption", "series", "remaining", "remaining visits"]

    public let description = AdapterDescription(
        id: "mindbody",
        name: "Mindbody client list and pricing-options report",
        systems: ["Mindbody"],
        languages: ["en"],
        fingerprint: "the client list (Nickname; Mobile, Home and Work phone; ID; column numbers above the header; "
            + "a Total records footer), and the pricing-options report (Client ID, Pricing Option, Remaining, "
            + "Expiration Date) joined to it on Client ID",
        samples: [
            AdapterSample(
                name: "Client list with column numbers and a Total records footer",
                csv: """
                    0,1,2,3,4,5,6
                    Last name,First name,Nickname,ID,Mobile phone,Home phone,Email
                    Cho,Mina,,165,,+1 217 555 0142,mina.cho@example.com
                    Total records: 1,Total records: 1,,,,,
                    """,
                expected: ["Mina Cho,mina.cho@example.com,,,+12175550142,"]),
        ])

    public func part(of header: [String]) -> FilePart {
        isPassReport(header) ? .balances : .clients
    }

    private func isPassReport(_ header: [String]) -> Bool {
        let keys = HeaderText.keySet(header)
        return keys.contains("clientid") && keys.contains("remaining")
            && (keys.contains("pricingoption") || keys.contains("series") || keys.contains("expirationdate"))
    }

    public func recognise(header: [String]) -> Recognition {
        if isPassReport(header) {
            return Recognition(confidence: 0.96, reasons: [
                "Mindbody's pricing-options report: Client ID, Pricing Option and Remaining; its remaining visits "
                    + "are joined to the client list on Client ID",
            ])
        }
        return clientList.recognise(header: header)
    }

    public func mapping(for header: [String]) -> ColumnMapping {
        guard isPassReport(header) else { return clientList.mapping(for: header) }
        var mapping = generic.mapping(for: header)
        for index in mapping.columns.indices {
            let key = HeaderText.key(mapping.columns[index].column.header)
            let field: CanonicalField?
            let reason: String
            switch key {
            case "clientid": (field, reason) = (.clientID, "Mindbody's client id: joins each pass to its client")
            case "remaining": (field, reason) = (.entries, "Mindbody's remaining visits on the pass")
            case "expirationdate": (field, reason) = (.passExpiry, "Mindbody's pass expiry: an expired pass is not carried over")
            case "client", "clientname": (field, reason) = (nil, "the client's name; the client list gives it")
            default: continue
            }
            mapping.columns[index].field = field
            mapping.columns[index].rank = 0
            mapping.columns[index].reason = reason
        }
        // "Count" is the pass's size, not what is left.
        for index in mapping.columns.indices where mapping.columns[index].field == .entries
            && HeaderText.key(mapping.columns[index].column.header) != "remaining" {
            mapping.columns[index].field = nil
            mapping.columns[index].reason = "the size of the pass, not what is left"
        }
        return mapping
    }
}

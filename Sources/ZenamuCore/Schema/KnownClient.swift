/// A client imported by an earlier run, as the error workbook remembers it in a hidden sheet.
///
/// When the corrected workbook comes back, its rows are checked against these as well as against
/// each other: a corrected row must not take the e-mail of a client imported the first time.
public struct KnownClient: Sendable, Equatable {
    /// The hidden sheet's name: not translated, since it is read, not shown.
    public static let sheetName = "zenamu-imported"
    public static let header = ["email", "name", "digest", "original row"]

    public var email: String
    public var name: String
    /// `ClientRecord.sameClientDigest`.
    public var digest: UInt64
    public var original: RowReference

    public init(email: String, name: String, digest: UInt64, original: RowReference) {
        self.email = email
        self.name = name
        self.digest = digest
        self.original = original
    }

    public init?(_ record: ClientRecord) {
        guard let email = record.email else { return nil }
        self.init(email: email, name: record.name.display, digest: record.sameClientDigest,
                  original: record.provenance.original)
    }

    /// The sheet's cells for this client.
    public var cells: [String] { [email, name, String(digest, radix: 16), original.text] }

    /// Reads a row of the hidden sheet; nil for one that is not ours.
    public init?(cells: [String]) {
        guard cells.count >= 4, !cells[0].isEmpty, let digest = UInt64(cells[2], radix: 16),
              let original = RowReference(text: cells[3])
        else { return nil }
        self.init(email: cells[0], name: cells[1], digest: digest, original: original)
    }
}

extension ClientRecord {
    /// A digest of what two rows on one e-mail must share to be the same client: name, balances,
    /// phone and consent. FNV-1a rather than `Hasher`, whose seed changes per process, because the
    /// error workbook carries it from one run to the next.
    public var sameClientDigest: UInt64 {
        let name = self.name.display.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let parts = [name, entries.map { "\($0)" } ?? "", credits.map { "\($0)" } ?? "", phone?.e164 ?? "",
                     "\(consent.value)"]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1F}").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// The rows an error workbook sent to the customer to fix, by their original row (`input.csv #6`),
/// in a hidden sheet: when the workbook comes back, a row missing from it was deleted.
public enum SentRows {
    public static let sheetName = "zenamu-sent"
    public static let header = ["original row"]
}

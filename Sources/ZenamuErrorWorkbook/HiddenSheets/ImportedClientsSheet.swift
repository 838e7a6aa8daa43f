import ZenamuCore

/// The hidden sheet of the clients a run imported (`zenamu-imported`), which the returned
/// workbook's rows are checked against.
extension KnownClient {
    /// The hidden sheet's name: not translated, since it is read, not shown.
    public static let sheetName = "zenamu-imported"
    /// One cell per client, its details joined by tabs: a spreadsheet cell costs the writer more
    /// than its text, and a run writes one row here for every client it imports. (Workbooks of
    /// earlier versions have the four details in four columns; both are read.)
    public static let header = ["email\tname\tdigest\toriginal row"]

    /// The sheet's cell for this client. Neither a valid e-mail nor a name (its white space
    /// folded to single spaces) holds a tab; the original row comes last, so a tab in a file's
    /// name stays in it.
    public var cells: [String] {
        var bytes: [UInt8] = []
        appendCell(to: &bytes)
        return [String(decoding: bytes, as: UTF8.self)]
    }

    /// The UTF-8 of the sheet's cell for this client, appended to `bytes`: built as bytes, with no
    /// String made (a run writes one per client it imports). Nothing is reserved: the caller's
    /// buffer keeps its capacity from one client to the next.
    public func appendCell(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: email.utf8)
        bytes.append(0x09)
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x09)
        Self.append(digest, radix: 16, to: &bytes)
        bytes.append(0x09)
        bytes.append(contentsOf: original.file.utf8)
        bytes.append(contentsOf: " #".utf8)
        if original.row >= 0 {
            Self.append(UInt64(original.row), radix: 10, to: &bytes)
        } else {
            bytes.append(contentsOf: String(original.row).utf8)
        }
    }

    /// `value`'s digits as `String(value, radix:)` writes them (lower case, no leading zeros),
    /// without making that String: written backwards into a buffer on the stack, by a radix the
    /// compiler knows at each call (a division by a constant is a multiplication).
    @inline(__always)
    private static func append(_ value: UInt64, radix: UInt64, to bytes: inout [UInt8]) {
        // 24 bytes: room for the 20 decimal digits of UInt64.max.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count, rest = value
            repeat {
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: radix)
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: digit < 10 ? 0x30 + digit : 0x57 + digit)
                rest = quotient
            } while rest > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }

    /// Reads a row of the hidden sheet, in either layout; nil for one that is not ours.
    public init?(cells: [String]) {
        let details = cells.count == 1 ? cells[0].split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            : cells
        guard details.count >= 4, !details[0].isEmpty, let digest = UInt64(details[2], radix: 16),
              let original = RowReference(text: details[3])
        else { return nil }
        self.init(email: details[0], name: details[1], digest: digest, original: original)
    }
}

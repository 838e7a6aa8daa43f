/// A client imported by an earlier run, as the error workbook remembers it in a hidden sheet
/// (ZenamuErrorWorkbook's `ImportedClientsSheet.swift` writes and reads it).
///
/// When the corrected workbook comes back, its rows are checked against these as well as against
/// each other: a corrected row must not take the e-mail of a client imported the first time.
public struct KnownClient: Sendable, Equatable {
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

    /// Borrowing: an initializer owns its arguments by default, and the record would be copied
    /// whole for the four details taken from it.
    public init?(_ record: borrowing ClientRecord) {
        guard let email = record.email else { return nil }
        self.init(email: email, name: record.name.display, digest: record.sameClientDigest,
                  original: record.provenance.original)
    }
}

extension ClientRecord {
    /// A digest of what two rows on one e-mail must share to be the same client: name, balances,
    /// phone and consent. FNV-1a rather than `Hasher`, whose seed changes per process, because the
    /// error workbook carries it from one run to the next.
    public var sameClientDigest: UInt64 {
        var digest = FNV1a()
        if !digest.addFolded(name.display) {
            digest.add(name.display.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        digest.add(0x1F)
        if let entries { digest.add(String(entries)) }
        digest.add(0x1F)
        if let credits { digest.add(credits.plainText) }
        digest.add(0x1F)
        if let phone { digest.add(phone.e164) }
        digest.add(0x1F)
        digest.add(consent.value.rawValue)
        return digest.value
    }

    /// The digest's text as first written, built whole (the reference `sameClientDigest` follows).
    var sameClientDigestByText: UInt64 {
        let name = self.name.display.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let parts = [name, entries.map { "\($0)" } ?? "", credits.map { "\($0)" } ?? "", phone?.e164 ?? "",
                     "\(consent.value)"]
        var digest = FNV1a()
        digest.add(parts.joined(separator: "\u{1F}"))
        return digest.value
    }
}

/// 64-bit FNV-1a over bytes, fed piece by piece.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ text: String) {
        // Over contiguous bytes: a String's UTF8View checks its form byte by byte.
        var copy = text
        copy.withUTF8 { bytes in
            for byte in bytes { add(byte) }
        }
    }

    /// Adds `text` lower-cased, its words joined by single spaces, when every scalar of it stands
    /// for one character (below U+0300, where no combining mark is); false, having added
    /// nothing, otherwise.
    mutating func addFolded(_ text: String) -> Bool {
        // Most names are Latin letters whose lower case is known here: folded from the bytes, no
        // lower-cased copy made.
        var copy = text
        if copy.withUTF8({ add(folding: LatinScalars($0), lowering: Self.lowerLatin) }) { return true }
        let lower = text.lowercased()
        return add(folding: lower.unicodeScalars.lazy.map(\.value)) { $0 < 0x300 ? $0 : nil }
    }

    /// Adds `values` (scalars), each through `lower`, white space folded; false, having added
    /// nothing, when `lower` gives nil for one of them.
    private mutating func add(folding values: some Sequence<UInt32>, lowering lower: (UInt32) -> UInt32?) -> Bool {
        var copy = self
        var pendingSpace = false, started = false
        for scalar in values {
            guard let value = lower(scalar) else { return false }
            // Below U+0300 the white space is these (Unicode's White_Space property).
            if (0x09...0x0D).contains(value) || value == 0x20 || value == 0x85 || value == 0xA0 {
                pendingSpace = started
                continue
            }
            if pendingSpace { copy.add(0x20) }
            pendingSpace = false
            started = true
            if value < 0x80 {
                copy.add(UInt8(value))
            } else {
                copy.add(UInt8(0xC0 | value >> 6))
                copy.add(UInt8(0x80 | value & 0x3F))
            }
        }
        self = copy
        return true
    }

    /// The lower case of a scalar below U+0180 (Basic Latin, Latin-1, Latin Extended-A), as
    /// `lowercased()` gives it; nil above, and for U+0130, whose lower case is two scalars.
    static func lowerLatin(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: value + 0x20
        case 0x130: nil
        case 0x100...0x137, 0x14A...0x177: value & 1 == 0 ? value + 1 : value
        case 0x139...0x148, 0x179...0x17E: value & 1 == 1 ? value + 1 : value
        case 0x178: 0xFF
        case ..<0x180: value
        default: nil
        }
    }
}

/// The scalars of valid UTF-8 below U+0800 (one or two bytes each), decoded without String's
/// machinery; a longer one comes as `UInt32.max`, which is no Latin letter.
private struct LatinScalars: Sequence, IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> UInt32? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            return UInt32(lead)
        }
        guard lead & 0xE0 == 0xC0, index + 1 < bytes.count else {
            index = bytes.count
            return .max
        }
        index += 2
        return UInt32(lead & 0x1F) << 6 | UInt32(bytes[index - 1] & 0x3F)
    }
}

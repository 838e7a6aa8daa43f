import ZenamuCore

/// The clients a run has seen, one per distinct e-mail, in as little memory as they fit: a
/// million clients are a million of these, and this is what a run's memory grows with.
///
/// A `[String: Seen]` spent about 190 bytes a client at 1,000,000 clients (the e-mail a String
/// object of its own, the name a String, a table at most three-quarters full of 56-byte slots).
/// Here the e-mail and the name are bytes end to end in one buffer, a client is 40 bytes in an
/// array, and the table is 4-byte indices: about 90 bytes a client. E-mails match exactly as
/// `String`'s `==` matches them (byte for byte, or canonically equivalent).
struct SeenClients {
    /// A client as first seen: where, by what name, and the digest of its details.
    struct Client {
        let place: RowReference
        let name: String
        /// A 64-bit digest of the details two rows must share to be the same client. Only rows on
        /// the same e-mail are compared, so a collision would need two digests of one address to meet.
        let fingerprint: UInt64
    }

    private struct Entry {
        let hash: Int
        let fingerprint: UInt64
        /// The e-mail's bytes start here in `text`, the name's follow them.
        let start: Int
        let emailLength: UInt32
        let nameLength: UInt32
        let fileIndex: Int32
        let row: Int32
    }

    /// The files the clients were seen in: few per run, so a scan beats a dictionary.
    private var files: [String] = []
    private var entries: [Entry] = []
    private var text: [UInt8] = []
    /// Open addressing, linear probing: an index into `entries`, or -1. Its count is a power of
    /// two, at least twice the entries.
    private var slots: [Int32] = []

    var count: Int { entries.count }

    /// The client first seen with `email`; nil, having added `client` for it, when none was.
    mutating func insert(_ email: String, _ client: @autoclosure () -> Client) -> Client? {
        let hash = Self.hash(email)
        if let found = find(email, hash: hash) { return found }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let client = client()
        let file = files.firstIndex(of: client.place.file) ?? { files.append(client.place.file); return files.count - 1 }()
        let start = text.count
        text.append(contentsOf: email.utf8)
        text.append(contentsOf: client.name.utf8)
        place(Int32(entries.count), hash: hash)
        entries.append(Entry(hash: hash, fingerprint: client.fingerprint, start: start,
                             emailLength: UInt32(email.utf8.count), nameLength: UInt32(client.name.utf8.count),
                             fileIndex: Int32(file), row: Int32(clamping: client.place.row)))
        return nil
    }

    private func find(_ email: String, hash: Int) -> Client? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while case let index = slots[slot], index >= 0 {
            let entry = entries[Int(index)]
            if entry.hash == hash, matches(entry, email) {
                let nameStart = entry.start + Int(entry.emailLength)
                let name = text.withUnsafeBufferPointer {
                    String(decoding: $0[nameStart..<nameStart + Int(entry.nameLength)], as: UTF8.self)
                }
                return Client(place: RowReference(file: files[Int(entry.fileIndex)], row: Int(entry.row)), name: name,
                              fingerprint: entry.fingerprint)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The same hash a `Set<String>` gives: canonically equivalent e-mails meet.
    private static func hash(_ email: String) -> Int {
        var hasher = Hasher()
        hasher.combine(email)
        return hasher.finalize()
    }

    private func matches(_ entry: Entry, _ email: String) -> Bool {
        let range = entry.start..<entry.start + Int(entry.emailLength)
        let same = text.withUnsafeBufferPointer { stored in
            email.utf8.count == range.count && email.utf8.elementsEqual(stored[range])
        }
        if same { return true }
        // Different bytes can still be one text to String (é as one scalar or as e and a mark).
        let storedIsASCII = text[range].allSatisfy { $0 < 0x80 }
        if storedIsASCII && email.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return text.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) } == email
    }

    private mutating func place(_ index: Int32, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for (index, entry) in entries.enumerated() { place(Int32(index), hash: entry.hash) }
    }
}

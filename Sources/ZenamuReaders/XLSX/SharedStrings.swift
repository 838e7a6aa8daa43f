/// A workbook's shared-strings table, its short texts end to end in one buffer.
///
/// A client list's table is mostly distinct e-mails and phones, a million of them at 1,000,000
/// rows: as Strings each is an object of its own (about 90 bytes with its allocation), here it is
/// its bytes and one offset, and the text is made when a cell asks for it. A long text is kept
/// as one String, shared by every cell that names it: a thousand cells naming one 1 MB text must
/// not become a thousand copies.
struct SharedStrings {
    /// Texts longer than this are kept whole.
    static let longText = 256

    private var bytes: [UInt8] = []
    /// Where each text ends in `bytes`; text `i` starts where text `i - 1` ends. A long text takes
    /// no bytes there.
    private var ends: [Int] = []
    private var long: [Int: String] = [:]

    init() {}

    var count: Int { ends.count }

    func contains(_ index: Int) -> Bool { ends.indices.contains(index) }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1], end = ends[index]
        if start == end, !long.isEmpty, let text = long[index] { return text }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
    }

    /// Adds a text as its run's bytes, without the spaces at its ends (`trimmedUTF8String`).
    mutating func append(trimming text: [UInt8]) {
        let range = text.trimmedUTF8Range
        if range.count > Self.longText {
            long[ends.count] = String(decoding: text[range], as: UTF8.self)
        } else {
            bytes.append(contentsOf: text[range])
        }
        ends.append(bytes.count)
    }

    /// Gives back the room the buffers grew into beyond what they hold (up to half of it).
    mutating func compact() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        ends = ends.withUnsafeBufferPointer { Array($0) }
    }
}

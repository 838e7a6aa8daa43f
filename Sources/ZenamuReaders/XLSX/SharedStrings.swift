/// A chunk of a workbook's shared-strings table, its short texts end to end in one buffer.
///
/// A client list's table is mostly distinct e-mails and phones, a million of them at 1,000,000
/// rows: as Strings each is an object of its own (about 90 bytes with its allocation), here it is
/// its bytes and one offset, and the text is made when a cell asks for it. A long text is kept
/// as one String, shared by every cell that names it: a thousand cells naming one 1 MB text must
/// not become a thousand copies.
///
/// Built by appending (`Builder`), then frozen into buffers of its own: a cell's lookup is then
/// pointer arithmetic, where going through arrays retained and released each of them per cell.
final class SharedStrings: @unchecked Sendable {
    /// Texts longer than this are kept whole.
    static let longText = 256

    /// The texts as they are parsed.
    struct Builder {
        fileprivate var bytes: [UInt8] = []
        fileprivate var ends: [Int] = []
        fileprivate var long: [Int: String] = [:]

        init() {}

        var count: Int { ends.count }

        /// Adds a text as its run's bytes, without the spaces at its ends (`trimmedUTF8String`).
        mutating func append(trimming text: [UInt8]) {
            let range = text.trimmedUTF8Range
            if range.count > SharedStrings.longText {
                long[ends.count] = String(decoding: text[range], as: UTF8.self)
            } else {
                bytes.append(contentsOf: text[range])
            }
            ends.append(bytes.count)
        }
    }

    // Immutable once made (hence Sendable); freed with the chunk.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Where each text ends in `bytes`; text `i` starts where text `i - 1` ends. A long text takes
    /// no bytes there.
    private let ends: UnsafeMutableBufferPointer<Int>
    private let long: [Int: String]

    /// The builder's texts, in buffers of exactly their size.
    init(_ builder: Builder) {
        bytes = .allocate(capacity: builder.bytes.count)
        _ = bytes.initialize(from: builder.bytes)
        ends = .allocate(capacity: builder.ends.count)
        _ = ends.initialize(from: builder.ends)
        long = builder.long
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    var count: Int { ends.count }

    /// Text `index`, nil when the chunk has no such text.
    func text(_ index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1], end = ends[index]
        if start == end, !long.isEmpty, let text = long[index] { return text }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

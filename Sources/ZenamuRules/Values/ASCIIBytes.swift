/// Classes of ASCII bytes, for the checks that read UTF-8 bytes rather than Characters (a byte
/// below 0x80 is a character of its own in UTF-8). Inlined: they run over every byte of a cell.
enum ASCIIBytes {
    /// A to Z, either case.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

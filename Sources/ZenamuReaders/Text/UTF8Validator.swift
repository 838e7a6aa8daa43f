/// Strict UTF-8 validation over a stream of chunks (RFC 3629: no overlongs, no surrogates,
/// nothing above U+10FFFF). Used to decide "valid UTF-8" before any guessing.
struct UTF8Validator {
    private var remaining = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var isValid = true
    private(set) var sawNonASCII = false

    mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard isValid else { return }
        for byte in bytes {
            if remaining > 0 {
                guard byte >= lower && byte <= upper else { isValid = false; return }
                remaining -= 1
                lower = 0x80
                upper = 0xBF
                continue
            }
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: remaining = 1
            case 0xE0: remaining = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
            case 0xED: remaining = 2; upper = 0x9F
            case 0xF0: remaining = 3; lower = 0x90
            case 0xF1...0xF3: remaining = 3
            case 0xF4: remaining = 3; upper = 0x8F
            default: isValid = false; return
            }
            sawNonASCII = true
        }
    }

    /// Call at the end of the input: a sequence cut off by the end is invalid.
    mutating func finish() {
        if remaining > 0 { isValid = false }
    }
}

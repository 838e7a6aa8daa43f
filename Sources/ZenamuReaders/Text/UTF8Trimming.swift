extension Array where Element == UInt8 {
    /// Text from UTF-8 bytes without spaces, tabs, line breaks or no-break spaces at the ends,
    /// trimmed on bytes before a String is made (the profile showed Character-wise trimming).
    var trimmedUTF8String: String {
        String(decoding: self[trimmedUTF8Range], as: UTF8.self)
    }

    /// Where the text lies without spaces, tabs, line breaks or no-break spaces at its ends.
    var trimmedUTF8Range: Range<Int> {
        let bytes = self
        var start = 0, end = bytes.count
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let isNoBreakSpace = { (at: Int) in at + 1 < bytes.count && bytes[at] == 0xC2 && bytes[at + 1] == 0xA0 }
        while start < end {
            if isSpace(bytes[start]) { start += 1 } else if isNoBreakSpace(start) { start += 2 } else { break }
        }
        while end > start {
            if isSpace(bytes[end - 1]) { end -= 1 } else if end - start >= 2, isNoBreakSpace(end - 2) { end -= 2 } else { break }
        }
        return start..<end
    }
}

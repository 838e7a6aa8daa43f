import CUchardet
import ZenamuCore

/// Decides a text file's encoding without assuming: a byte-order mark first, else strict UTF-8
/// over the whole file, else uchardet, corrected where it is known to confuse code pages.
enum EncodingDetector {
    /// `head` is the start of the file; the whole file is read again, chunk by chunk, only when
    /// it is not plain UTF-8.
    static func detect(head: [UInt8], path: String, file: String) throws -> TextEncoding {
        if let bom = byteOrderMark(head) { return bom }
        if let utf16 = unmarkedUTF16(head) { return utf16 }
        if head.contains(0) {
            throw InputError(file: file, reason: "this is not a text file: it contains binary data. "
                + "Export the client list as CSV (or Excel) and send that file.")
        }

        var validator = UTF8Validator()
        var chunks = try ByteChunks(path: path, file: file)
        while validator.isValid, let chunk = try chunks.next() { validator.feed(chunk) }
        validator.finish()
        if validator.isValid {
            return TextEncoding(name: "UTF-8", reason: validator.sawNonASCII ? "valid UTF-8" : "plain ASCII, read as UTF-8")
        }
        return try legacyCodePage(path: path, file: file)
    }

    static func byteOrderMark(_ head: [UInt8]) -> TextEncoding? {
        let marks: [([UInt8], String)] = [
            ([0xEF, 0xBB, 0xBF], "UTF-8"),
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
            ([0xFF, 0xFE], "UTF-16LE"),
            ([0xFE, 0xFF], "UTF-16BE"),
        ]
        for (mark, name) in marks where head.starts(with: mark) {
            return TextEncoding(name: name, bomLength: mark.count, reason: "byte-order mark")
        }
        return nil
    }

    /// UTF-16 without a mark shows as a zero byte in every other position of ASCII text.
    static func unmarkedUTF16(_ head: [UInt8]) -> TextEncoding? {
        let sample = head.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample.count / 2
        if zeroOdd * 10 >= pairs * 4 && zeroEven * 10 < pairs {
            return TextEncoding(name: "UTF-16LE", reason: "UTF-16 pattern without byte-order mark")
        }
        if zeroEven * 10 >= pairs * 4 && zeroOdd * 10 < pairs {
            return TextEncoding(name: "UTF-16BE", reason: "UTF-16 pattern without byte-order mark")
        }
        return nil
    }

    /// Not UTF-8: ask uchardet, then correct its known confusions. ISO-8859-1/2 have no letters in
    /// 0x80–0x9F, where Windows-1252/1250 keep € š ž Š Ž …; a file using those bytes is Windows.
    static func legacyCodePage(path: String, file: String) throws -> TextEncoding {
        guard let detector = uchardet_new() else {
            throw InputError(file: file, reason: "the encoding detector could not start.")
        }
        defer { uchardet_delete(detector) }
        var chunks = try ByteChunks(path: path, file: file)
        var usesC1 = false
        var sample: [UInt8] = []
        while let chunk = try chunks.next() {
            if !usesC1 { usesC1 = chunk.contains { $0 >= 0x80 && $0 <= 0x9F } }
            if sample.count < 1 << 16 { sample += chunk.prefix((1 << 16) - sample.count) }
            let status = chunk.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { uchardet_handle_data(detector, $0.baseAddress, $0.count) }
            }
            if status != 0 { break }
        }
        uchardet_data_end(detector)
        let detected = String(cString: uchardet_get_charset(detector)).uppercased()

        switch detected {
        case "WINDOWS-1250", "ISO-8859-2":
            return centralEuropean(sample, usesC1: usesC1)
        case "ISO-8859-1", "WINDOWS-1252", "ISO-8859-15":
            return TextEncoding(name: "WINDOWS-1252", reason: "not UTF-8; detected as Western European (Windows-1252)")
        case "", "ASCII", "UTF-8":
            let name = westernOrCentral(sample)
            return TextEncoding(name: name, reason: "not UTF-8; letters fit \(name) best")
        default:
            return TextEncoding(name: detected, reason: "not UTF-8; detected as \(detected)")
        }
    }

    /// uchardet tells Central European text from others well, but not Windows-1250 from
    /// ISO-8859-2. Bytes 0x80–0x9F are letters only in Windows-1250; bytes such as 0xA9 and 0xBB
    /// are Š and ť in ISO-8859-2 but © and » in Windows-1250, so inside a word they settle it.
    /// Hungarian text often reads the same in both; then Windows-1250, what Excel writes, is named.
    static func centralEuropean(_ sample: [UInt8], usesC1: Bool) -> TextEncoding {
        if usesC1 {
            return TextEncoding(name: "WINDOWS-1250", reason: "not UTF-8; detected as Central European (Windows-1250)")
        }
        let symbolsIn1250: Set<UInt8> = [0xA1, 0xA6, 0xA9, 0xAB, 0xAC, 0xAE, 0xB1, 0xB5, 0xB6, 0xBB]
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0xC0 }
        for index in sample.indices where symbolsIn1250.contains(sample[index]) {
            let before = index > 0 ? sample[index - 1] : 0x20
            let after = index + 1 < sample.count ? sample[index + 1] : 0x20
            if isLetter(before) || isLetter(after) {
                return TextEncoding(name: "ISO-8859-2", reason: "not UTF-8; detected as Central European (ISO-8859-2)")
            }
        }
        return TextEncoding(name: "WINDOWS-1250",
                            reason: "not UTF-8; detected as Central European (Windows-1250; reads the same as ISO-8859-2)")
    }

    /// When the detector has no answer: count letters typical of Central European languages in
    /// Windows-1250 against Western ones in Windows-1252.
    static func westernOrCentral(_ sample: [UInt8]) -> String {
        // š ś ť ž ź Š Ś Ť Ž Ź ł ą ę č ě ň ř ů ő ű ď (Windows-1250 bytes)
        let central: Set<UInt8> = [0x9A, 0x9C, 0x9D, 0x9E, 0x9F, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0xB3, 0xB9, 0xEA,
                                   0xE8, 0xEC, 0xF2, 0xF8, 0xF9, 0xF5, 0xFB, 0xEF]
        // à â ç è ê ë î ï ô ù û ñ ã õ œ (Windows-1252 bytes)
        let western: Set<UInt8> = [0xE0, 0xE2, 0xE7, 0xE8, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF9, 0xFB, 0xF1, 0xE3,
                                   0xF5, 0x9C]
        var score = 0
        for byte in sample {
            if central.contains(byte) { score += 1 }
            if western.contains(byte) { score -= 1 }
        }
        return score > 0 ? "WINDOWS-1250" : "WINDOWS-1252"
    }
}

import CPhoneNumber
import ZenamuCore

/// libphonenumber, through the C shim in CPhoneNumber.
public struct LibPhoneNumber: PhoneParsing {
    public init() {}

    public func parse(_ text: String, defaultRegion: String?) -> ParsedPhone? {
        var text = text
        return text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { input in
                let count = Self.libraryInput(bytes, into: input)
                input[count] = 0
                return input.withMemoryRebound(to: CChar.self) { parse(cString: $0.baseAddress!, defaultRegion: defaultRegion) }
            }
        }
    }

    /// What libphonenumber makes of `text` exactly as written, separators and all: the reference
    /// `parse` agrees with.
    func parseVerbatim(_ text: String, defaultRegion: String?) -> ParsedPhone? {
        text.withCString { parse(cString: $0, defaultRegion: defaultRegion) }
    }

    private func parse(cString text: UnsafePointer<CChar>, defaultRegion: String?) -> ParsedPhone? {
        var result = zm_phone_result()
        zm_phone_parse(text, defaultRegion ?? "", &result)
        guard result.status == 0 else { return nil }
        return ParsedPhone(result)
    }

    public func find(in text: String, defaultRegion: String?) -> (first: ParsedPhone, count: Int)? {
        var result = zm_phone_result()
        let count = zm_phone_find(text, defaultRegion ?? "", &result)
        guard count > 0 else { return nil }
        return (ParsedPhone(result), Int(count))
    }

    public func isKnownRegion(_ region: String) -> Bool {
        zm_phone_is_supported_region(region.uppercased()) != 0
    }

    /// The text handed to libphonenumber, written into `input`; returns its length.
    ///
    /// A phone written with separators (`+420 603 123 456`, `06.12.34.56.78`, `603-123-456`) goes
    /// without them: the library's regular expressions walk every character of their input, and
    /// the digits alone cost it a third fewer instructions (`bench/instructions`). The answer is
    /// the same: these separators (space, `-`, `.`, `/`, brackets) are punctuation the library
    /// removes itself (`Normalize`) before it reads a digit, none of them can begin an extension
    /// or a second number, and with three digits or more the text is a viable number with them
    /// as without. Anything else (letters, `#`, `ext.`, a `+` inside, a leading bracket) goes as
    /// written. `FastPathTests` holds the two readings equal on generated phones.
    static func libraryInput(_ text: UnsafeBufferPointer<UInt8>, into input: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var digits = 0, count = 0
        compacting: do {
            guard let first = text.first, first == UInt8(ascii: "+") || isDigit(first), let last = text.last, isDigit(last)
            else { break compacting }
            for (index, byte) in text.enumerated() {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
                case _ where index == 0: break  // the leading "+"
                case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"):
                    continue
                default: break compacting
                }
                input[count] = byte
                count += 1
            }
            if digits >= 3 { return count }
        }
        _ = input.initialize(from: text)
        return text.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}

extension ParsedPhone {
    fileprivate init(_ result: zm_phone_result) {
        var result = result
        let e164 = withUnsafeBytes(of: &result.e164) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let region = withUnsafeBytes(of: &result.region) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        self.init(e164: e164, isValid: result.is_valid != 0, region: region == "ZZ" ? nil : region,
                  countryCode: Int(result.country_code))
    }
}

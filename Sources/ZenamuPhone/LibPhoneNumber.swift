import CPhoneNumber
import ZenamuCore

/// libphonenumber, through the C shim in CPhoneNumber.
public struct LibPhoneNumber: PhoneParsing {
    public init() {}

    public func parse(_ text: String, defaultRegion: String?) -> ParsedPhone? {
        var result = zm_phone_result()
        zm_phone_parse(text, defaultRegion ?? "", &result)
        guard result.status == 0 else { return nil }
        let e164 = withUnsafeBytes(of: &result.e164) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let region = withUnsafeBytes(of: &result.region) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return ParsedPhone(e164: e164, isValid: result.is_valid != 0, region: region == "ZZ" ? nil : region)
    }

    public func isKnownRegion(_ region: String) -> Bool {
        zm_phone_is_supported_region(region.uppercased()) != 0
    }
}

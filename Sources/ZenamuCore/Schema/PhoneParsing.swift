/// What a phone library made of a phone string. The core only knows this protocol; ZenamuPhone
/// implements it with libphonenumber, so the core stays free of C libraries.
public protocol PhoneParsing: Sendable {
    /// nil when the text is not a phone number at all.
    func parse(_ text: String, defaultRegion: String?) -> ParsedPhone?
    /// The valid numbers written inside `text`, the first of them and how many there are: for a
    /// cell that is not one phone as a whole ("603 123 456 (mobil)", "603 123 456 / 777 123 456").
    func find(in text: String, defaultRegion: String?) -> (first: ParsedPhone, count: Int)?
    /// True for a region code the library has numbering plans for ("CZ").
    func isKnownRegion(_ region: String) -> Bool
}

public struct ParsedPhone: Sendable, Equatable {
    public var e164: String
    /// A real number of its country's plan, not just digits of a plausible length.
    public var isValid: Bool
    public var region: String?
    /// The calling code (420); 0 when unknown.
    public var countryCode: Int

    public init(e164: String, isValid: Bool, region: String?, countryCode: Int = 0) {
        self.e164 = e164
        self.isValid = isValid
        self.region = region
        self.countryCode = countryCode
    }

    /// The digits after the calling code (603123456 of +420603123456).
    public var nationalNumber: Substring {
        let digits = e164.drop { $0 == "+" }
        let code = String(countryCode)
        return countryCode > 0 && digits.hasPrefix(code) ? digits.dropFirst(code.count) : digits
    }
}

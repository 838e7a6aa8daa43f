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

    public init(e164: String, isValid: Bool, region: String?) {
        self.e164 = e164
        self.isValid = isValid
        self.region = region
    }
}

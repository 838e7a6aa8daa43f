import Foundation

extension Decimal {
    /// The number as `"\(self)"` writes it (`250.5`, `-20`, `0.05`), which `clients.csv`, the
    /// store and the same-client digest use. Foundation's own printer costs about a microsecond a
    /// value, more than the rest of a row's balances; this one builds the text from the integer
    /// significand, and leaves the rare value of more than 18 digits to Foundation.
    public var plainText: String {
        guard isFinite, !isNaN else { return "\(self)" }
        if isZero { return "0" }
        let exponent = self.exponent, significand = self.significand.magnitude
        guard (-18...18).contains(exponent), significand < Self.plainLimit else { return "\(self)" }
        var digits = NSDecimalNumber(decimal: significand).uint64Value
        var scale = -exponent
        // Trailing zeros of a fraction are not written: 1000.50 is 1000.5.
        while scale > 0, digits % 10 == 0 {
            digits /= 10
            scale -= 1
        }
        var text = String(digits)
        if scale < 0 {
            text += String(repeating: "0", count: -scale)
        } else if scale > 0 {
            if text.utf8.count <= scale { text = String(repeating: "0", count: scale - text.utf8.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return sign == .minus ? "-" + text : text
    }

    private static let plainLimit = Decimal(1_000_000_000_000_000_000 as UInt64)
}

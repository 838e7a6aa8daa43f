import Foundation

extension Decimal {
    /// The number as `"\(self)"` writes it (`250.5`, `-20`, `0.05`), which `clients.csv`, the
    /// store and the same-client digest use. Foundation's own printer costs about a microsecond a
    /// value, more than the rest of a row's balances; this one builds the text from the integer
    /// significand, and leaves the rare value of more than 18 digits to Foundation.
    public var plainText: String {
        guard isFinite, !isNaN else { return "\(self)" }
        if isZero { return "0" }
        let exponent = self.exponent
        let significand = NSDecimalNumber(decimal: self.significand)
        // Below 10^18 a significand is a UInt64 exactly (its Double is no more than a rounding off).
        guard (-18...18).contains(exponent), significand.doubleValue < 1e18 else { return "\(self)" }
        var digits = significand.uint64Value
        var scale = -exponent
        // Trailing zeros of a fraction are not written: 1000.50 is 1000.5.
        while scale > 0, digits % 10 == 0 {
            digits /= 10
            scale -= 1
        }
        let sign = self.sign == .minus ? "-" : ""
        if scale <= 0 { return sign + String(digits) + String(repeating: "0", count: -scale) }
        let unit = Self.powersOfTen[scale]
        let fraction = String(digits % unit)
        return sign + String(digits / unit) + "." + String(repeating: "0", count: scale - fraction.utf8.count) + fraction
    }

    private static let powersOfTen: [UInt64] = (0...18).map { (0..<$0).reduce(1) { power, _ in power * 10 } }
}

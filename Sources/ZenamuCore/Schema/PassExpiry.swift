import Foundation

/// Pass expiry dates as exports write them, read only where unambiguous: ISO (`2026-12-31`, also
/// with a time) and the dotted European form (`31.12.2026`). A slashed date (`03/04/2026`) could be
/// either order, so it is kept as written and the entries stay a balance: nothing is taken away
/// on a guess.
public enum PassExpiry {
    public static func isoDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = trimmed.prefix(10)
        if iso.count == 10, iso.enumerated().allSatisfy({ [4, 7].contains($0.offset) ? $0.element == "-" : $0.element.isASCIIDigit }) {
            return String(iso)
        }
        let parts = trimmed.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2].prefix(4)),
           (1...31).contains(day), (1...12).contains(month), (1900...2999).contains(year) {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        return nil
    }

    /// True when the pass ran out before `today` (ISO `yyyy-MM-dd`); false when the date is not
    /// one we read without guessing.
    public static func hasExpired(_ text: String, today: String) -> Bool {
        guard let date = isoDate(text) else { return false }
        return date < today
    }

    /// The later of two expiry dates, as written; a date we cannot read never wins over one we can.
    public static func later(_ a: String?, _ b: String?) -> String? {
        guard let b else { return a }
        guard let a else { return b }
        return (isoDate(b) ?? "") > (isoDate(a) ?? "") ? b : a
    }

    /// Today's date, ISO, in UTC.
    public static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

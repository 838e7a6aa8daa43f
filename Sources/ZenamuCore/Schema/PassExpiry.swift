import Foundation

/// The order of day and month in a system's slashed dates (Mindbody's US reports: month first).
public enum DateOrder: String, Sendable, Equatable {
    case dayFirst, monthFirst
}

/// Pass expiry dates as exports write them, read only where unambiguous: ISO (`2026-12-31`, also
/// with a time) and the dotted European form (`31.12.2026`). A slashed date is read when only one
/// order gives a date (`15/01/2026`, `01/15/2026`) or the system's order is known; one that could
/// be either (`03/04/2026`) is kept as written and the entries stay a balance: nothing is taken
/// away on a guess, and the customer is told both readings.
public enum PassExpiry {
    /// How a slashed date reads.
    public enum Slashed: Equatable, Sendable {
        /// One reading (ISO).
        case date(String)
        /// Two: day first, then month first (ISO each).
        case ambiguous(dayFirst: String, monthFirst: String)
        /// Not a slashed date.
        case notSlashed
    }

    /// `03/04/2026` (also with a time after a space, or two-digit years read as 20xx).
    public static func slashed(_ text: String, order: DateOrder? = nil) -> Slashed {
        let date = text.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? ""
        let parts = date.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), var year = Int(parts[2]),
              parts[2].count == 4 || parts[2].count == 2 else { return .notSlashed }
        if parts[2].count == 2 { year += 2000 }
        func iso(day: Int, month: Int) -> String? {
            guard (1...12).contains(month), (1...31).contains(day), (1900...2999).contains(year) else { return nil }
            var components = DateComponents(calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day)
            components.timeZone = TimeZone(identifier: "UTC")
            guard components.isValidDate else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        let dayFirst = iso(day: a, month: b), monthFirst = iso(day: b, month: a)
        switch (dayFirst, monthFirst, order) {
        case let (day?, _, .dayFirst?): return .date(day)
        case let (_, month?, .monthFirst?): return .date(month)
        case let (day?, month?, nil) where day == month: return .date(day)
        case let (day?, month?, nil): return .ambiguous(dayFirst: day, monthFirst: month)
        case let (day?, nil, _): return .date(day)
        case let (nil, month?, _): return .date(month)
        default: return .notSlashed
        }
    }

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

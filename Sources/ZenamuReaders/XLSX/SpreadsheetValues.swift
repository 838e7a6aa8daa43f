/// How spreadsheet cells become the texts rows carry: numbers without Excel's float noise, date
/// serials as ISO dates in either date system.
enum SpreadsheetValues {
    /// `393331234567` stays digits, `8.0` is `8`, `1.5` stays `1.5`. A whole number beyond Excel's
    /// 15 significant digits has lost digits already: it is written in E notation, which the
    /// rules flag (for a phone, `phone_mangled_by_excel`) instead of trusting.
    static func number(_ raw: String) -> String {
        // Whole numbers as Excel writes them ("393331234567") are already what we want.
        if raw.utf8.count < 16, !raw.isEmpty, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), raw.utf8.first != 48 || raw == "0" {
            return raw
        }
        guard let value = Double(raw), value.isFinite else { return raw }
        if value == value.rounded(.towardZero) {
            if abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
            return "\(value)".uppercased()
        }
        return "\(value)"
    }

    /// A date serial as `2026-05-31` (with ` 14:30:00` when it has a time). In the 1900 system
    /// Excel counts a 29 February 1900 that never was, so serials from 61 on are one day ahead.
    static func date(serial: Double, date1904: Bool) -> String {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return number(String(serial)) }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        let sinceEpoch: Int
        if date1904 {
            sinceEpoch = days - 24_107
        } else {
            // Serial 60, the day that never was, is shown as 28 February.
            sinceEpoch = days - (days >= 60 ? 25_569 : 25_568)
        }
        let (year, month, day) = civil(fromDaysSince1970: sinceEpoch)
        var text = "\(year)-\(twoDigits(month))-\(twoDigits(day))"
        if seconds > 0 {
            text += " \(twoDigits(seconds / 3600)):\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))"
        }
        return text
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDaysSince1970 days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Excel's built-in number formats that show dates or times.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// True when a custom format code shows a date or time: a d, m, y, h or s outside quoted text,
    /// brackets ([Red], [$-409]) and escaped characters.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default:
                if !inQuotes, !inBrackets, "dmyhs".contains(character) { return true }
            }
        }
        return false
    }
}

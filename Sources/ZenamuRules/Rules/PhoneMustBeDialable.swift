import ZenamuCore

/// The phone in E.164, through libphonenumber, with `--region` (or the header's country) assumed
/// for national numbers. Columns are tried best first: mobile, phone, home, work.
///
/// Nothing the customer gave is thrown away when it can be kept: a number libphonenumber parses but
/// does not know as valid (`+420 123456789`) is kept with a warning. A number Excel destroyed
/// (`4.20603E+11`) cannot be repaired, only flagged: it is left out, never imported wrong. A cell
/// with a note or a second number (`603 123 456 (mobil)`) gives the real number inside it.
public struct PhoneMustBeDialable: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [
        .phoneMangledByExcel, .phoneUnparseable, .phoneNeedsRegion, .phoneNotValid, .phoneCountryCodeAssumed,
        .phoneFoundInText, .phoneFirstOfSeveral,
    ]

    public static let examples = [
        IssueExamples(
            kind: .phoneMangledByExcel,
            when: "`4.20603E+11`: the digits are gone, so the phone is left out, never imported wrong",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "4.20603E+11"]],
                             raises: [1: [.phoneMangledByExcel]], region: "CZ"),
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "+420 603 123 456"]],
                             region: "CZ"),
            ]),
        IssueExamples(
            kind: .phoneNotValid,
            when: "parses but is no real number (`+420 123456789`): kept in E.164, to be checked",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "+420 123456789"]],
                             raises: [1: [.phoneNotValid]], region: "CZ"),
            ]),
        // With `--region CZ`, libphonenumber takes the country code off by itself: no warning.
        IssueExamples(
            kind: .phoneCountryCodeAssumed, when: "`420603123456` read as `+420603123456`",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "420603123456"]],
                             raises: [1: [.phoneCountryCodeAssumed]], region: "SK"),
            ]),
        IssueExamples(
            kind: .phoneFoundInText,
            when: "a number and more in one cell (`603 123 456 (mobil)`): the real number inside it, found by libphonenumber's matcher, is kept (read whole, the note's letters would have been digits)",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "603 123 456 (mobil)"]],
                             raises: [1: [.phoneFoundInText]], region: "CZ"),
            ]),
        IssueExamples(
            kind: .phoneFirstOfSeveral,
            when: "two numbers or more in one cell (`603 123 456 / 777 123 456`, or on two lines): the first is kept, the others are named in the message. A cell of digits and spaces alone is read as one number, never searched for a shorter one",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"],
                             rows: [["Ada Example", "ada@example.com", "603 123 456 / 777 123 456"],
                                    ["Ben Example", "ben@example.com", "603 123 456\n777 123 456"]],
                             raises: [1: [.phoneFirstOfSeveral], 2: [.phoneFirstOfSeveral]], region: "CZ"),
            ]),
        IssueExamples(
            kind: .phoneNeedsRegion,
            when: "a national number and no country known: left out; use `--region` (the customer is asked for the number with its international code, with no country's example)",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "603 123 456"]],
                             raises: [1: [.phoneNeedsRegion]]),
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "603 123 456"]],
                             region: "CZ"),
                // The row's own country column decides, in any of the ten languages.
                IssueExample(header: ["Name", "Email", "Phone", "Country"],
                             rows: [["Ada Example", "ada@example.com", "603 123 456", "Czech Republic"],
                                    ["Ben Example", "ben@example.com", "07400 123456", "UK"]]),
            ]),
        IssueExamples(
            kind: .phoneUnparseable,
            when: "not a phone number (or longer than any phone): left out. Any space between digits (no-break, narrow, thin, a tab) is a space",
            examples: [
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Ada Example", "ada@example.com", "call me"]],
                             raises: [1: [.phoneUnparseable]], region: "CZ"),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        // The row's own country, where the list has a column for it, decides a national number.
        var context = context
        if let country = raw[.country].flatMap({ CountryNames.region(for: $0.text) }), context.phones.isKnownRegion(country) {
            context.region = country
        }
        var fallback: (phone: Phone, value: RawValue, region: String)?
        var problems = RowIssues(file: issues.file, row: issues.row)
        for (field, value) in raw.values where field == .phone {
            let text = Self.plainSpaces(value.text)
            // libphonenumber's cost grows with the square of its input: a long cell is no phone,
            // and is not handed to it.
            if text.utf8.count > Self.maxBytes {
                problems.add(.phoneUnparseable, value, field: .phone)
                continue
            }
            if Self.isScientific(text) {
                problems.add(.phoneMangledByExcel, value, field: .phone)
                continue
            }
            // Keeps `phone` for the client; `kind` is the warning that says how it was read.
            func keep(_ phone: ParsedPhone, _ kind: IssueKind? = nil) {
                record.phone = Phone(e164: phone.e164, original: value.text)
                if let kind { problems.add(kind, value, field: .phone, suggestion: phone.e164) }
                issues.add(contentsOf: problems)
            }
            let (parsed, whole) = Self.reading(text, region: context.region, phones: context.phones)
            if let parsed, parsed.isValid, whole { return keep(parsed) }
            // "420603123456": the country code without its "+".
            if parsed != nil, whole, !text.hasPrefix("+"),
               case let (withPlus?, true) = Self.reading("+" + text, region: nil, phones: context.phones), withPlus.isValid {
                return keep(withPlus, .phoneCountryCodeAssumed)
            }
            // "603 123 456 (mobil)", "603 123 456 / 777 123 456": a real number inside the cell,
            // found by libphonenumber's matcher (read whole, the note's letters were digits and the
            // two numbers one). The first is kept, and the customer is told what was left out.
            if Self.holdsMoreThanANumber(text), let (found, count) = context.phones.find(in: text, defaultRegion: context.region),
               Self.isWritten(found, in: text) {
                return keep(found, count > 1 ? .phoneFirstOfSeveral : .phoneFoundInText)
            }
            guard let parsed else {
                let international = text.hasPrefix("+") || text.hasPrefix("00")
                problems.add(context.region == nil && !international ? .phoneNeedsRegion : .phoneUnparseable,
                             value, field: .phone)
                continue
            }
            // Valid only without its letters ("603123456mobil"): the number touches the word, so
            // the matcher, which wants a number standing apart, did not find it.
            if parsed.isValid { return keep(parsed, .phoneFoundInText) }
            if fallback == nil {
                fallback = (Phone(e164: parsed.e164, original: value.text), value, parsed.region ?? context.region ?? "")
            }
        }
        if let fallback {
            record.phone = fallback.phone
            let country = fallback.region.isEmpty ? "its country" : fallback.region
            problems.add(.phoneNotValid, fallback.value, field: .phone,
                         details: ["e164": fallback.phone.e164, "country": country])
        }
        issues.add(contentsOf: problems)
    }

    /// libphonenumber's reading of `text`, with letters never taken for digits: read whole, three
    /// letters or more are a phone keypad's digits (`1-800-FLOWERS`), which in a client list makes
    /// `603 123 (mob)` the valid +420603123662 that nobody wrote. When the reading is not made of
    /// the text's own digits, the text without its letters is read instead, and `whole` is false:
    /// the cell is a number and something else.
    static func reading(_ text: String, region: String?, phones: any PhoneParsing) -> (ParsedPhone?, whole: Bool) {
        let parsed = phones.parse(text, defaultRegion: region)
        guard let parsed, !isWritten(parsed, in: text) else { return (parsed, true) }
        let letterless = String(decoding: text.utf8.filter { !ASCIIBytes.isLetter($0) }, as: UTF8.self)
        return (phones.parse(letterless, defaultRegion: region), false)
    }

    /// Whether `phone`, read from `text`, is made of the text's own digits: its national number is
    /// a run of them, as it is whatever the prefixes, separators or extension around it. Only a
    /// keypad reading makes digits up, and only from letters: a text without them is not searched.
    static func isWritten(_ phone: ParsedPhone, in text: String) -> Bool {
        // A phone keypad's letters, which libphonenumber reads as digits, are the 26 of ASCII.
        guard text.utf8.contains(where: { ASCIIBytes.isLetter($0) }) else { return true }
        // libphonenumber reads digits of any script (Arabic-Indic, fullwidth) as their values.
        let digits = text.compactMap { $0.isNumber ? $0.wholeNumberValue.map(String.init) : nil }.joined()
        return digits.contains(phone.nationalNumber)
    }

    /// Whether `text` has more than a number's characters (digits, spaces, `+ - . ( )`): words,
    /// a slash, a comma, a line break. Only such a cell is searched for a number inside it: the
    /// search costs as much as thirty readings, and a cell of digits alone is one number or none,
    /// not a place to pick a shorter one from.
    static func holdsMoreThanANumber(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8 { bytes in
            bytes.contains { byte in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "+"), UInt8(ascii: "-"),
                     UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                    false
                default: true
                }
            }
        }
    }

    /// `text` with every horizontal space as a plain one: software writes phones with no-break,
    /// narrow or thin spaces (`06 12 34 56 78` in French, U+202F), which libphonenumber knows
    /// only in part and would call no number at all. Line breaks are kept: two numbers on two
    /// lines are not one.
    static func plainSpaces(_ text: String) -> String {
        // Most phones are ASCII without a tab: nothing to do, by their bytes.
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 >= 0x80 || $0 == 0x09 } }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let space = scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
            scalars.append(space ? " " : scalar)
        }
        return String(scalars)
    }

    /// The longest text read as a phone: "+420 (603) 123 456 ext. 12345" is 30; E.164 has at most
    /// 15 digits.
    static let maxBytes = 64

    /// `4.20603E+11`, `4,20603E+11`: what Excel shows for a long number, with the digits gone; or
    /// the same saved back as a number cell, `420603000000`: eleven digits or more ending in five
    /// zeros, which no real phone written as bare digits does.
    static func isScientific(_ text: String) -> Bool {
        // Neither form without an `e` or a run of zeros at the end: most phones, by their bytes.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), !text.utf8.reversed().starts(with: "00000".utf8) {
            return false
        }
        if text.count >= 11, text.allSatisfy(\.isASCIIDigit), text.hasSuffix("00000") { return true }
        let compact = text.filter { !$0.isWhitespace }
        guard let e = compact.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = compact[..<e].drop { $0 == "+" }, exponent = compact[compact.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && !exponent.isEmpty
            && mantissa.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } && mantissa.first?.isNumber == true
            && exponent.allSatisfy(\.isNumber)
    }
}

extension IssueKind {
    public static let phoneMangledByExcel = IssueKind(
        "phone_mangled_by_excel", .warning,
        english: "The phone \"{value}\" was turned into a rounded number by Excel and its last digits are lost; it was left out. Type the number again, or export the file without opening it in Excel.")
    public static let phoneUnparseable = IssueKind(
        "phone_unparseable", .warning,
        english: "\"{value}\" is not a phone number; it was left out. Correct it if the client should have a phone.")
    public static let phoneNeedsRegion = IssueKind(
        "phone_needs_region", .warning,
        english: "The phone \"{value}\" has no country code and the file's country is unknown; it was left out. Write it with its international code, starting with +.")
    public static let phoneNotValid = IssueKind(
        "phone_not_valid", .warning,
        english: "The phone \"{value}\" was kept as {e164}, but no such number exists in {country}'s numbering plan. Check it.",
        onRejectedRow: "The phone \"{value}\" would be kept as {e164}, but no such number exists in {country}'s numbering plan. Check it.")
    public static let phoneFoundInText = IssueKind(
        "phone_found_in_text", .warning,
        english: "Only part of \"{value}\" is a phone number: {suggestion} was read from it and the rest left out. Check it.")
    public static let phoneFirstOfSeveral = IssueKind(
        "phone_first_of_several", .warning,
        english: "\"{value}\" holds more than one phone number: the first, {suggestion}, was kept and the others left out. Add them to the client by hand if they are needed.")
    public static let phoneCountryCodeAssumed = IssueKind(
        "phone_country_code_assumed", .warning,
        english: "The phone \"{value}\" starts with a country code but lacks the \"+\"; it was read as {suggestion}.")
}

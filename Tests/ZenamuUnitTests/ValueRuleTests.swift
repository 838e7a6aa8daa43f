import Foundation
import Testing
import ZenamuAdapters
import ZenamuAdapterKit
import ZenamuCore
import ZenamuPhone
import ZenamuRules

/// Runs the real rules (with the real libphonenumber) over one row under `header`.
func normalise(_ header: [String], _ cells: [String], region: String? = nil, language: String? = nil)
    -> (record: ClientRecord, issues: [ZenamuCore.Issue])
{
    let adapter = GenericClientList()
    let mapping = adapter.mapping(for: header)
    let row = SourceRow(number: 2, cells: cells)
    let context = RuleContext(file: "t.csv", region: region, language: language ?? mapping.language,
                              phones: LibPhoneNumber(), columns: mapping.bestColumns)
    let result = RuleBook.normalise(adapter.extract(row, mapping: mapping),
                                    provenance: Provenance(file: "t.csv", row: 2, cells: cells), context: context)
    return (result.record, result.issues.all)
}

@Suite("Numbers in any locale")
struct NumberTests {
    @Test(arguments: [
        ("1 000,50", "1000.5"), ("1.000,50", "1000.5"), ("1,000.50", "1000.5"), ("1000", "1000"),
        ("5 visits", "5"), ("$1,495.00", "1495"), ("150 Kč", "150"), ("€ 12,5", "12.5"), ("CZK 300", "300"),
        ("1\u{00A0}250", "1250"), ("8.0", "8"), ("0,5", "0.5"), ("-20", "-20"), ("(20)", "-20"),
    ])
    func reads(_ text: String, _ value: String) {
        guard case let .number(number, _) = NumberText.read(text, decimalComma: nil) else {
            Testing.Issue.record("\(text) was not read as a number")
            return
        }
        #expect("\(number)" == value)
    }

    @Test(arguments: ["", "---", "n/a", " "])
    func placeholdersAreBlank(_ text: String) {
        #expect(NumberText.read(text, decimalComma: nil) == .blank)
    }

    @Test(arguments: ["unlimited", "5 of 10", "1.2.3,4,5", "about twenty"])
    func textIsNotANumber(_ text: String) {
        #expect(NumberText.read(text, decimalComma: nil) == .notANumber)
    }

    @Test func oneSeparatorAndThreeDigitsFollowsTheFileLanguageAndIsFlagged() {
        #expect(NumberText.read("1.500", decimalComma: true) == .number(1500, ambiguous: true))
        #expect(NumberText.read("1.500", decimalComma: false) == .number(Decimal(string: "1.5")!, ambiguous: true))
        #expect(NumberText.read("1,500", decimalComma: nil) == .number(1500, ambiguous: true))
    }
}

@Suite("Normalisation rules, as issues")
struct RuleTests {
    let zenamu = ["name and surname", "email", "entries", "credits", "phone", "consent"]

    @Test func emailIsTrimmedAndLowerCased() {
        #expect(normalise(zenamu, ["Ann Lee", "  Ann.Lee@Example.COM ", "", "", "", ""]).record.email == "ann.lee@example.com")
    }

    @Test(arguments: [
        ("ann.example.com", nil), ("ann@example", nil), ("ann@@example.com", "ann@example.com"),
        ("ann lee@example.com", "annlee@example.com"), ("ann@example,com", "ann@example.com"), ("ann@.com", nil),
    ] as [(String, String?)])
    func invalidEmailIsRejectedWithASuggestionWhenObvious(_ email: String, _ suggestion: String?) throws {
        let issues = normalise(zenamu, ["Ann", email, "", "", "", ""]).issues
        let issue = try #require(issues.first)
        #expect(issue.code == "invalid_email" && issue.severity == .error && issue.column?.header == "email")
        #expect(issue.suggestion == suggestion)
    }

    @Test(arguments: [("jana@gmial.com", "jana@gmail.com"), ("jana@seznam.cy", "jana@seznam.cz"), ("jana@hotmial.com", "jana@hotmail.com"),
                      ("jana@example.con", "jana@example.com"), ("jana@wp.pl", nil), ("jana@gmail.com", nil)] as [(String, String?)])
    func domainTypos(_ email: String, _ fix: String?) {
        let issues = normalise(zenamu, ["Jana", email, "", "", "", ""]).issues
        #expect(issues.first { $0.code == "email_domain_typo" }?.suggestion == fix)
    }

    @Test func twoAddressesInOneCellAreRejected() {
        #expect(normalise(zenamu, ["A", "a@x.com; b@x.com", "", "", "", ""]).issues.map(\.code) == ["multiple_emails"])
    }

    @Test func balanceNeedsAnEmailButAClientWithoutBalanceDoesNot() {
        let withBalance = normalise(zenamu, ["Ann", "", "5", "", "", ""]).issues
        #expect(withBalance.map(\.code) == ["email_required_for_balance"])
        #expect(withBalance[0].message.contains("5 entries"))
        #expect(withBalance[0].column?.header == "email")
        let zero = normalise(zenamu, ["Ann", "", "0", "0", "", ""]).issues
        #expect(zero.map(\.code) == ["email_missing"] && zero[0].severity == .warning)
    }

    @Test func balancesAreNumbersNeverNegativeEntriesWhole() {
        #expect(normalise(zenamu, ["A", "a@x.cz", "2,5", "", "", ""]).issues.map(\.code) == ["entries_not_whole"])
        #expect(normalise(zenamu, ["A", "a@x.cz", "-1", "", "", ""]).issues.map(\.code) == ["negative_balance"])
        #expect(normalise(zenamu, ["A", "a@x.cz", "", "-20", "", ""]).issues.map(\.code) == ["negative_balance"])
        #expect(normalise(zenamu, ["A", "a@x.cz", "lots", "", "", ""]).issues.map(\.code) == ["invalid_number"])
        let record = normalise(zenamu, ["A", "a@x.cz", "5 visits", "1 000,50", "", ""]).record
        #expect(record.entries == 5 && record.credits == Decimal(string: "1000.5"))
    }

    @Test func nameIsRequired() throws {
        let issue = try #require(normalise(zenamu, ["", "a@x.cz", "", "", "", ""]).issues.first)
        #expect(issue.code == "name_required" && issue.severity == .error && issue.column?.letter == "A")
    }

    @Test func namesInEveryShape() {
        #expect(normalise(["Client", "Email"], ["Nováková, Jana", "j@x.cz"]).record.name
            == PersonName(display: "Jana Nováková", given: "Jana", family: "Nováková", original: "Nováková, Jana"))
        #expect(normalise(["Last name", "First name", "Email"], ["Cho", "Mina", "m@x.com"]).record.name.display == "Mina Cho")
        // Hungarian is written family name first, and stays so.
        let hungarian = normalise(["Név", "E-mail"], ["Kovács János", "k@x.hu"]).record.name
        #expect(hungarian.display == "Kovács János" && hungarian.family == "Kovács" && hungarian.given == "János")
        #expect(normalise(["Vezetéknév", "Keresztnév", "E-mail"], ["Kovács", "János", "k@x.hu"]).record.name.display == "Kovács János")
        #expect(normalise(["Voornaam", "Tussenvoegsel", "Achternaam", "E-mail"], ["Daan", "van", "Dijk", "d@x.nl"]).record.name.display
            == "Daan van Dijk")
    }

    @Test(arguments: [
        ("yes", Consent.Value.yes), ("Ano", .yes), ("igen", .yes), ("Sì", .yes), ("oui", .yes), ("1", .yes), ("TRUE", .yes),
        ("no", .no), ("ne", .no), ("Nem", .no), ("non", .no), ("0", .no), ("opted out", .no),
        ("", .unknown), ("maybe", .unknown),
    ])
    func consentIsTriState(_ token: String, _ value: Consent.Value) {
        let result = normalise(zenamu, ["A", "a@x.cz", "", "", "", token])
        #expect(result.record.consent.value == value)
        // A blank is simply unknown; an unknown word is unknown with a warning; neither is ever yes.
        #expect(result.issues.map(\.code) == (value == .unknown && !token.isEmpty ? ["consent_unclear"] : []))
    }

    @Test func optOutColumnsAreInverted() {
        #expect(normalise(["Name", "Email", "Unsubscribed"], ["A", "a@x.com", "yes"]).record.consent.value == .no)
        #expect(normalise(["Name", "Email", "Unsubscribed"], ["A", "a@x.com", "no"]).record.consent.value == .yes)
    }
}

@Suite("Phones through libphonenumber")
struct PhoneTests {
    let header = ["Name", "Email", "Mobile", "Home phone"]

    func phone(_ mobile: String, home: String = "", region: String? = "CZ") -> (String?, [String]) {
        let result = normalise(header, ["A", "a@x.cz", mobile, home], region: region)
        return (result.record.phone?.e164, result.issues.map(\.code))
    }

    @Test func nationalNumbersUseTheRegion() {
        #expect(phone("603 123 456").0 == "+420603123456")
        #expect(phone("06 30 123 4567", region: "HU").0 == "+36301234567")
        #expect(phone("+33 6 12 34 56 78").0 == "+33612345678")
        #expect(phone("00421 905 123 456").0 == "+421905123456")
    }

    @Test func excelScientificNotationIsFlaggedAndLeftOut() {
        #expect(phone("4.20603E+11") == (nil, ["phone_mangled_by_excel"]))
        #expect(phone("4,20603E+11") == (nil, ["phone_mangled_by_excel"]))
    }

    @Test func aNumberThatParsesButIsNotValidIsKeptWithAWarning() {
        #expect(phone("+420 123456789") == ("+420123456789", ["phone_not_valid"]))
    }

    @Test func aCountryCodeWithoutPlusIsRecognised() {
        // In a Czech file libphonenumber itself knows 420 as the country's own code.
        #expect(phone("420603123456") == ("+420603123456", []))
        // In a Hungarian file it is a foreign number written without its "+": read, and said so.
        #expect(phone("420603123456", region: "HU") == ("+420603123456", ["phone_country_code_assumed"]))
    }

    @Test func withoutRegionANationalNumberCannotBeRead() {
        #expect(phone("603 123 456", region: nil) == (nil, ["phone_needs_region"]))
        #expect(phone("call me", region: "CZ") == (nil, ["phone_unparseable"]))
    }

    @Test func theNextColumnIsTriedWhenTheBestIsEmptyOrBroken() {
        #expect(phone("", home: "603 123 456") == ("+420603123456", []))
        #expect(phone("4.20603E+11", home: "603 123 456") == ("+420603123456", ["phone_mangled_by_excel"]))
    }
}

extension PhoneTests {
    /// French software writes "06 12 34 56 78" with narrow no-break spaces (U+202F), others with
    /// thin, figure or no-break spaces, or a tab: each is a space between digits, and the client
    /// keeps the phone as it was written.
    @Test func anyHorizontalSpaceBetweenDigitsIsASpace() {
        for space in ["\u{202F}", "\u{A0}", "\u{2009}", "\u{2007}", "\u{3000}", "\t"] {
            let written = ["06", "12", "34", "56", "78"].joined(separator: space)
            let result = normalise(header, ["A", "a@x.fr", written, ""], region: "FR")
            #expect(result.record.phone == Phone(e164: "+33612345678", original: written), "\(written.debugDescription)")
            #expect(result.issues.isEmpty, "\(written.debugDescription)")
        }
        // A line break is not a space: two numbers on two lines are two, not one.
        #expect(phone("603 123 456\n777 123 456") == ("+420603123456", ["phone_first_of_several"]))
    }

    /// A cell with a note or a second number is not a phone as a whole (read whole, "mobil" would
    /// be the digits 66245 of a vanity number): the real number inside it is kept, and said so.
    @Test func aNumberInsideACellIsFoundAndTheRestNamed() {
        #expect(phone("603 123 456 (mobil)") == ("+420603123456", ["phone_found_in_text"]))
        #expect(phone("práce: +420 603 123 456, jen odpoledne") == ("+420603123456", ["phone_found_in_text"]))
        #expect(phone("603 123 456 / 777 123 456") == ("+420603123456", ["phone_first_of_several"]))
        #expect(phone("603 123 456; +36 30 123 4567") == ("+420603123456", ["phone_first_of_several"]))
        // With nothing real inside, as before: kept with a warning, or left out. Digits alone are
        // one number or none: no shorter number is picked out of them.
        #expect(phone("+420 123456789") == ("+420123456789", ["phone_not_valid"]))
        #expect(phone("+420 111 603123456") == ("+420111603123456", ["phone_not_valid"]))
        #expect(phone("call me") == (nil, ["phone_unparseable"]))
        // The message names what was kept, in the customer's language.
        let issue = Issue(.phoneFirstOfSeveral, file: "klienti.csv", row: 2, value: "603 123 456 / 777 123 456",
                          suggestion: "+420603123456")
        #expect(MessageLanguage.czech.catalogue.message(for: issue)
            == "„603 123 456 / 777 123 456“ obsahuje víc telefonních čísel: první, +420603123456, bylo uloženo, ostatní byla vynechána. "
            + "Pokud jsou potřeba, doplňte je klientovi ručně.")
    }

    /// libphonenumber reads three letters or more as the digits of a phone keypad (vanity
    /// numbers): a short number with a note would become a real-looking number nobody wrote.
    /// Letters are never digits here: the number is what the digits say, and the note is named.
    @Test func lettersAreNeverReadAsDigits() {
        // "603 123" is two digits short; read whole, "mob" made it +420603123662, a valid number.
        #expect(phone("603 123 (mob)") == ("+420603123", ["phone_not_valid"]))
        #expect(phone("603 123 (mobil)") == ("+420603123", ["phone_not_valid"]))
        // The digits alone are the number, written next to a word with no space.
        #expect(phone("603123456mobil") == ("+420603123456", ["phone_found_in_text"]))
        // An extension is left out, as before; a word before the number changes nothing.
        #expect(phone("603 123 456 ext. 12") == ("+420603123456", []))
        // libphonenumber's matcher reads keypad letters too: what it finds is held to the same rule.
        #expect(phone("06 54981ext. 12", region: "FR").0 != "+33654981398")
        #expect(phone("tel. 603 123 456") == ("+420603123456", []))
        #expect(phone("mob (603) 123 456") == ("+420603123456", []))
        // Nothing but letters is no phone, whatever a keypad would make of them.
        #expect(phone("FLOWERS") == (nil, ["phone_unparseable"]))
    }

    /// Whatever note sits beside a number, and wherever, the phone kept is made of the cell's own
    /// digits: its national number is a run of them; a keypad reading would add digits nobody wrote.
    @Test func aKeptPhoneIsMadeOfTheCellsDigits() {
        var random = SplitMix(seed: 41)
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        let starts = ["+420 ", "+33 ", "+36 ", "0", "06 ", "", "00420 "]
        let notes = ["mob", "(mob)", "mobil", "home", "job", "práce", "tel.", "ext. 12", "x", "FLOWERS", "jen odpoledne", "SMS"]
        var kept = 0, withNotes = 0
        for index in 0..<3_000 {
            var digits = pick(starts)
            for _ in 0..<(1 + random.next() % 4) { digits += String(random.next() % 1_000) + pick([" ", "", "-"]) }
            let note = pick(notes)
            let cell = switch index % 4 {
            case 0: digits + " " + note
            case 1: note + " " + digits
            case 2: digits + note
            default: digits
            }
            let region = pick(["CZ", "FR", "HU"])
            guard let e164 = phone(cell, region: region).0 else { continue }
            kept += 1
            if index % 4 != 3 { withNotes += 1 }
            let written = String(cell.filter { $0.isASCII && $0.isNumber })
            let national = LibPhoneNumber().parse(e164, defaultRegion: nil)?.nationalNumber ?? "?"
            #expect(written.contains(national), "\(cell.debugDescription) in \(region) kept as \(e164)")
        }
        #expect(kept > 1_000 && withNotes > 700, "\(kept) kept, \(withNotes) with a note")
    }

    @Test func aNumberCellThatLostItsDigitsIsNotTrusted() {
        // 4.20603E+11 saved back as a number cell: 420603000000.
        #expect(phone("420603000000") == (nil, ["phone_mangled_by_excel"]))
        #expect(phone("420603123456", region: "HU").0 == "+420603123456")
    }
}

@Suite("Slashed expiry dates")
struct SlashedDateTests {
    @Test func aDateWithOneReadingIsReadAndOneWithTwoIsNot() {
        #expect(PassExpiry.slashed("15/01/2026") == .date("2026-01-15"))
        #expect(PassExpiry.slashed("01/15/2026") == .date("2026-01-15"))
        #expect(PassExpiry.slashed("04/04/2026 00:00") == .date("2026-04-04"))
        #expect(PassExpiry.slashed("03/04/2026") == .ambiguous(dayFirst: "2026-04-03", monthFirst: "2026-03-04"))
        #expect(PassExpiry.slashed("03/04/2026", order: .monthFirst) == .date("2026-03-04"))
        #expect(PassExpiry.slashed("03/04/26", order: .dayFirst) == .date("2026-04-03"))
        // No such day either way: not a date we read.
        #expect(PassExpiry.slashed("31/02/2026") == .notSlashed)
        #expect(PassExpiry.slashed("2026-01-15") == .notSlashed)
    }
}

import Foundation
import Testing
@testable import ZenamuAdapters
@testable import ZenamuCore
@testable import ZenamuPhone
@testable import ZenamuRules
@testable import ZenamuSinks
import ZenamuAdapterKit
@testable import ZenamuErrorWorkbook

/// The byte-level paths that make `convert` fast give exactly the answers of the character-level
/// code they stand in for, on thousands of generated cells, so that no output byte changes.
@Suite("Fast paths agree with the reference")
struct FastPathTests {
    /// Cells glued from `pieces`, seeded, so a failure is the same on every run.
    struct Cells {
        var random: SplitMix
        let pieces: [String]

        init(state: UInt64, pieces: [String]) {
            random = SplitMix(seed: state)
            self.pieces = pieces
        }

        mutating func next() -> UInt64 { random.next() }

        mutating func cell(maxPieces: Int = 8) -> String {
            (0..<Int(next() % UInt64(maxPieces + 1))).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func emailValidityByBytesIsByCharacters() {
        var cells = Cells(state: 1, pieces: ["a", "Z", "jana", "0", "9", ".", "..", "@", "-", "_", "+", " ", "gmail",
                                             "com", "cz", "xn--", "é", "š", "\u{301}", "\r\n", "\t", "'", ",", "1"])
        for _ in 0..<20_000 {
            let address = cells.cell(maxPieces: 10)
            #expect(EmailAddress.isValid(address) == EmailAddress.isValidByCharacters(address), "\(address.debugDescription)")
        }
        #expect(EmailAddress.isValid("jana.novakova@seznam.cz") && !EmailAddress.isValid("jana..novakova@seznam.cz"))
    }

    /// The hidden list's cell, built as bytes, is the tab-joined text it always was, and reads back.
    @Test func aKnownClientsCellIsItsDetailsJoinedByTabs() {
        var generator = SplitMix(seed: 7)
        let rows = [0, 1, 9, 10, 99, 100, 1_048_576, Int.max, -1, Int.min]
        for index in 0..<2_000 {
            let digest = index < 3 ? [0, 1, UInt64.max][index] : generator.next() >> (generator.next() % 64)
            let row = index < rows.count ? rows[index] : Int(generator.next() % 2_000_000)
            let client = KnownClient(email: "client\(index)@example.com", name: "Šárka Nováková \(index)", digest: digest,
                                     original: RowReference(file: "klienti #\(index).csv", row: row))
            let expected = "client\(index)@example.com\tŠárka Nováková \(index)\t\(String(digest, radix: 16))\t"
                + "klienti #\(index).csv #\(row)"
            #expect(client.cells == [expected])
            if row >= 1 { #expect(KnownClient(cells: client.cells) == client) }
        }
    }

    @Test func domainTyposByBytesAreByEditDistance() {
        var cells = Cells(state: 2, pieces: ["g", "m", "a", "i", "l", ".", "com", "co", "cz", "seznam", "hotmial", "yaho",
                                             "o", "-", "1", "fr", "outlok", "gmial"])
        var found = 0
        for _ in 0..<20_000 {
            let domain = cells.cell(maxPieces: 5)
            let byBytes = EmailAddress.commonDomainsOneTypoByBytes(domain)
            #expect(byBytes == EmailAddress.commonDomainsOneTypoFrom(domain), "\(domain)")
            #expect(EmailAddress.firstLabelLength(ascii: domain) == EmailAddress.firstLabelLength(domain), "\(domain)")
            if !byBytes.isEmpty { found += 1 }
        }
        // And domains a few random edits from the common ones, where the typos are.
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789.-")
        for _ in 0..<20_000 {
            var domain = Array(EmailAddress.commonDomains[Int(cells.next() % UInt64(EmailAddress.commonDomains.count))])
            for _ in 0..<Int(cells.next() % 3) {
                let at = Int(cells.next() % UInt64(domain.count))
                switch cells.next() % 4 {
                case 0: domain.remove(at: at)
                case 1: domain.insert(alphabet[Int(cells.next() % UInt64(alphabet.count))], at: at)
                case 2: domain[at] = alphabet[Int(cells.next() % UInt64(alphabet.count))]
                default: if at + 1 < domain.count { domain.swapAt(at, at + 1) }
                }
            }
            let text = String(domain)
            let byBytes = EmailAddress.commonDomainsOneTypoByBytes(text)
            #expect(byBytes == EmailAddress.commonDomainsOneTypoFrom(text), "\(text)")
            if !byBytes.isEmpty { found += 1 }
        }
        #expect(found > 5_000)
        #expect(EmailAddress.domainTypoFix("jana@gmial.com") == "jana@gmail.com")
    }

    @Test func wholeNumbersByBytesAreByCharacters() {
        var cells = Cells(state: 3, pieces: ["0", "1", "5", "9", "12", " ", "\u{00A0}", ",", ".", "-", "(", ")", "x",
                                             "vstupy", " Kč", "\u{301}", "€", "1234567890"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            if let whole = NumberText.plainWhole(text) {
                #expect(NumberText.readByCharacters(text, decimalComma: true) == .number(Decimal(whole), ambiguous: false),
                        "\(text.debugDescription)")
            }
        }
        #expect(NumberText.plainWhole("3 vstupy") == 3 && NumberText.plainWhole("1 000") == nil)
    }

    @Test func latinLowerCaseIsWhatSwiftGives() {
        for value in UInt32(0)..<0x250 {
            guard let scalar = Unicode.Scalar(value), let lower = FNV1a.lowerLatin(value) else { continue }
            #expect(String(scalar).lowercased().unicodeScalars.map(\.value) == [lower], "U+\(String(value, radix: 16))")
        }
        #expect(FNV1a.lowerLatin(0x160) == 0x161 && FNV1a.lowerLatin(0x130) == nil && FNV1a.lowerLatin(0x180) == nil)
    }

    @Test func sameClientDigestByBytesIsByText() {
        var cells = Cells(state: 4, pieces: ["Jana", "NOVÁKOVÁ", " ", "  ", "\t", "\u{00A0}", "Ödön", "İ", "ß", "e\u{301}",
                                             "\r\n", "O'Neil", "Σ", "👩‍👩‍👧", "\u{2003}"])
        for index in 0..<20_000 {
            let display = cells.cell()
            var record = ClientRecord(provenance: Provenance(file: "a.csv", row: index, cells: []))
            record.name = PersonName(display: display)
            record.entries = index % 3 == 0 ? nil : index
            record.credits = index % 4 == 0 ? nil : Decimal(string: "\(index % 1_000).\(index % 7)")
            record.consent.value = [.yes, .no, .unknown][index % 3]
            #expect(record.sameClientDigest == record.sameClientDigestByText, "\(display.debugDescription)")
        }
    }

    @Test func packedContactByBytesMissesNone() {
        var cells = Cells(state: 5, pieces: ["Mia", " ", "Chen", "+1", "604", "555", "@", "\n", "\u{2028}", "\u{0085}",
                                             "Ž", "0182", "\r"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            if !PackedContact.mayBePacked(text) { #expect(PackedContact(unpacking: text) == nil, "\(text.debugDescription)") }
        }
    }

    @Test func reportIssuesWrittenDirectlyAreWhatJSONEncoderWrites() throws {
        var cells = Cells(state: 6, pieces: ["a", "é", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}",
                                             "\u{2028}", "😀", "„", " ", "\u{8}", "\u{C}"])
        let encoder = ReportJSON.encoder
        for index in 0..<5_000 {
            let issue = Issue(.invalidEmail, file: cells.cell(), row: index, column: ColumnRef(index: index % 30, header: cells.cell()),
                              field: index % 2 == 0 ? .email : nil, value: index % 3 == 0 ? nil : cells.cell(),
                              suggestion: index % 5 == 0 ? cells.cell() : nil)
            let report = ReportIssue(issue)
            #expect(ReportJSON.element(report) == (try ReportJSON.element(report, encoder: encoder)))
        }
    }

    @Test func csvQuotingByBytesIsByCharacters() {
        // The rule as first written, a character at a time. It missed a quote or a comma that a
        // combining mark joins into one character (`"́`), and "\r\n", which left a broken line;
        // the byte rule quotes those too, and otherwise agrees.
        func quotedByCharacters(_ cell: String) -> Bool {
            cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
        }
        var cells = Cells(state: 7, pieces: ["a", "Ž", ",", "\"", "\n", " ", "\t", "\u{A0}", "\u{2003}", "\u{301}", "=",
                                             "x"])
        for _ in 0..<20_000 {
            let cell = cells.cell()
            let specials: Set<UInt8> = [0x2C, 0x22, 0x0A, 0x0D]
            let special = cell.utf8.contains(where: specials.contains)
            let agrees = CanonicalCSV.needsQuotes(cell) == quotedByCharacters(cell)
            #expect(agrees || (CanonicalCSV.needsQuotes(cell) && special), "\(cell.debugDescription)")
        }
        #expect(CanonicalCSV.line(["Nováková, Jana", "say \"hi\"", " x", "plain"]) == #""Nováková, Jana","say ""hi"""," x",plain"#)
    }

    @Test func trimmingByBytesIsByCharacters() {
        func byCharacters(_ text: String) -> String {
            let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
            guard let start = text.firstIndex(where: { !isSpace($0) }),
                  let end = text.lastIndex(where: { !isSpace($0) }) else { return "" }
            return String(text[start...end])
        }
        var cells = Cells(state: 9, pieces: ["a", " ", "\t", "\u{A0}", "\u{FEFF}", "\r\n", "\u{301}", "\u{0605}", "Ž", "\u{1}",
                                             "\u{7F}", "x", "\u{2003}"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            #expect(text.trimmed == byCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func excelNumbersByBytesAreByCharacters() {
        var cells = Cells(state: 10, pieces: ["4", "2", "0", "00000", ".", ",", "E", "e", "+", "11", " ", "603", "\u{A0}"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            let compact = text.filter { !$0.isWhitespace }
            let reference: Bool = {
                if text.count >= 11, text.allSatisfy(\.isASCIIDigit), text.hasSuffix("00000") { return true }
                guard let e = compact.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
                let mantissa = compact[..<e].drop { $0 == "+" }, exponent = compact[compact.index(after: e)...].drop { $0 == "+" }
                return !mantissa.isEmpty && !exponent.isEmpty
                    && mantissa.allSatisfy { $0.isNumber || $0 == "." || $0 == "," } && mantissa.first?.isNumber == true
                    && exponent.allSatisfy(\.isNumber)
            }()
            #expect(PhoneMustBeDialable.isScientific(text) == reference, "\(text.debugDescription)")
        }
    }

    @Test func unreadableTextByBytesIsByScalars() {
        var cells = Cells(state: 9, pieces: ["a", "é", "\u{0}", "\u{1F}", "\t", "\n", "\r", "\u{7F}", "\u{80}", "\u{9F}",
                                             "\u{A0}", "\u{C2}", "\u{FFFD}", "\u{FFFC}", "\u{FFFE}", "\u{FFFF}", "\u{EFBF}",
                                             "\u{10000}", "ř", "😀"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            #expect(TextMustBeReadable.isUnreadable(text) == TextMustBeReadable.isUnreadableByScalars(text),
                    "\(text.debugDescription)")
        }
    }

    @Test func aRowsValuesKeepTheFieldsOrderAndBestFirst() {
        #expect(CanonicalField.allCases.map(\.order) == Array(CanonicalField.allCases.indices))
        func value(_ text: String) -> RawValue { RawValue(text: text, column: ColumnRef(index: 0, header: "")) }
        var values = FieldValues()
        values.append(value("+420 601 111 222"), for: .phone)
        values.append(value("Jana"), for: .fullName)
        values.append(value("602 333 444"), for: .phone)
        values.append(value("jana@example.cz"), for: .email)
        #expect(values.map(\.field) == [.fullName, .email, .phone, .phone])
        #expect(values[.phone]?.map(\.text) == ["+420 601 111 222", "602 333 444"])
        #expect(values.first(.phone)?.text == "+420 601 111 222" && values[.credits] == nil)
        values[.phone] = [value("777 000 111")]
        #expect(values.map(\.value.text) == ["Jana", "jana@example.cz", "777 000 111"])
    }

    @Test func decimalsPrintedFromTheirDigitsAreWhatFoundationPrints() {
        var cells = Cells(state: 10, pieces: [])
        for _ in 0..<20_000 {
            let magnitude = cells.next() % UInt64(10).power(Int(cells.next() % 20))
            let sign: FloatingPointSign = cells.next() % 3 == 0 ? .minus : .plus
            let value = Decimal(sign: sign, exponent: Int(cells.next() % 25) - 20, significand: Decimal(magnitude))
            #expect(value.plainText == "\(value)", "\(value)")
            let sum = value + Decimal(Int(cells.next() % 1000))
            #expect(sum.plainText == "\(sum)", "\(sum)")
        }
        for text in ["250.50", "0.05", "1000", "1e3", "-0", "0.000", "123456789012345678901234"] {
            let value = Decimal(string: text)!
            #expect(value.plainText == "\(value)", "\(text)")
        }
    }

    @Test func decimalsByBytesAreByCharacters() {
        let numbers = ["0", "1", "5", "9", "00", "250", "000", "1234567890", " ", ",", "."]
        var plain = Cells(state: 11, pieces: numbers)
        var noisy = Cells(state: 12, pieces: numbers + ["  ", "-", "a", "\u{A0}", "Kč", "\u{301}"])
        var fast = 0
        for round in 0..<20_000 {
            let text = round % 2 == 0 ? plain.cell(maxPieces: 5) : noisy.cell()
            guard let byBytes = NumberText.plainDecimal(text) else { continue }
            fast += 1
            for comma in [true, false, nil] {
                #expect(NumberText.readByCharacters(text, decimalComma: comma) == .number(byBytes, ambiguous: false),
                        "\(text.debugDescription)")
            }
        }
        #expect(fast > 500)
        #expect(NumberText.plainDecimal("1 000,50") == Decimal(string: "1000.5") && NumberText.plainDecimal("1.500") == nil)
    }

    @Test func lineLengthsByScalarsAreByCharacters() {
        var cells = Cells(state: 13, pieces: ["a", "Ř", "ž", "\n", "\n\n", "\r", "\r\n", "e\u{301}", "😀", "🇨🇿", "ß", "\u{2FF}",
                                             "\u{300}", " ", "word", "„", "“", "–", "…", "\u{200D}", "\u{2028}", "\u{20DD}", "\u{2040}"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            var lengths: [Int] = []
            LineLengths.forEach(in: text) { lengths.append($0) }
            #expect(lengths == text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count), "\(text.debugDescription)")
            #expect(LineLengths.longest(in: text) == (text.split(separator: "\n").map(\.count).max() ?? 0))
        }
    }

    @Test func oneLineTextShortcutIsTheCharacterRule() {
        var cells = Cells(state: 14, pieces: ["a", "Ř", "\n", "\u{1B}", "\u{202E}", "e\u{301}", "😀", "x", "long words ",
                                             "\u{85}", "\u{FFFE}"])
        for _ in 0..<20_000 {
            let text = cells.cell(maxPieces: 20)
            for limit in [5, 80] {
                #expect(OneLine.text(text, limit: limit) == OneLine.byCharacters(text, limit: limit), "\(text.debugDescription)")
            }
        }
    }

    @Test func wordsByBytesAreByCharacters() {
        var cells = Cells(state: 15, pieces: ["Jana", "Nováková", " ", "  ", " \u{301}", "e\u{301}", "\r\n", "\n", "Ödön", "😀", "„", "…", " \u{200D}", "\u{203C}\u{FE0F}"])
        for _ in 0..<20_000 {
            let text = cells.cell()
            #expect(text.wordsBetweenSpaces == text.split(separator: " "), "\(text.debugDescription)")
        }
    }

    @Test func aTwoWordNameSplitsAsTheGeneralSplitDoes() {
        var cells = Cells(state: 19, pieces: ["Jana", "Nováková", " ", " ", " \u{301}", "e\u{301}", "Ödön", "😀", "„", "x", "\t"])
        var twoWords = 0
        for _ in 0..<20_000 {
            let text = cells.cell(maxPieces: 4)
            let words = text.wordsBetweenSpaces.map(String.init)
            let fast = NameMustBePresent.twoWords(text)
            let singleSpaced = !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  ")
            if let fast {
                twoWords += 1
                #expect([fast.0, fast.1] == words, "\(text.debugDescription)")
            } else {
                #expect(words.count != 2 || !singleSpaced || !text.scalarsAreCharacters, "\(text.debugDescription)")
            }
        }
        #expect(twoWords > 300)
    }

    @Test func headerWordDeletionsByBytesAreByScalars() {
        var cells = Cells(state: 23, pieces: ["jméno", "e-mail", "telefon", "příjmení", "ő", "ü", "e\u{301}", "😀", " ", "ß", "x"])
        for _ in 0..<5_000 {
            let word = cells.cell(maxPieces: 4)
            #expect(HeaderDictionary.deletions(of: word) == HeaderDictionary.deletionsByScalars(of: word), "\(word.debugDescription)")
        }
    }

    @Test func consentWordsFoldedByTheTableAreFoldedByFoundation() {
        var cells = Cells(state: 17, pieces: ["Sì", "sí", "SOUHLASÍ", "souhlas", "ano", "Áno", "ne", "Né", "oui", "Accepté", "nem",
                                             " ", "\t", ".", "!", "opted", " in", "ß", "ı", "İ", "Ø", "ł", "FAŁSZ", "ő", "\n"])
        var words = 0
        for _ in 0..<20_000 {
            let text = cells.cell(maxPieces: 3)
            let answer = ConsentWords.readByFolding(text)
            if answer != nil { words += 1 }
            #expect(ConsentWords.read(text) == answer, "\(text.debugDescription)")
        }
        #expect(words > 2_000)
    }

    /// libphonenumber is handed a phone without its separators, and reads it as written: the
    /// same E.164, validity and country, or the same refusal.
    @Test func phonesHandedOverWithoutSeparatorsReadAsWritten() {
        let library = LibPhoneNumber()
        var random = SplitMix(seed: 29)
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        let starts = ["+420", "+33", "+39", "+36", "+44", "+1", "+49", "+48", "00420", "0036", "420", "0", "06", "", "+", "+0"]
        let separators = [" ", " ", "-", ".", "/", "(", ")", " (0) ", "  ", ""]
        let noise = ["x", "#", " ext. ", "a", ",", ";", "~", "+", "＋", "٣", "\u{a0}", "*"]
        let regions: [String?] = ["CZ", "FR", "IT", "HU", "GB", "US", "DE", "PL", nil]
        var compacted = 0, valid = 0, found = 0
        for index in 0..<6_000 {
            var phone = pick(starts)
            for _ in 0..<(1 + random.next() % 4) {
                phone += pick(separators) + String(random.next() % 1_000 + (index % 3 == 0 ? 0 : 100))
            }
            if index % 5 == 0 {
                let offset = Int(random.next() % UInt64(phone.count + 1))
                phone.insert(contentsOf: pick(noise), at: phone.index(phone.startIndex, offsetBy: offset))
            }
            let region = pick(regions)
            let parsed = library.parse(phone, defaultRegion: region)
            #expect(parsed == library.parseVerbatim(phone, defaultRegion: region), "\(phone.debugDescription) in \(region ?? "no region")")
            if Self.libraryInput(phone) != phone { compacted += 1 }
            if parsed?.isValid == true { valid += 1 }
            // Whatever the cell holds, a number found inside it is a real one.
            if index % 3 == 0, let (number, count) = library.find(in: phone, defaultRegion: region) {
                #expect(number.isValid && number.e164.hasPrefix("+") && (1...10).contains(count), "\(phone.debugDescription)")
                found += 1
            }
        }
        #expect(compacted > 3_000 && valid > 400 && found > 50, "\(compacted) compacted, \(valid) valid, \(found) found")
    }

    @Test func onlyDigitsAndSeparatorsAreCompacted() {
        #expect(Self.libraryInput("+420 603 123 456") == "+420603123456")
        #expect(Self.libraryInput("06.12.34.56.78") == "0612345678")
        #expect(Self.libraryInput("+44 (0)20 7946-0000") == "+4402079460000")
        #expect(Self.libraryInput("603 123 456 ext. 12") == "603 123 456 ext. 12")
        #expect(Self.libraryInput("(555) 123-4567") == "(555) 123-4567")
        #expect(Self.libraryInput("1 2") == "1 2")
        #expect(Self.libraryInput("+420 603+123") == "+420 603+123")
        #expect(Self.libraryInput("") == "")
    }

    private static func libraryInput(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { LibPhoneNumber.libraryInput(bytes, into: $0) }
        }
    }
}

private extension UInt64 {
    func power(_ exponent: Int) -> UInt64 { (0..<exponent).reduce(1) { product, _ in product * self } }
}

import Foundation
import Testing
import ZenamuCore
@testable import ZenamuReaders
import ZenamuAdapterKit
import ZenamuTestSupport

func encoded(_ text: String, _ encoding: String.Encoding) -> [UInt8] {
    Array(text.data(using: encoding) ?? Data())
}

@Suite("Reading CSV without assuming")
struct CSVReadingTests {
    func rows(_ bytes: [UInt8], name: String = "t.csv") throws -> (TableInfo, [SourceRow]) {
        let folder = try TemporaryFolder()
        var source = try TableReader.open(path: try folder.file(name, bytes).path).rows(sheet: 0)
        var rows: [SourceRow] = []
        while let row = try source.next() { rows.append(row) }
        return (source.info, rows)
    }

    func rows(_ text: String) throws -> [SourceRow] { try rows(Array(text.utf8)).1 }

    @Test func quotedDelimitersQuotesAndLineBreaks() throws {
        let read = try rows("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line\nbreak\"\nlast,row,here\n")
        #expect(read.map(\.cells) == [["a", "b", "c"], ["x, y", "say \"hi\"", "line\nbreak"], ["last", "row", "here"]])
        // A line break inside quotes does not start a new spreadsheet row.
        #expect(read.map(\.number) == [1, 2, 3])
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndings(_ end: String) throws {
        let read = try rows(["name,email", "Ann,ann@example.com", "Bob,bob@example.com"].joined(separator: end) + end)
        #expect(read.count == 3)
        #expect(read[2].cells == ["Bob", "bob@example.com"])
    }

    @Test func lastRowWithoutLineBreak() throws {
        #expect(try rows("a,b\n1,2").last?.cells == ["1", "2"])
    }

    @Test func blankLinesAreRowsToo() throws {
        // Excel shows a blank line as an empty row, so numbering keeps counting it.
        let read = try rows("a,b\n\n1,2\n")
        #expect(read.map(\.number) == [1, 2, 3] && read[1].isBlank)
    }

    @Test func unterminatedQuoteNamesTheRowAndColumn() throws {
        let error = try #require(throws: InputError.self) { try rows("name,email\n\"John,john@example.com\nJane,j@x.com\n") }
        #expect(error.row == 2 && error.column == "A")
        #expect(error.description.contains("never closes"))
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("Name,Note\n\"Doe; John\",x\n\"Roe; Jane\",y\n", ","),
        // PapaParse #910: Excel's "5,58199E+12" phones in a ;-file must not pull the guess to ','.
        ("Name;Phone\nJessica;5,58199E+12\nMark;4,20603E+11\nAnn;+420603123456\n", ";"),
    ])
    func delimiterIsSniffed(_ text: String, _ delimiter: String) throws {
        #expect(try rows(Array(text.utf8)).0.delimiter == delimiter)
    }

    @Test func excelSepLineDeclaresTheDelimiterAndIsNotARow() throws {
        let (info, read) = try rows(Array("sep=;\na;b\n1;2\n".utf8))
        #expect(info.delimiter == ";")
        #expect(read.map(\.number) == [1, 2] && read[0].cells == ["a", "b"])
    }

    static let josé = "name\nJosé\n"
    static let encodings: [([UInt8], String)] = [
        ([0xEF, 0xBB, 0xBF] + encoded(josé, .utf8), "UTF-8"),
        ([0xFF, 0xFE] + encoded(josé, .utf16LittleEndian), "UTF-16LE"),
        ([0xFE, 0xFF] + encoded(josé, .utf16BigEndian), "UTF-16BE"),
        (encoded(josé, .utf16LittleEndian), "UTF-16LE"),
        (encoded("name\nJosé Lefèvre, à côté de la rivière, très célèbre\n", .windowsCP1252), "WINDOWS-1252"),
    ]

    @Test(arguments: encodings)
    func encodingFromTheBytes(_ bytes: [UInt8], _ encoding: String) throws {
        let (info, read) = try rows(bytes)
        #expect(info.encoding == encoding)
        #expect(read[1].cells[0].hasPrefix("José"))
    }

    @Test func iso8859_2IsToldFromWindows1250() throws {
        let (info, read) = try rows(encoded("Jméno|E-mail\nŠárka Šťastná|s@example.cz\n", .isoLatin2))
        #expect(info.encoding == "ISO-8859-2")
        #expect(read[1].cells[0] == "Šárka Šťastná")
    }

    @Test func windows1250IsDetectedAndDecoded() throws {
        // "Příjmení;Šárka Nováková" in Windows-1250: š/Š live in 0x80–0x9F, where ISO-8859-2 has none.
        let bytes: [UInt8] = Array("P".utf8) + [0xF8, 0xED] + Array("jmen".utf8) + [0xED] + Array(";x\n".utf8)
            + [0x8A, 0xE1] + Array("rka Nov".utf8) + [0xE1, 0x6B, 0x6F, 0x76, 0xE1] + Array(";1\n".utf8)
        let (info, read) = try rows(bytes)
        #expect(info.encoding == "WINDOWS-1250")
        #expect(read.map(\.cells) == [["Příjmení", "x"], ["Šárka Nováková", "1"]])
    }

    @Test(arguments: [
        ("=\"0612345678\"", "0612345678"),
        ("'+420603123456", "+420603123456"),
        ("'0612", "0612"),
        ("'t Hooft", "'t Hooft"),
        ("  spaced\u{00A0}", "spaced"),
        ("=SUM(A1)", "=SUM(A1)"),
    ])
    func spreadsheetWrappersAreRemoved(_ raw: String, _ clean: String) {
        #expect(CellCleaner.clean(raw) == clean)
    }

    @Test func badInputFailsWithOneSentence() throws {
        let empty = try #require(throws: InputError.self) { try rows([]) }
        #expect(empty.description == "t.csv: the file is empty.")
        let spaces = try #require(throws: InputError.self) { try rows(Array("  \n\n".utf8)) }
        #expect(spaces.reason == "the file is empty.")
        let binary = try #require(throws: InputError.self) { try rows([0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0xFF, 0x13]) }
        #expect(binary.reason.hasPrefix("this is not a text file"))
        let zip = try #require(throws: InputError.self) { try rows([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], name: "c.csv") }
        #expect(zip.reason.contains("damaged"))
    }

    @Test func tokenizerKeepsMemoryBoundedOnAnOpenQuote() {
        var tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ","))
        let huge = [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "x"), count: CSVTokenizer.maxCellBytes + 10)
        #expect(throws: CSVTokenizer.Failure.unterminatedQuote(record: 1, column: 0)) {
            try tokenizer.feed(huge) { _ in }
        }
    }
}

/// The tokenizer appends runs of bytes; what it gives must be what the plain byte-at-a-time
/// reading of RFC 4180 (lenient where Excel is) gives, however the input is cut into chunks.
@Suite("The CSV tokenizer reads runs as it read bytes")
struct CSVTokenizerRunTests {
    /// The state machine a byte at a time, as the tokenizer was first written: the reference.
    struct ByteAtATime {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var state = State.fieldStart, field: [UInt8] = [], fields: [String] = [], records: [[String]] = []
        var skipLF = false

        mutating func read(_ bytes: [UInt8]) -> [[String]]? {
            for byte in bytes {
                if skipLF {
                    skipLF = false
                    if byte == 0x0A { continue }
                }
                switch state {
                case .fieldStart:
                    if byte == 0x22 { state = .quoted } else if !ends(byte) { field.append(byte); state = .unquoted }
                case .unquoted:
                    if !ends(byte) { field.append(byte) }
                case .quoted:
                    if byte == 0x22 { state = .quoteInQuoted } else { field.append(byte) }
                case .quoteInQuoted:
                    if byte == 0x22 { field.append(byte); state = .quoted } else if !ends(byte) { field.append(byte); state = .unquoted }
                }
            }
            if state == .quoted { return nil }
            if state != .fieldStart || !fields.isEmpty || !field.isEmpty { endRecord() }
            return records
        }

        mutating func ends(_ byte: UInt8) -> Bool {
            if byte == 0x3B {
                endField()
            } else if byte == 0x0D || byte == 0x0A {
                endRecord()
                skipLF = byte == 0x0D
            } else {
                return false
            }
            return true
        }

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            state = .fieldStart
        }

        mutating func endRecord() {
            endField()
            records.append(fields)
            fields = []
        }
    }

    @Test func runsAreBytesInEveryChunking() {
        var random = SplitMix(seed: 16)
        let pieces: [[UInt8]] = ["a", "Nováková", ";", "\"", "\"\"", "\r", "\n", "\r\n", " ", "x\"y", "1 000,50"].map { Array($0.utf8) }
        var quoted = 0
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 30)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
            var reference = ByteAtATime()
            let expected = reference.read(bytes)
            var tokenizer = CSVTokenizer(delimiter: 0x3B)
            var records: [[String]] = []
            var rest = bytes[...]
            do {
                while !rest.isEmpty {
                    let cut = rest.startIndex + 1 + Int(random.next() % UInt64(rest.count))
                    try tokenizer.feed(Array(rest[..<cut])) { records.append($0) }
                    rest = rest[cut...]
                }
                try tokenizer.finish { records.append($0) }
                #expect(records == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            } catch {
                quoted += 1
                #expect(expected == nil, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
        #expect(quoted > 100)
    }
}

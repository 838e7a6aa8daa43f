import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
@testable import ZenamuReaders
import ZenamuTestSupport

/// The rows of sheet `index` of a workbook built by `builder`.
func sheetRows(_ builder: XLSXBuilder, sheet index: Int = 0) throws -> (TableInfo, [SourceRow]) {
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("book.xlsx")
    try builder.write(to: url)
    var source = try TableReader.open(path: url.path).rows(sheet: index)
    var rows: [SourceRow] = []
    while let row = try source.next() { rows.append(row) }
    return (source.info, rows)
}

@Suite("Reading XLSX")
struct XLSXReadingTests {
    @Test func everyKindOfCell() throws {
        let (info, rows) = try sheetRows(XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "Clients", table: [
            [.shared("Name"), .inline("Phone"), .shared("Entries"), .shared("Consent"), .shared("Note"), .shared("Since")],
            [.rich(["Jana ", "Nováková"], phonetic: "じゃな"), .number("393331234567"), .number("8.0"), .bool(true),
             .error("#N/A"), .date(45123, custom: false)],
            [.shared("A & B <co>"), .number("4.2060312345600001E+11"), .number("2.5"), .bool(false),
             .formula("CONCAT(\"x\",\"y\")", cached: "xy"), .date(45123.5, custom: true)],
        ])]))
        #expect(info.format == "xlsx" && info.sheet == "Clients")
        #expect(rows[0].cells == ["Name", "Phone", "Entries", "Consent", "Note", "Since"])
        // Rich runs are joined, the phonetic run left out; a number cell keeps its digits; 8.0 is 8.
        #expect(rows[1].cells == ["Jana Nováková", "393331234567", "8", "TRUE", "#N/A", "2023-07-16"])
        #expect(rows[2].cells == ["A & B <co>", "420603123456", "2.5", "FALSE", "xy", "2023-07-16 12:00:00"])
    }

    /// The shared texts live end to end in one buffer; each cell still reads its own text, trimmed,
    /// whatever its length, and a long text named by many cells is one String, not a copy each.
    @Test func sharedTextsReadBackFromTheirBuffer() throws {
        let long = String(repeating: "Nováková ", count: 60) + "end"
        let (_, rows) = try sheetRows(XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", table: [
            [.shared("  Name\u{A0}"), .shared(""), .shared("Šárka Dvořák"), .shared(long)],
            [.shared(long), .shared("jana@example.com"), .shared("Name"), .shared("   ")],
        ])]))
        #expect(rows[0].cells == ["Name", "", "Šárka Dvořák", long])
        #expect(rows[1].cells == [long, "jana@example.com", "Name"])

        var builder = SharedStrings.Builder()
        for text in ["a", " b ", long, "", "c"] { builder.append(trimming: Array(text.utf8)) }
        let table = SharedStrings(builder)
        #expect((0..<table.count).map { table.text($0) } == ["a", "b", long, "", "c"])
        #expect(table.text(5) == nil && table.text(-1) == nil)
        // Two reads of a long text share one buffer.
        #expect(table.text(2)?.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            == table.text(2)?.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
    }

    /// A table of `count` texts ("text 0"…, the first ones `first` instead), and a sheet whose rows
    /// name the given indices.
    static func workbook(texts count: Int, first: [String] = [], tail: String = "</sst>", rows: [[Int]]) -> XLSXBuilder {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let texts = first + (first.count..<count).map { "text \($0)" }
        let sst = #"<?xml version="1.0"?><sst xmlns="\#(main)">"# + texts.map { "<si><t>\($0)</t></si>" }.joined() + tail
        let sheet = #"<?xml version="1.0"?><worksheet xmlns="\#(main)"><sheetData>"# + rows.enumerated().map { number, indices in
            #"<row r="\#(number + 1)">"# + indices.enumerated().map { column, index in
                #"<c r="\#(ColumnRef(index: column, header: "").letter)\#(number + 1)" t="s"><v>\#(index)</v></c>"#
            }.joined() + "</row>"
        }.joined() + "</sheetData></worksheet>"
        var builder = XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", table: [[.inline("x")]])])
        builder.overrides["xl/sharedStrings.xml"] = Array(sst.utf8)
        builder.overrides["xl/worksheets/clients-7.xml"] = Array(sheet.utf8)
        return builder
    }

    /// Some writers put SpreadsheetML under a prefix (`<x:c>`); a namespace declared on a cell is
    /// not one of its attributes (`xmlns:r` is no reference); a prefix declared nowhere does not
    /// keep the data from being read.
    @Test func prefixedElementsReadAsAnyOther() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = #"<?xml version="1.0"?><x:worksheet xmlns:x="\#(main)"><x:sheetData>"#
            + #"<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c>"#
            + #"<x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>"#
            + #"<x:row r="2"><x:c xmlns:r="urn:r" r="B2" t="inlineStr"><x:is><x:t>jana@example.cz</x:t></x:is></x:c></x:row>"#
            + #"<x:row r="3"><c r="A3" t="inlineStr" y:note="1"><is><t>Petr</t></is></c></x:row>"#
            + "</x:sheetData></x:worksheet>"
        var builder = XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", table: [[.shared("Email")]])])
        builder.overrides["xl/worksheets/clients-7.xml"] = Array(sheet.utf8)
        let (_, rows) = try sheetRows(builder)
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows.map(\.cells) == [["Name", "Email"], ["", "jana@example.cz"], ["Petr"]])
    }

    /// The table is parsed on its own thread, a chunk of texts at a time, while the sheet is read:
    /// a cell finds its text wherever it lies, whatever the order, across chunks.
    @Test func sharedTextsInAnyOrderAcrossChunks() throws {
        let size = SharedStringsLoader.chunkSize
        let asked = [[3 * size - 1, 0, size, size - 1, 2 * size + 5], [size + 1, 2 * size], [7]]
        let (_, rows) = try sheetRows(Self.workbook(texts: 3 * size, rows: asked))
        #expect(rows.map(\.cells) == asked.map { $0.map { "text \($0)" } })
    }

    /// A text past the end of a table read in chunks is named with the whole table's count.
    @Test func aTextPastTheEndCountsTheWholeTable() throws {
        let size = SharedStringsLoader.chunkSize
        let error = try #require(throws: InputError.self) {
            try sheetRows(Self.workbook(texts: size + 10, rows: [[1], [size + 10]]))
        }
        #expect(error.reason.contains("refers to text number \"\(size + 10)\", which is not among its \(size + 10) texts"))
        #expect(error.row == 2)
    }

    /// A table broken past the texts the sheet uses still refuses the workbook, with the table's
    /// error, as when it was parsed before the sheet; and before the sheet's own damage.
    @Test func aBrokenTableIsReportedFirstWhateverTheSheetUses() throws {
        let size = SharedStringsLoader.chunkSize
        let broken = Self.workbook(texts: 2 * size, tail: "<si><t>unclosed</si></sst>", rows: [[0, 1], [2]])
        let error = try #require(throws: InputError.self) { try sheetRows(broken) }
        #expect(error.reason.contains("part xl/sharedStrings.xml is not well-formed XML"))

        // `inspect` reads five rows of forty: the table, broken beyond them, still refuses the workbook.
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("broken.xlsx")
        try Self.workbook(texts: 2 * size, first: ["Name", "Email"], tail: "<si><t>unclosed</si></sst>",
                          rows: [[0, 1]] + (2..<42).map { [$0, $0] }).write(to: url)
        let inspected = try #require(throws: InputError.self) { try Inspection(path: url.path, options: ConversionOptions()) }
        #expect(inspected.reason.contains("part xl/sharedStrings.xml is not well-formed XML"))

        var both = Self.workbook(texts: 2 * size, tail: "<si><t>unclosed</si></sst>", rows: [[0]])
        both.overrides["xl/worksheets/clients-7.xml"]? += Array("<row>".utf8)
        let first = try #require(throws: InputError.self) { try sheetRows(both) }
        #expect(first.reason.contains("part xl/sharedStrings.xml is not well-formed XML"))
    }

    /// A long sheet streams every row, in order; and a cap hit deep in it ends the read where it
    /// is hit, after the rows before it.
    @Test func aCapHitDeepInASheetEndsTheReadWhereItIsHit() throws {
        var table: [[XLSXBuilder.Cell]] = [[.inline("Name"), .inline("Email")]]
        for i in 1..<20_000 { table.append([.inline("Client \(i) \(i * 7919 % 1000)"), .inline("c\(i)@example.com")]) }
        let builder = XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "Clients", table: table)])
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try builder.write(to: url)

        var all = try TableReader.open(path: url.path).rows(sheet: 0)
        var numbers: [Int] = []
        while let row = try all.next() { numbers.append(row.number) }
        #expect(numbers == Array(1...20_000))

        // The sheet unpacks to about 1.3 MB: the cap is hit some way into it.
        var limits = ReaderLimits()
        limits.maxTotalBytes = 512 << 10
        var capped = try TableReader.open(path: url.path, limits: limits).rows(sheet: 0)
        var read = 0
        let error = try #require(throws: InputError.self) {
            while let row = try capped.next() {
                read += 1
                #expect(row.number == read)
            }
        }
        #expect(error.reason.hasPrefix("the workbook unpacks to more than 512 KiB in all"))
        // Every row whose bytes came before the chunk that broke the cap was read: at least those
        // ending in the sheet's first (cap − every other part − one chunk) bytes.
        let parts = builder.parts()
        let sheet = try #require(parts.first { $0.0 == "xl/worksheets/clients-7.xml" }?.1)
        let others = parts.filter { $0.0 != "xl/worksheets/clients-7.xml" }.reduce(0) { $0 + $1.1.count }
        let delivered = sheet.prefix(Int(limits.maxTotalBytes) - others - ZipEntryStream.chunkSize)
        let complete = String(decoding: delivered, as: UTF8.self).components(separatedBy: "</row>").count - 1
        #expect(complete > 1_000)
        #expect(read >= complete && read < 20_000)
    }

    @Test func datesInBothDateSystems() {
        #expect(SpreadsheetValues.date(serial: 1, date1904: false) == "1900-01-01")
        #expect(SpreadsheetValues.date(serial: 61, date1904: false) == "1900-03-01")
        #expect(SpreadsheetValues.date(serial: 45_658, date1904: false) == "2025-01-01")
        #expect(SpreadsheetValues.date(serial: 0, date1904: true) == "1904-01-01")
        #expect(SpreadsheetValues.date(serial: 44_196, date1904: true) == "2025-01-01")
    }

    @Test func the1904DateSystemIsReadFromTheWorkbook() throws {
        var builder = XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", table: [[.date(44_196, custom: false)]])])
        builder.date1904 = true
        #expect(try sheetRows(builder).1[0].cells == ["2025-01-01"])
    }

    @Test(arguments: [("dd.mm.yyyy;@", true), ("[$-409]mmmm d, yyyy", true), ("h:mm AM/PM", true), ("0.00", false),
                      ("#,##0 \"Kč\"", false), ("[Red]0", false), ("General", false), ("\"day\" 0", false)])
    func customFormatsThatShowDates(_ code: String, _ isDate: Bool) {
        #expect(SpreadsheetValues.isDateFormat(code) == isDate)
    }

    @Test func sparseRowsAndCellsKeepTheirPlaces() throws {
        let rows = try sheetRows(XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", rows: [
            (1, [.shared("Name"), .empty, .shared("Email")]),
            (4, [.empty, .empty, .shared("ann@example.com")]),
        ])])).1
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows[1].cells == ["", "", "ann@example.com"])
    }

    @Test func theClientSheetIsFoundByItsHeaderOrChosenByName() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try XLSXBuilder(sheets: [
            XLSXBuilder.Sheet(name: "Read me", table: [[.shared("Exported 2026-11-01")]]),
            XLSXBuilder.Sheet(name: "Clients", table: [[.shared("Name"), .shared("Email")],
                                                       [.shared("Ann Lee"), .shared("ann@example.com")]]),
            XLSXBuilder.Sheet(name: "Staff", table: [[.shared("Name"), .shared("Email")],
                                                     [.shared("Bob Desk"), .shared("desk@example.com")]]),
        ]).write(to: url)
        let automatic = try ConvertedFixture(paths: [url])
        #expect(automatic.report.files[0].sheet == "Clients")
        #expect(automatic.report.files[0].sheets == ["Read me", "Clients", "Staff"])
        #expect(automatic.clientLines == ["Ann Lee,ann@example.com,,,,"])
        let chosen = try ConvertedFixture(paths: [url], options: ConversionOptions(sheet: "staff"))
        #expect(chosen.clientLines == ["Bob Desk,desk@example.com,,,,"])
        let missing = try #require(throws: InputError.self) {
            try ConvertedFixture(paths: [url], options: ConversionOptions(sheet: "Members"))
        }
        #expect(missing.reason == "the workbook has no sheet named \"Members\"; its sheets are \"Read me\", \"Clients\", \"Staff\".")
    }

    @Test func anXLSXSavedAsCSVIsStillAnXLSX() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("clients.csv")
        try XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "S", table: [[.shared("Name"), .shared("Email")],
                                                                      [.shared("Ann"), .shared("ann@x.com")]])]).write(to: url)
        let converted = try ConvertedFixture(paths: [url])
        #expect(converted.report.format == "xlsx" && converted.clientLines == ["Ann,ann@x.com,,,,"])
    }
}

@Suite("Workbooks convert exactly as their CSV twins")
struct TwinTests {
    /// Every CSV fixture, rebuilt as an XLSX: text alternately as shared and inline strings,
    /// numbers as number cells, behind a first sheet that is not the client list.
    @Test(arguments: Fixtures.csvCases)
    func csvFixtureAsXLSX(_ name: String) throws {
        let input = try Fixtures.input(of: name)
        var source = try TableReader.open(path: input.path).rows(sheet: 0)
        var rows: [(Int, [XLSXBuilder.Cell])] = []
        while let row = try source.next() {
            rows.append((row.number, row.cells.enumerated().map { column, text in
                if text.isEmpty { return .empty }
                if let number = Double(text), !text.hasPrefix("0") || text == "0", !text.hasPrefix("+"), text.count < 15,
                   number.isFinite, !text.contains(",") {
                    return .number(text)
                }
                return (row.number + column).isMultiple(of: 2) ? .shared(text) : .inline(text)
            }))
        }
        let folder = try TemporaryFolder()
        let workbook = folder.url.appendingPathComponent("input.xlsx")
        try XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "Notes", table: [[.shared("Exported from the old system")]]),
                                 XLSXBuilder.Sheet(name: "Clients", rows: rows)]).write(to: workbook)
        let csv = try ConvertedFixture(paths: [input], options: try Fixtures.options(of: name))
        let xlsx = try ConvertedFixture(paths: [workbook], options: try Fixtures.options(of: name))
        #expect(xlsx.clientsCSV == csv.clientsCSV)
        #expect(xlsx.report.issues.map(\.code) == csv.report.issues.map(\.code))
        #expect(xlsx.report.issues.map(\.row) == csv.report.issues.map(\.row))
        #expect(xlsx.report.rows.accepted == csv.report.rows.accepted && xlsx.report.rows.rejected == csv.report.rows.rejected)
    }

    @Test(arguments: ["fresha-xlsx", "legacy-xls"])
    func committedWorkbookMatchesItsTwin(_ name: String) throws {
        let workbook = try ConvertedFixture(fixture: name)
        let twin = try ConvertedFixture(paths: [Fixtures.url("\(name)/twin.csv")], options: try Fixtures.options(of: name))
        #expect(workbook.clientsCSV == twin.clientsCSV)
        #expect(workbook.report.issues.map(\.code) == twin.report.issues.map(\.code))
        #expect(!workbook.clientLines.isEmpty)
    }

    @Test func xlsDatesNumbersAndPhones() throws {
        let converted = try ConvertedFixture(fixture: "legacy-xls")
        #expect(converted.report.format == "xls" && converted.report.files[0].sheet == "Klienti")
        #expect(converted.clientLines == ["Šárka Kořínková,sarka@example.cz,10,,+420731222333,yes",
                                          "Řehoř Šťastný,rehor@example.cz,,250.5,+420777888999,no",
                                          "Jiří Černý,jiri@example.cz,8,,+420603123456,"])
        let expiry = converted.outcomes.compactMap { if case let .accepted(record, _) = $0 { record.passExpiry } else { nil } }
        #expect(expiry == ["2026-12-31", "2027-06-30"])
    }
}

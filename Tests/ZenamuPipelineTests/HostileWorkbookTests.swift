import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuReaders
import ZenamuTestSupport

/// Files built to hurt the reader end with one clear sentence, quickly and in bounded memory.
/// Each is generated here rather than committed.
@Suite("Hostile and broken workbooks")
struct HostileWorkbookTests {
    let clients = XLSXBuilder.Sheet(name: "Clients", table: [[.shared("Name"), .shared("Email")],
                                                             [.shared("Ann"), .shared("ann@example.com")]])

    func failure(_ builder: XLSXBuilder, limits: ReaderLimits = ReaderLimits(), name: String = "book.xlsx") throws -> InputError {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent(name)
        try builder.write(to: url)
        return try failure(url, limits: limits)
    }

    func failure(_ url: URL, limits: ReaderLimits = ReaderLimits()) throws -> InputError {
        try #require(throws: InputError.self) {
            try ConvertedFixture(paths: [url], options: ConversionOptions(limits: limits))
        }
    }

    func sheet(_ xml: String) -> [UInt8] {
        Array(#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#.utf8)
            + Array(xml.utf8) + Array("</worksheet>".utf8)
    }

    /// A sheet whose data is `count` spaces: tiny packed, huge unpacked.
    func blankSheet(spaces count: Int) -> [UInt8] {
        Array(#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
            + [UInt8](repeating: 0x20, count: count) + Array("</sheetData></worksheet>".utf8)
    }

    @Test func zipBombByCompressionRatio() throws {
        var builder = XLSXBuilder(sheets: [clients])
        // 40 MB of spaces deflate to about 40 KB: a ratio of a thousand.
        builder.overrides["xl/worksheets/clients-7.xml"] = blankSheet(spaces: 40 << 20)
        let error = try failure(builder)
        #expect(error.reason.contains("unpacks more than 200 times its packed size"))
        #expect(error.reason.contains("--max-zip-ratio"))
    }

    @Test func partLargerThanTheCap() throws {
        var limits = ReaderLimits()
        limits.maxEntryBytes = 256 << 10
        var rows: [[XLSXBuilder.Cell]] = [[.shared("Name"), .shared("Email")]]
        for i in 0..<8_000 { rows.append([.inline("Client \(i) \(i * 7919 % 1000)"), .inline("c\(i)@example.com")]) }
        let error = try failure(XLSXBuilder(sheets: [XLSXBuilder.Sheet(name: "Clients", table: rows)]), limits: limits)
        #expect(error.reason.hasPrefix("the workbook's part xl/worksheets/clients-7.xml unpacks to more than 256 KiB; "
            + "that is no client list but a zip bomb or a corrupt file (raise --max-unzipped-mb if you trust it)."))
    }

    @Test func tooManyEntries() throws {
        var limits = ReaderLimits()
        limits.maxZipEntries = 20
        var builder = XLSXBuilder(sheets: [clients])
        for i in 0..<30 { builder.overrides["xl/media/image\(i).png"] = [0] }
        let error = try failure(builder, limits: limits)
        #expect(error.reason.hasPrefix("the workbook's zip holds 37 parts, more than the 20"))
    }

    @Test func entityExpansionBombIsRefusedUnread() throws {
        var builder = XLSXBuilder(sheets: [clients])
        var laughs = #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol">"#
        laughs += (1...9).map { level in
            #"<!ENTITY lol\#(level) "\#(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))">"#
        }.joined()
        laughs += #"]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>"#
        builder.overrides["xl/sharedStrings.xml"] = Array(laughs.utf8)
        let error = try failure(builder)
        #expect(error.reason.hasPrefix("the workbook's part xl/sharedStrings.xml declares a DOCTYPE"))
    }

    @Test func externalEntityIsNeverResolved() throws {
        var builder = XLSXBuilder(sheets: [clients])
        builder.overrides["xl/worksheets/clients-7.xml"] = Array((#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"#).utf8)
        let error = try failure(builder)
        #expect(error.reason.contains("declares a DOCTYPE"))
        #expect(!error.description.contains("root:"))
    }

    @Test func malformedXMLNamesThePartAndLine() throws {
        var builder = XLSXBuilder(sheets: [clients])
        builder.overrides["xl/worksheets/clients-7.xml"] = sheet("<sheetData><row r=\"1\"><c r=\"A1\"></row></sheetData>")
        let error = try failure(builder)
        #expect(error.reason == "the workbook is damaged: its part xl/worksheets/clients-7.xml is not well-formed XML "
            + "(line 1: mismatched tag); save it again from Excel, or export it as CSV.")
    }

    @Test func aCellPointingAtMissingSharedText() throws {
        var builder = XLSXBuilder(sheets: [clients])
        builder.overrides["xl/worksheets/clients-7.xml"] = sheet(#"<sheetData><row r="1"><c r="B1" t="s"><v>99</v></c></row></sheetData>"#)
        let error = try failure(builder)
        #expect(error.row == 1 && error.column == "B" && error.reason.contains("which is not among its"))
    }

    @Test func truncatedAndCorruptZips() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("book.xlsx")
        try XLSXBuilder(sheets: [clients]).write(to: url)
        let whole = try Data(contentsOf: url)
        let truncated = try folder.file("truncated.xlsx", Array(whole.prefix(whole.count / 2)))
        #expect(try failure(truncated).reason.hasPrefix("the workbook is damaged or incomplete"))
        var scrambled = [UInt8](whole)
        for i in stride(from: 60, to: scrambled.count / 2, by: 3) { scrambled[i] ^= 0x5A }
        let corrupt = try folder.file("corrupt.xlsx", scrambled)
        #expect(try failure(corrupt).reason.contains("damaged"))
    }

    @Test func otherFormatsSayWhatToSaveAs() throws {
        let folder = try TemporaryFolder()
        let xlsb = folder.url.appendingPathComponent("book.xlsb")
        try XLSXBuilder.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("xl/workbook.bin", [0, 1, 2])], to: xlsb)
        #expect(try failure(xlsb).reason.contains("Excel Workbook (.xlsx) or CSV UTF-8"))
        let ods = folder.url.appendingPathComponent("book.ods")
        try XLSXBuilder.zip([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                             ("content.xml", Array("<office:document-content/>".utf8))], to: ods)
        #expect(try failure(ods).reason.contains("OpenDocument spreadsheet (.ods)"))
        let zip = folder.url.appendingPathComponent("photos.zip")
        try XLSXBuilder.zip([("a.jpg", [0xFF, 0xD8])], to: zip)
        #expect(try failure(zip).reason.contains("not an Excel workbook"))
    }

    @Test func encryptedWorkbookAsksForThePasswordToBeRemoved() throws {
        // Office keeps an encrypted XLSX in an OLE2 container with an EncryptedPackage stream.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024)
        bytes += Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let folder = try TemporaryFolder()
        let error = try failure(try folder.file("secret.xlsx", bytes))
        #expect(error.reason.hasPrefix("the workbook is password-protected"))
        let garbage = try folder.file("odd.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 7, count: 600))
        #expect(try failure(garbage).reason.contains("not a readable Excel workbook"))
    }

    @Test func theCommandLineExitsTwoOnABomb() throws {
        let folder = try TemporaryFolder()
        var builder = XLSXBuilder(sheets: [clients])
        builder.overrides["xl/worksheets/clients-7.xml"] = blankSheet(spaces: 8 << 20)
        let url = folder.url.appendingPathComponent("bomb.xlsx")
        try builder.write(to: url)
        let result = try CLI.run(["convert", url.path, "--out", folder.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("zenamu-migrate: bomb.xlsx: the workbook's part xl/worksheets/clients-7.xml unpacks more than 200 times"))
        // A user who trusts the file can raise the cap.
        let trusted = try CLI.run(["convert", url.path, "--out", folder.url.appendingPathComponent("out").path,
                                   "--max-zip-ratio", "100000"])
        #expect(trusted.status == 2 && trusted.stderr.contains("no header row"))
    }
}

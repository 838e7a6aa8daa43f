import CLibzip
import Foundation
import ZenamuCore

/// Writes small XLSX workbooks part by part, so tests can state exactly what a workbook holds:
/// shared, rich and inline strings, number and date cells, sparse rows, several sheets, and the
/// broken or hostile parts no real writer would produce.
public struct XLSXBuilder {
    public enum Cell {
        case shared(String)
        /// A shared string in several runs, with a phonetic (furigana) run that is not text.
        case rich([String], phonetic: String)
        case inline(String)
        case number(String)
        /// A date serial in the built-in m/d/yyyy format (style 1) or a custom dd.mm.yyyy (style 2).
        case date(Double, custom: Bool)
        case bool(Bool)
        case error(String)
        case formula(String, cached: String)
        case empty
    }

    public struct Sheet {
        public var name: String
        /// Row number → cells from column A; rows not listed are absent, as in a sparse sheet.
        public var rows: [(Int, [Cell])]

        public init(name: String, rows: [(Int, [Cell])]) {
            self.name = name
            self.rows = rows
        }

        /// Consecutive rows from row 1.
        public init(name: String, table: [[Cell]]) {
            self.init(name: name, rows: table.enumerated().map { ($0.offset + 1, $0.element) })
        }
    }

    public var sheets: [Sheet]
    public var date1904 = false
    /// Parts written as given, replacing generated ones of the same name.
    public var overrides: [String: [UInt8]] = [:]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook's parts, by name.
    public func parts() -> [(String, [UInt8])] {
        var shared: [String] = []
        var sheetParts: [(String, [UInt8])] = []
        for (index, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (number, cells) in sheet.rows {
                xml += #"<row r="\#(number)">"#
                for (column, cell) in cells.enumerated() {
                    let ref = Self.letters(column) + String(number)
                    switch cell {
                    case .empty: continue
                    case let .shared(text):
                        xml += #"<c r="\#(ref)" t="s"><v>\#(shared.count)</v></c>"#
                        shared.append("<si><t xml:space=\"preserve\">\(Self.escape(text))</t></si>")
                    case let .rich(runs, phonetic):
                        xml += #"<c r="\#(ref)" t="s"><v>\#(shared.count)</v></c>"#
                        shared.append("<si>" + runs.map { "<r><rPr><b/></rPr><t>\(Self.escape($0))</t></r>" }.joined()
                            + "<rPh sb=\"0\" eb=\"1\"><t>\(Self.escape(phonetic))</t></rPh></si>")
                    case let .inline(text):
                        xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(Self.escape(text))</t></is></c>"#
                    case let .number(value):
                        xml += #"<c r="\#(ref)"><v>\#(value)</v></c>"#
                    case let .date(serial, custom):
                        xml += #"<c r="\#(ref)" s="\#(custom ? 2 : 1)"><v>\#(serial)</v></c>"#
                    case let .bool(value):
                        xml += #"<c r="\#(ref)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
                    case let .error(value):
                        xml += #"<c r="\#(ref)" t="e"><v>\#(value)</v></c>"#
                    case let .formula(formula, cached):
                        xml += #"<c r="\#(ref)" t="str"><f>\#(Self.escape(formula))</f><v>\#(Self.escape(cached))</v></c>"#
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData></worksheet>"
            // Deliberately not sheet1.xml: readers must follow the relationships.
            sheetParts.append(("xl/worksheets/clients-\(index + 7).xml", Array(xml.utf8)))
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheetList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(Self.escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 10)"/>"#
        }.joined()
        let rels = sheetParts.enumerated().map { index, part in
            #"<Relationship Id="rId\#(index + 10)" Type="\#(relNS)/worksheet" Target="\#(part.0.dropFirst(3))"/>"#
        }.joined()
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="\#(main)" xmlns:r="\#(relNS)"><workbookPr date1904="\#(date1904 ? 1 : 0)"/><sheets>\#(sheetList)</sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)<Relationship Id="rId2" Type="\#(relNS)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="\#(relNS)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", #"<?xml version="1.0"?><sst xmlns="\#(main)" count="\#(shared.count)">\#(shared.joined())</sst>"#),
            ("xl/styles.xml", #"<?xml version="1.0"?><styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>"#),
        ]
        parts += sheetParts.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
        var result = parts.map { ($0.0, Array($0.1.utf8)) }
        for (name, bytes) in overrides {
            if let index = result.firstIndex(where: { $0.0 == name }) { result[index].1 = bytes } else { result.append((name, bytes)) }
        }
        return result
    }

    /// Writes the workbook as a zip.
    public func write(to url: URL) throws {
        try Self.zip(parts(), to: url)
    }

    /// Writes any entries as a deflated zip, through libzip.
    public static func zip(_ entries: [(String, [UInt8])], to url: URL) throws {
        var code: Int32 = 0
        guard let archive = zip_open(url.path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw CocoaError(.fileWriteUnknown)
        }
        for (name, bytes) in entries {
            let copy = malloc(max(bytes.count, 1))!
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) }
            }
            guard let source = zip_source_buffer(archive, copy, UInt64(bytes.count), 1),
                  zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) >= 0 else {
                zip_discard(archive)
                throw CocoaError(.fileWriteUnknown)
            }
        }
        guard zip_close(archive) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func letters(_ column: Int) -> String { ColumnRef(index: column, header: "").letter }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

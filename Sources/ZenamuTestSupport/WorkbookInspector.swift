import Foundation
import ZenamuReaders

/// Reads back what a workbook shows beyond its values: sheets and their visibility, cell fills,
/// comments, validations, frozen panes and filters. Values are read with the project's own XLSX
/// reader; the rest from the parts, through the reader's public `WorkbookPackage`. Only public API:
/// this target is built by `swift build -c release`, where no module is compiled for testing.
public struct WorkbookInspector {
    public struct Sheet {
        public let name: String
        public let hidden: Bool
        /// Rows as the reader returns them (row 1 first).
        public let rows: [[String]]
        /// Cell reference ("E3") → comment text.
        public let comments: [String: String]
        /// Cell reference → fill colour ("FFC7CE"), for cells with a fill.
        public let fills: [String: String]
        /// Cell references written as numbers.
        public let numbers: Set<String>
        /// Cell references drawn with a border on every side.
        public let bordered: Set<String>
        public let validations: [Validation]
        public let frozenRows: Int
        public let autofilter: String?
        public let formulas: Int
        /// Printed fitted to pages (and how many pages wide), or at `printScale` percent.
        public let fitToPage: Bool
        public let fitToWidth: Int?
        public let printScale: Int?
        /// The rows and columns repeated on every printed page ("'To fix'!$A:$A,'To fix'!$1:$1").
        public let printTitles: String?
    }

    public struct Validation: Equatable {
        public let range: String
        public let type: String
        public let comparison: String?
        public let formula: String
        public let prompt: String?
    }

    public let sheets: [Sheet]

    public subscript(name: String) -> Sheet? { sheets.first { $0.name == name } }

    public init(path: String) throws {
        let package = try WorkbookPackage(path: path)
        let workbook = try TableReader.open(path: path)
        func tree(_ part: String) throws -> [XMLTree] {
            try package.tree(part).map { [$0] } ?? []
        }
        func target(of id: String, in rels: [XMLTree], from folder: String) -> String? {
            guard let relationship = rels.all("Relationship").first(where: { $0.attributes["Id"] == id }),
                  let target = relationship.attributes["Target"] else { return nil }
            return target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        }
        let book = try tree("xl/workbook.xml")
        let bookRels = try tree("xl/_rels/workbook.xml.rels")
        let styles = try tree("xl/styles.xml")
        let fills = styles.all("fill").map { $0.all("fgColor").first?.attributes["rgb"].map { String($0.suffix(6)) } }
        let cellXfs = styles.all("cellXfs").first?.all("xf") ?? []
        let xfs = cellXfs.map { Int($0.attributes["fillId"] ?? "0") ?? 0 }
        let boxed = styles.all("border").map { border in
            ["left", "right", "top", "bottom"].allSatisfy { side in border.all(side).first?.attributes["style"] != nil }
        }
        let boxedXfs = cellXfs.map { xf in Int(xf.attributes["borderId"] ?? "0").map { $0 < boxed.count && boxed[$0] } ?? false }

        var sheets: [Sheet] = []
        for (index, entry) in book.all("sheet").enumerated() {
            guard let id = entry.attributes["id"], let part = target(of: id, in: bookRels, from: "xl/") else { continue }
            let xml = try tree(part)
            let folder = (part as NSString).deletingLastPathComponent + "/"
            let rels = try tree(folder + "_rels/" + (part as NSString).lastPathComponent + ".rels")
            var comments: [String: String] = [:]
            for relationship in rels.all("Relationship") where relationship.attributes["Type"]?.hasSuffix("/comments") == true {
                guard let target = relationship.attributes["Target"] else { continue }
                let path = target.hasPrefix("../") ? "xl/" + target.dropFirst(3) : folder + target
                for comment in try tree(path).all("comment") {
                    comments[comment.attributes["ref"] ?? ""] = comment.all("t").map(\.text).joined()
                }
            }
            var cellFills: [String: String] = [:]
            var numbers: Set<String> = []
            var bordered: Set<String> = []
            for cell in xml.all("c") {
                guard let ref = cell.attributes["r"] else { continue }
                if let style = Int(cell.attributes["s"] ?? ""), style < xfs.count, xfs[style] < fills.count,
                   let fill = fills[xfs[style]] {
                    cellFills[ref] = fill
                }
                if cell.attributes["t"] == nil, !cell.all("v").isEmpty { numbers.insert(ref) }
                if let style = Int(cell.attributes["s"] ?? ""), style < boxedXfs.count, boxedXfs[style] { bordered.insert(ref) }
            }
            var source = try workbook.rows(sheet: index)
            var rows: [[String]] = []
            while let row = try source.next() {
                while rows.count < row.number - 1 { rows.append([]) }
                rows.append(row.cells)
            }
            sheets.append(Sheet(
                name: entry.attributes["name"] ?? "", hidden: entry.attributes["state"] == "hidden", rows: rows,
                comments: comments, fills: cellFills, numbers: numbers, bordered: bordered,
                validations: xml.all("dataValidation").map {
                    Validation(range: $0.attributes["sqref"] ?? "", type: $0.attributes["type"] ?? "",
                               comparison: $0.attributes["operator"], formula: $0.all("formula1").first?.text ?? "",
                               prompt: $0.attributes["prompt"])
                },
                frozenRows: Int(xml.all("pane").first?.attributes["ySplit"] ?? "0") ?? 0,
                autofilter: xml.all("autoFilter").first?.attributes["ref"],
                formulas: xml.all("f").count,
                fitToPage: xml.all("pageSetUpPr").first?.attributes["fitToPage"] == "1",
                // OOXML's defaults when the attribute is left out: 1 page wide, 100%.
                fitToWidth: xml.all("pageSetup").first.map { Int($0.attributes["fitToWidth"] ?? "1") ?? 1 },
                printScale: xml.all("pageSetup").first.map { Int($0.attributes["scale"] ?? "100") ?? 100 },
                printTitles: book.all("definedName").first {
                    $0.attributes["name"] == "_xlnm.Print_Titles" && $0.attributes["localSheetId"] == String(index)
                }?.text))
        }
        self.sheets = sheets
    }
}

/// A part that may be missing reads as no elements.
private extension [XMLTree] {
    func all(_ local: String) -> [XMLTree] { flatMap { $0.all(local) } }
}

extension WorkbookInspector {
    /// Writes the workbook again as a spreadsheet program saves it after the customer's changes
    /// (shared strings, numbers as numbers): on `sheet`, `edits` by original-row reference and
    /// column index, rows `deleting` removed, rows `adding` appended (without a reference: the
    /// customer's own).
    public func savedAsExcelWould(to url: URL, editing sheet: String,
                                 _ edits: [String: [Int: String]], deleting: Set<String> = [],
                                 adding: [[String]] = []) throws -> URL {
        let saved = sheets.map { inspected in
            var table = inspected.rows.filter { !(inspected.name == sheet && deleting.contains($0.first ?? "")) }
            if inspected.name == sheet { table += adding }
            let rows = table.enumerated().map { number, cells -> [XLSXBuilder.Cell] in
                var cells = cells
                if inspected.name == sheet, number > 0, let change = edits[cells.first ?? ""] {
                    for (column, text) in change {
                        while cells.count <= column { cells.append("") }
                        cells[column] = text
                    }
                }
                return cells.map { text in
                    text.isEmpty ? .empty : Double(text) != nil && number > 0 ? .number(text) : .shared(text)
                }
            }
            return XLSXBuilder.Sheet(name: inspected.name, table: rows)
        }
        try XLSXBuilder(sheets: saved).write(to: url)
        return url
    }
}

import ZenamuCore

/// An XLSX workbook: the zip streamed with libzip, every part parsed with Expat. Sheets are found
/// through the package relationships and `xl/workbook.xml`, never by assuming `sheet1.xml`.
final class XLSXWorkbook: TableFile {
    private let archive: ZipArchive
    private let file: String
    private let sheets: [(name: String, part: String)]
    private let sharedStrings: SharedStringsLoader?
    private let dateStyles: [Bool]
    private let date1904: Bool

    var sheetNames: [String] { sheets.map(\.name) }

    init(archive: ZipArchive) throws {
        self.archive = archive
        file = archive.file
        let workbookPart = try Self.officeDocument(archive)
        guard let workbookXML = try archive.read(workbookPart) else { throw Self.notAWorkbook(file) }
        let workbook = try ElementCollector.parse(workbookXML, wanted: ["sheet", "workbookPr"], part: workbookPart, file: file)
        let listed = workbook.count { $0.name == "sheet" }
        if listed > archive.limits.maxSheets {
            throw InputError(file: file, reason: "the workbook lists \(listed) sheets, more than the cap of "
                + "\(archive.limits.maxSheets) (every sheet is searched for the client list's header); put the client "
                + "list in a workbook of its own, or export it as CSV.")
        }
        date1904 = workbook.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }

        let relationships = try Self.relationships(of: workbookPart, in: archive)
        sheets = workbook.filter { $0.name == "sheet" }.compactMap { sheet in
            guard let name = sheet.attributes["name"], let id = sheet.attributes["id"],
                  let target = relationships.first(where: { $0.id == id }), target.type.hasSuffix("/worksheet")
            else { return nil }
            return (name, target.part)
        }
        guard !sheets.isEmpty else {
            throw InputError(file: file, reason: "the workbook has no worksheet (only charts or macros); "
                + "put the client list on a worksheet, or export it as CSV.")
        }

        // Parsed on a second thread as the sheet is read (SharedStringsLoader), through a handle
        // of its own.
        if let part = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.part, archive.contains(part) {
            sharedStrings = SharedStringsLoader(archive: try archive.reopened(), part: part)
        } else {
            sharedStrings = nil
        }
        do {
            if let part = relationships.first(where: { $0.type.hasSuffix("/styles") })?.part, let styles = try archive.read(part) {
                dateStyles = try StylesPart.dateStyles(styles, part: part, file: file)
            } else {
                dateStyles = []
            }
        } catch {
            throw sharedStrings?.first(error) ?? error
        }
    }

    func rows(sheet index: Int) throws -> any RowSource {
        let sheet = sheets[index]
        let entry: ZipEntryStream
        do {
            guard let opened = try archive.open(sheet.part) else { throw archive.damaged(sheet.part) }
            entry = opened
        } catch {
            throw sharedStrings?.first(error) ?? error
        }
        let parser = SheetRowParser(sharedStrings: SharedStringsView(sharedStrings), dateStyles: dateStyles,
                                    date1904: date1904, file: file)
        return XLSXSheetReader(
            info: TableInfo(file: file, format: "xlsx", sheet: sheet.name), entry: entry, parser: parser,
            stream: XMLStream(handler: parser, part: sheet.part, file: file), table: sharedStrings)
    }

    /// The workbook part named by the package's `_rels/.rels` (normally `xl/workbook.xml`).
    private static func officeDocument(_ archive: ZipArchive) throws -> String {
        let root = try relationships(of: "", in: archive)
        return root.first { $0.type.hasSuffix("/officeDocument") }?.part ?? "xl/workbook.xml"
    }

    struct Relationship {
        let id: String
        let type: String
        /// The target as a path inside the zip.
        let part: String
    }

    /// The relationships of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets
    /// resolved against the part's folder.
    static func relationships(of part: String, in archive: ZipArchive) throws -> [Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/\(name).rels"
        guard let xml = try archive.read(relsPart) else { return [] }
        let elements = try ElementCollector.parse(xml, wanted: ["Relationship"], part: relsPart, file: archive.file)
        return elements.compactMap { element in
            guard let id = element.attributes["Id"], let type = element.attributes["Type"],
                  let target = element.attributes["Target"], element.attributes["TargetMode"] != "External"
            else { return nil }
            return Relationship(id: id, type: type, part: resolve(target, in: folder))
        }
    }

    static func resolve(_ target: String, in folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    static func notAWorkbook(_ file: String) -> InputError {
        InputError(file: file, reason: "this zip file is not an Excel workbook (it has no workbook part); "
            + "export the client list as CSV or XLSX.")
    }
}

/// A worksheet's rows, parsed as the zip entry inflates: memory stays flat however long the sheet.
final class XLSXSheetReader: RowSource {
    let info: TableInfo
    private let entry: ZipEntryStream
    private let parser: SheetRowParser
    private let stream: XMLStream
    /// The workbook's shared texts: the sheet is done only once they are known to be sound, and
    /// a broken table is reported before the sheet's own damage.
    private let table: SharedStringsLoader?
    private var index = 0
    private var finished = false

    init(info: TableInfo, entry: ZipEntryStream, parser: SheetRowParser, stream: XMLStream, table: SharedStringsLoader?) {
        self.info = info
        self.entry = entry
        self.parser = parser
        self.stream = stream
        self.table = table
    }

    /// The shared texts are parsed whole even when the sheet is not: a workbook whose table is
    /// broken is refused however few of its rows were read, as when the table was parsed first.
    func stopReading() throws {
        if let failure = table?.finished().failure { throw failure }
    }

    var fractionRead: Double? {
        entry.size > 0 ? min(1, Double(entry.inflated) / Double(entry.size)) : nil
    }

    func next() throws -> SourceRow? {
        do {
            while index == parser.rows.count {
                if finished {
                    try stopReading()
                    return nil
                }
                parser.rows.removeAll(keepingCapacity: true)
                index = 0
                if let chunk = try entry.next() {
                    try stream.feed(chunk, isFinal: false)
                } else {
                    try stream.feed([], isFinal: true)
                    finished = true
                }
                if let failure = parser.failure { throw failure }
            }
        } catch {
            throw table?.first(error) ?? error
        }
        defer { index += 1 }
        return parser.rows[index]
    }
}

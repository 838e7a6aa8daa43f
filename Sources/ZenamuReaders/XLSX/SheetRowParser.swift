import ZenamuCore

/// Turns a worksheet's XML events into rows, as they complete: cells placed by their `r`
/// reference (sparse rows and cells), shared and inline strings (phonetic runs skipped), numbers,
/// booleans, errors, cached formula results, and dates by the cell's number format.
final class SheetRowParser: XMLEventHandler {
    /// Cells longer than this do not occur in client lists; beyond it the file is refused.
    static let maxCellBytes = ReaderLimits.maxCellBytes

    private enum Capture { case none, value, inline }

    /// Rows completed since the reader last took them.
    var rows: [SourceRow] = []
    /// Set when the XML is well-formed but its content is not (a shared string that does not exist).
    private(set) var failure: InputError?

    @exclusivity(unchecked) private var sharedStrings: SharedStringsView
    private let dateStyles: [Bool]
    private let date1904: Bool
    private let file: String

    // Unchecked: the parser is only ever driven by its one XMLStream, and the dynamic exclusivity
    // checks on these were 8% of reading a sheet in the profile.
    @exclusivity(unchecked) private var rowNumber = 0
    @exclusivity(unchecked) private var cells: [String] = []
    @exclusivity(unchecked) private var column = -1
    /// The cell's `t` attribute.
    @exclusivity(unchecked) private var type = CellType.number
    @exclusivity(unchecked) private var style = 0
    @exclusivity(unchecked) private var capture = Capture.none
    @exclusivity(unchecked) private var value: [UInt8] = []
    @exclusivity(unchecked) private var inline: [UInt8] = []
    @exclusivity(unchecked) private var inInline = false, inPhonetic = false

    /// A cell's `t` attribute: s shared string, inlineStr, str (formula text), e error, b boolean;
    /// n, absent or anything else a number.
    private enum CellType {
        case shared, inline, formulaText, error, boolean, number

        init(_ text: UnsafePointer<CChar>?) {
            guard let text else {
                self = .number
                return
            }
            if XMLName.isLocal(text, "s") {
                self = .shared
            } else if XMLName.isLocal(text, "inlineStr") {
                self = .inline
            } else if XMLName.isLocal(text, "str") {
                self = .formulaText
            } else if XMLName.isLocal(text, "e") {
                self = .error
            } else if XMLName.isLocal(text, "b") {
                self = .boolean
            } else {
                self = .number
            }
        }
    }

    init(sharedStrings: SharedStringsView, dateStyles: [Bool], date1904: Bool, file: String) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.file = file
    }

    /// The elements a worksheet's rows are made of, told apart by the local name's bytes.
    private enum Tag { case row, c, v, t, inlineString, phonetic, other }

    private static func tag(_ name: UnsafePointer<CChar>) -> Tag {
        let local = XMLName.local(name)
        switch UInt8(bitPattern: local[0]) {
        case UInt8(ascii: "c"): return local[1] == 0 ? .c : .other
        case UInt8(ascii: "v"): return local[1] == 0 ? .v : .other
        case UInt8(ascii: "t"): return local[1] == 0 ? .t : .other
        case UInt8(ascii: "r"):
            if XMLName.isLocal(local, "row") { return .row }
            return XMLName.isLocal(local, "rPh") ? .phonetic : .other
        case UInt8(ascii: "i"): return XMLName.isLocal(local, "is") ? .inlineString : .other
        default: return .other
        }
    }

    func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        switch Self.tag(name) {
        case .c:
            // One pass over the attributes (r, t, s), by their first byte.
            var reference: UnsafePointer<CChar>?, typeText: UnsafePointer<CChar>?, styleText: UnsafePointer<CChar>?
            XMLName.forEachAttribute(attributes) { local, value in
                guard local[0] != 0, local[1] == 0 else { return }
                switch UInt8(bitPattern: local[0]) {
                case UInt8(ascii: "r"): reference = reference ?? value
                case UInt8(ascii: "t"): typeText = typeText ?? value
                case UInt8(ascii: "s"): styleText = styleText ?? value
                default: break
                }
            }
            column = reference.flatMap(Self.columnIndex) ?? column + 1
            type = CellType(typeText)
            style = styleText.map(Self.integer) ?? 0
            value.removeAll(keepingCapacity: true)
            if !inline.isEmpty { inline.removeAll(keepingCapacity: true) }
        case .v:
            capture = .value
        case .row:
            rowNumber = XMLName.attribute(attributes, "r").map(Self.integer) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case .inlineString:
            inInline = true
        case .phonetic:
            inPhonetic = true
        case .t:
            capture = inInline && !inPhonetic ? .inline : .none
        case .other:
            break
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        switch Self.tag(name) {
        case .c: place()
        case .v, .t: capture = .none
        case .row: rows.append(SourceRow(number: rowNumber, cells: cells))
        case .inlineString: inInline = false
        case .phonetic: inPhonetic = false
        case .other: break
        }
    }

    /// A decimal attribute value ("12"); 0 when it is not one.
    private static func integer(_ text: UnsafePointer<CChar>) -> Int {
        var value = 0, cursor = text
        while cursor.pointee >= 48 && cursor.pointee <= 57 {
            value = value &* 10 &+ Int(cursor.pointee - 48)
            cursor += 1
        }
        return value
    }

    func characters(_ text: UnsafePointer<CChar>, _ length: Int) {
        guard capture != .none else { return }
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        let chunk = UnsafeBufferPointer(start: bytes, count: length)
        if capture == .value { value.append(contentsOf: chunk) } else { inline.append(contentsOf: chunk) }
        if value.count + inline.count > Self.maxCellBytes, failure == nil {
            failure = InputError(file: file, row: rowNumber, column: ColumnRef(index: max(column, 0), header: "").letter,
                                 reason: "a cell is longer than 1 MiB, which no client list has; the file is probably damaged.")
            value.removeAll()
            inline.removeAll()
        }
    }

    /// The cell's text by its type (`t`): s shared string, inlineStr, str (formula text), b, e, n.
    private func cellText() -> String {
        if type == .shared {
            if value.isEmpty { return "" }
            switch Self.sharedStringIndex(value).map({ sharedStrings.text($0) }) ?? sharedStrings.missing() {
            case let .text(text):
                return text
            case let .failed(tableFailure):
                if failure == nil { failure = tableFailure }
            case let .missing(count):
                if failure == nil {
                    failure = InputError.damagedWorkbook(
                        file, "the workbook is damaged: a cell refers to text number \"\(Self.shown(value))\", "
                            + "which is not among its \(count) texts",
                        row: rowNumber, column: ColumnRef(index: max(column, 0), header: "").letter)
                }
            }
            return ""
        }
        if type == .inline { return inline.trimmedUTF8String }
        let raw = String(decoding: value, as: UTF8.self)
        switch type {
        case .formulaText, .error:
            return raw.trimmed
        case .boolean:
            return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
        case .shared, .inline, .number:
            guard !raw.isEmpty else { return "" }
            if dateStyles.indices.contains(style), dateStyles[style], let serial = Double(raw) {
                return SpreadsheetValues.date(serial: serial, date1904: date1904)
            }
            return SpreadsheetValues.number(raw)
        }
    }

    /// A shared-string index: decimal digits only (spaces around allowed), at most nine of them.
    /// "-1" or 2^64+1 is no index, not string 1.
    static func sharedStringIndex(_ bytes: [UInt8]) -> Int? {
        let digits = bytes.drop { $0 == 0x20 }.reversed().drop { $0 == 0x20 }.reversed()
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var index = 0
        for byte in digits {
            guard byte >= 48 && byte <= 57 else { return nil }
            index = index * 10 + Int(byte - 48)
        }
        return index
    }

    /// A cell's raw value for a message: at most 20 characters.
    private static func shown(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(20), as: UTF8.self)
        return bytes.count > 20 ? text + "…" : text
    }

    /// Puts the finished cell's text in its column (shared strings arrive trimmed already).
    private func place() {
        guard column >= 0, column < 16_384 else { return }
        let text = cellText()
        guard !text.isEmpty else { return }
        if cells.count == column {
            cells.append(text)
            return
        }
        if cells.count < column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
        cells[column] = text
    }

    /// "AB12" → 27 (0-based column of AB).
    static func columnIndex(_ reference: UnsafePointer<CChar>) -> Int? {
        var index = 0, cursor = reference, letters = 0
        while true {
            let byte = UInt8(bitPattern: cursor.pointee)
            let upper = byte & 0xDF
            guard upper >= 65 && upper <= 90 else { break }
            index = index * 26 + Int(upper - 64)
            letters += 1
            if letters > 3 { return nil }
            cursor += 1
        }
        return letters == 0 ? nil : index - 1
    }
}

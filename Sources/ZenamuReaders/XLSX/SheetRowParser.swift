import ZenamuCore

/// Turns a worksheet's XML events into rows, as they complete: cells placed by their `r`
/// reference (sparse rows and cells), shared and inline strings (phonetic runs skipped), numbers,
/// booleans, errors, cached formula results, and dates by the cell's number format.
final class SheetRowParser: XMLEventHandler {
    /// Cells longer than this do not occur in client lists; beyond it the file is refused.
    static let maxCellBytes = 1 << 20

    private enum Capture { case none, value, inline }

    /// Rows completed since the reader last took them.
    var rows: [SourceRow] = []
    /// Set when the XML is well-formed but its content is not (a shared string that does not exist).
    private(set) var failure: InputError?

    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool
    private let file: String

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    /// The cell's `t` attribute ("s", "inlineStr", "b"…; empty for a number).
    private var typeName = ""
    private var style = 0
    private var capture = Capture.none
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    private var inInline = false, inPhonetic = false

    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool, file: String) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.file = file
    }

    func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        if XMLName.is(name, "c") {
            column = XMLName.attribute(attributes, "r").flatMap(Self.columnIndex) ?? column + 1
            typeName = XMLName.string(attributes, "t") ?? ""
            style = XMLName.attribute(attributes, "s").flatMap { Int(String(cString: $0)) } ?? 0
            value.removeAll(keepingCapacity: true)
            inline.removeAll(keepingCapacity: true)
        } else if XMLName.is(name, "v") {
            capture = .value
        } else if XMLName.is(name, "row") {
            rowNumber = XMLName.attribute(attributes, "r").flatMap { Int(String(cString: $0)) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        } else if XMLName.is(name, "is") {
            inInline = true
        } else if XMLName.is(name, "rPh") {
            inPhonetic = true
        } else if XMLName.is(name, "t") {
            capture = inInline && !inPhonetic ? .inline : .none
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        if XMLName.is(name, "c") {
            place(cellText())
        } else if XMLName.is(name, "v") || XMLName.is(name, "t") {
            capture = .none
        } else if XMLName.is(name, "row") {
            rows.append(SourceRow(number: rowNumber, cells: cells))
        } else if XMLName.is(name, "is") {
            inInline = false
        } else if XMLName.is(name, "rPh") {
            inPhonetic = false
        }
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
        let raw = String(decoding: value, as: UTF8.self)
        switch typeName {
        case "s":
            guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                if failure == nil, !raw.isEmpty {
                    failure = InputError(file: file, row: rowNumber, column: ColumnRef(index: max(column, 0), header: "").letter,
                                         reason: "the workbook is damaged: a cell refers to text that is not in it; "
                                             + "save it again from Excel, or export it as CSV.")
                }
                return ""
            }
            return sharedStrings[index]
        case "inlineStr":
            return String(decoding: inline, as: UTF8.self)
        case "str", "e":
            return raw
        case "b":
            return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
        default:
            guard !raw.isEmpty else { return "" }
            if dateStyles.indices.contains(style), dateStyles[style], let serial = Double(raw) {
                return SpreadsheetValues.date(serial: serial, date1904: date1904)
            }
            return SpreadsheetValues.number(raw)
        }
    }

    private func place(_ text: String) {
        guard column >= 0, column < 16_384 else { return }
        let clean = text.trimmed
        guard !clean.isEmpty else { return }
        if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
        cells[column] = clean
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

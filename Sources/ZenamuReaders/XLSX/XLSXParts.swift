import ZenamuCore

/// Collects the elements of a small part (relationships, workbook, styles) with their attributes.
final class ElementCollector: XMLEventHandler {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// Local names of the open elements around it, outermost first.
        let path: [String]
    }

    private(set) var elements: [Element] = []
    private var path: [String] = []
    private let wanted: Set<String>

    init(wanted: Set<String>) { self.wanted = wanted }

    func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = String(cString: XMLName.local(name))
        if wanted.contains(local) {
            var values: [String: String] = [:]
            XMLName.forEachAttribute(attributes) { key, value in
                values[String(cString: key)] = String(cString: value)
            }
            elements.append(Element(name: local, attributes: values, path: path))
        }
        path.append(local)
    }

    func endElement(_ name: UnsafePointer<CChar>) { _ = path.popLast() }
    func characters(_ text: UnsafePointer<CChar>, _ length: Int) {}

    /// Parses a whole part.
    static func parse(_ bytes: [UInt8], wanted: Set<String>, part: String, file: String) throws -> [Element] {
        let collector = ElementCollector(wanted: wanted)
        try XMLStream(handler: collector, part: part, file: file).feed(bytes, isFinal: true)
        return collector.elements
    }
}

/// The shared-strings table: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out.
/// Held in memory while the sheet is read, so it is capped: no string past
/// `ReaderLimits.maxCellBytes`, no table past `limits.maxSharedStringBytes`.
/// Texts are handed on `chunkSize` at a time, each chunk a table of its own (`SharedStringsLoader`).
final class SharedStringsParser: XMLEventHandler {
    // Unchecked, as in SheetRowParser: one XMLStream drives it, and the checks were a tenth of its cost.
    /// The texts since the last chunk was handed on.
    @exclusivity(unchecked) private var strings = SharedStrings.Builder()
    /// Texts handed on in chunks before `strings`.
    @exclusivity(unchecked) private var handedOn = 0
    /// Set when a cap is hit; the reader stops and throws it.
    private(set) var failure: InputError?
    private let file: String
    private let maxTotalBytes: Int
    private let chunkSize: Int
    private let handOn: (SharedStrings) -> Void
    @exclusivity(unchecked) private var totalBytes = 0
    @exclusivity(unchecked) private var current: [UInt8] = []
    @exclusivity(unchecked) private var inItem = false, inText = false, inPhonetic = false

    init(file: String, limits: ReaderLimits, chunkSize: Int, handOn: @escaping (SharedStrings) -> Void) {
        self.file = file
        maxTotalBytes = limits.maxSharedStringBytes
        self.chunkSize = chunkSize
        self.handOn = handOn
    }

    /// Hands on the texts not handed on yet (call at the end of the part).
    func flush() {
        guard failure == nil, strings.count > 0 else { return }
        handedOn += strings.count
        handOn(SharedStrings(strings))
        strings = SharedStrings.Builder()
    }

    func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let local = XMLName.local(name)
        if XMLName.isLocal(local, "si") {
            inItem = true
            current.removeAll(keepingCapacity: true)
        } else if XMLName.isLocal(local, "rPh") {
            inPhonetic = true
        } else if XMLName.isLocal(local, "t") {
            inText = inItem && !inPhonetic
        }
    }

    func endElement(_ name: UnsafePointer<CChar>) {
        let local = XMLName.local(name)
        if XMLName.isLocal(local, "si") {
            if failure == nil {
                strings.append(trimming: current)
                if strings.count == chunkSize { flush() }
            }
            inItem = false
        } else if XMLName.isLocal(local, "rPh") {
            inPhonetic = false
        } else if XMLName.isLocal(local, "t") {
            inText = false
        }
    }

    func characters(_ text: UnsafePointer<CChar>, _ length: Int) {
        guard inText, failure == nil else { return }
        totalBytes += length
        if current.count + length > ReaderLimits.maxCellBytes {
            failure = InputError(file: file, reason: "the workbook's text number \(handedOn + strings.count + 1) is longer than "
                + "\(size: UInt64(ReaderLimits.maxCellBytes)), the most a cell may hold here (Excel itself stops at "
                + "32,767 characters); the file is damaged or built to exhaust the reader.")
        } else if totalBytes > maxTotalBytes {
            failure = InputError(file: file, reason: "the workbook's texts add up to more than "
                + "\(size: UInt64(maxTotalBytes)), the cap on a workbook's shared texts; a client list of a million "
                + "clients needs about 40 MB. Export it as CSV, which has no such cap.")
        }
        guard failure == nil else {
            current = []
            return
        }
        text.withMemoryRebound(to: UInt8.self, capacity: length) { current.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
    }
}

/// Which cell styles show dates, from `styles.xml`: each `<cellXfs>/<xf>` names a number format,
/// built in (14 = m/d/yyyy…) or custom (`<numFmt formatCode="dd.mm.yyyy">`).
enum StylesPart {
    static func dateStyles(_ bytes: [UInt8], part: String, file: String) throws -> [Bool] {
        let elements = try ElementCollector.parse(bytes, wanted: ["numFmt", "xf"], part: part, file: file)
        var customDates: Set<Int> = []
        for element in elements where element.name == "numFmt" {
            if let id = element.attributes["numFmtId"].flatMap(Int.init), let code = element.attributes["formatCode"],
               SpreadsheetValues.isDateFormat(code) {
                customDates.insert(id)
            }
        }
        return elements.filter { $0.name == "xf" && $0.path.last == "cellXfs" }.map { xf in
            let id = xf.attributes["numFmtId"].flatMap(Int.init) ?? 0
            return SpreadsheetValues.builtInDateFormats.contains(id) || customDates.contains(id)
        }
    }
}

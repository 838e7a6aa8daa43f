import CExpat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZenamuCore

/// What an XML part's events go to. Names arrive as written, with their prefix if they have one
/// (`x:c`); use `XMLName` to compare local names without making Strings, and to walk attributes
/// without the namespace declarations among them.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>)
    func endElement(_ name: UnsafePointer<CChar>)
    func characters(_ text: UnsafePointer<CChar>, _ length: Int)
}

/// An Expat parser, fed chunk by chunk, and hardened: a DOCTYPE is refused
/// outright (SpreadsheetML never has one, and it is where entity bombs and external entities
/// live), parameter entities are never parsed, external entities never resolved (no handler is
/// set), and Expat's amplification guard is on as a second line.
final class XMLStream {
    private let parser: XML_Parser
    // A constant held strongly (the stream's owner holds the handler too: no cycle), read through
    // a guaranteed reference to the stream: no retain or release per XML event, which an
    // unowned reference cost (3% of reading a sheet, more in time: they are atomic).
    private let handler: any XMLEventHandler
    private let part: String
    private let file: String
    private var refusedDoctype = false

    init(handler: any XMLEventHandler, part: String, file: String) {
        self.handler = handler
        self.part = part
        self.file = file
        // Without namespace processing: readers match local names only (SpreadsheetML's two
        // namespaces, transitional and strict, read alike), and Expat would otherwise build
        // `uri|local` for every element, a tenth of reading a sheet. A prefix declared nowhere
        // is then no reason to refuse a workbook whose data can be read.
        parser = XML_ParserCreate(nil)
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER)
        _ = XML_SetBillionLaughsAttackProtectionMaximumAmplification(parser, 100)
        _ = XML_SetBillionLaughsAttackProtectionActivationThreshold(parser, 8 << 20)
        XML_SetElementHandler(parser, { data, name, attributes in
            guard let data, let name, let attributes else { return }
            XMLStream.with(data) { $0.handler.startElement(name, attributes) }
        }, { data, name in
            guard let data, let name else { return }
            XMLStream.with(data) { $0.handler.endElement(name) }
        })
        XML_SetCharacterDataHandler(parser) { data, text, length in
            guard let data, let text else { return }
            XMLStream.with(data) { $0.handler.characters(text, Int(length)) }
        }
        XML_SetStartDoctypeDeclHandler(parser) { data, _, _, _, _ in
            guard let data else { return }
            XMLStream.with(data) { stream in
                stream.refusedDoctype = true
                XML_StopParser(stream.parser, XML_FALSE)
            }
        }
    }

    deinit { XML_ParserFree(parser) }

    /// The stream behind Expat's user data, borrowed for one event: Expat runs only inside
    /// `feed`, while the stream is alive.
    private static func with(_ data: UnsafeMutableRawPointer, _ body: (XMLStream) -> Void) {
        Unmanaged<XMLStream>.fromOpaque(data)._withUnsafeGuaranteedRef(body)
    }

    /// Parses the next chunk; pass `isFinal` with the last one (which may be empty).
    func feed(_ bytes: [UInt8], isFinal: Bool) throws {
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                XML_Parse(parser, $0.baseAddress, Int32($0.count), isFinal ? 1 : 0)
            }
        }
        guard status == XML_STATUS_ERROR else { return }
        if refusedDoctype {
            throw InputError(file: file, reason: "the workbook's part \(part) declares a DOCTYPE, which no spreadsheet does "
                + "and which can hide entity bombs or reach for other files; it was not read. Save the file again from Excel, "
                + "or export it as CSV.")
        }
        let code = XML_GetErrorCode(parser)
        let what = XML_ErrorString(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        let line = XML_GetCurrentLineNumber(parser)
        if code == XML_ERROR_AMPLIFICATION_LIMIT_BREACH {
            throw InputError(file: file, reason: "the workbook's part \(part) expands its entities far beyond its size, as "
                + "entity bombs do; it was not read.")
        }
        throw InputError.damagedWorkbook(file, "the workbook is damaged: its part \(part) is not well-formed XML "
            + "(line \(line): \(what))")
    }
}

/// Compares Expat names with literals, on bytes: no String per element on the hot path.
enum XMLName {
    /// The local part of a name: `c` of `x:c`, `c` of `c`.
    static func local(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
        // Names are short: one pass, no call.
        var local = name, cursor = name
        while cursor.pointee != 0 {
            if cursor.pointee == CChar(UInt8(ascii: ":")) { local = cursor + 1 }
            cursor += 1
        }
        return local
    }

    /// Calls `body` with the local name and value of each attribute, leaving out namespace
    /// declarations (`xmlns`, `xmlns:r`), which are not attributes of the data: `xmlns:r` on a
    /// cell must not read as its reference `r`.
    @inline(__always)
    static func forEachAttribute(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>,
                                 _ body: (_ local: UnsafePointer<CChar>, _ value: UnsafePointer<CChar>) -> Void) {
        var index = 0
        while let name = attributes[index], let value = attributes[index + 1] {
            index += 2
            if isNamespaceDeclaration(name) { continue }
            body(local(name), value)
        }
    }

    /// `xmlns` or `xmlns:…`.
    private static func isNamespaceDeclaration(_ name: UnsafePointer<CChar>) -> Bool {
        // Most attribute names do not start with an x: one comparison.
        guard name[0] == CChar(UInt8(ascii: "x")) else { return false }
        let xmlns: StaticString = "xmlns"
        for offset in 1..<5 where UInt8(bitPattern: name[offset]) != xmlns.utf8Start[offset] { return false }
        return name[5] == 0 || name[5] == CChar(UInt8(ascii: ":"))
    }

    /// Compares an already extracted local name with a literal.
    @inline(__always)
    static func isLocal(_ local: UnsafePointer<CChar>, _ literal: StaticString) -> Bool {
        let bytes = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where UInt8(bitPattern: local[offset]) != bytes[offset] {
            return false
        }
        return local[literal.utf8CodeUnitCount] == 0
    }

    /// The value of the attribute whose local name is `literal`.
    static func attribute(_ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>, _ literal: StaticString)
        -> UnsafePointer<CChar>?
    {
        var found: UnsafePointer<CChar>?
        forEachAttribute(attributes) { local, value in
            if found == nil, isLocal(local, literal) { found = value }
        }
        return found
    }
}

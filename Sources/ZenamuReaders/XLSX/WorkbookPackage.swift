import Foundation
import ZenamuCore

/// An XLSX package opened to look at its parts as XML trees: what a workbook shows beyond its
/// values (fills, comments, validations, frozen panes). Reading values is `TableReader`'s job;
/// this is for tools and tests that check how a workbook looks. It goes through the same libzip
/// archive, limits and hardened Expat parser as the reader, and reads whole parts into memory, so
/// it is meant for workbooks the project wrote, not for streaming a customer's file.
public final class WorkbookPackage {
    private let archive: ZipArchive

    public init(path: String, limits: ReaderLimits = ReaderLimits()) throws {
        archive = try ZipArchive(path: path, file: (path as NSString).lastPathComponent, limits: limits)
    }

    /// The part `name` (`xl/workbook.xml`) as a tree, or nil when the package has no such part.
    public func tree(_ name: String) throws -> XMLTree? {
        guard let bytes = try archive.read(name) else { return nil }
        return try XMLTree.parse(bytes, part: name, file: archive.file)
    }
}

/// An XML element with its attributes, children and text, names without their namespace.
public final class XMLTree {
    public let name: String
    public private(set) var attributes: [String: String] = [:]
    public private(set) var children: [XMLTree] = []
    /// The element's own character data (not its children's).
    public private(set) var text = ""

    init(name: String) { self.name = name }

    /// Every descendant with this local name, in document order.
    public func all(_ local: String) -> [XMLTree] {
        children.flatMap { ($0.name == local ? [$0] : []) + $0.all(local) }
    }

    /// The text of this element and of all its descendants, in document order.
    public var allText: String { text + children.map(\.allText).joined() }

    static func parse(_ bytes: [UInt8], part: String, file: String) throws -> XMLTree {
        let builder = Builder()
        try XMLStream(handler: builder, part: part, file: file).feed(bytes, isFinal: true)
        return builder.root
    }

    /// Builds the tree from Expat's events.
    private final class Builder: XMLEventHandler {
        let root = XMLTree(name: "")
        private lazy var stack: [XMLTree] = [root]

        func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
            let node = XMLTree(name: String(cString: XMLName.local(name)))
            XMLName.forEachAttribute(attributes) { key, value in
                node.attributes[String(cString: key)] = String(cString: value)
            }
            stack.last?.children.append(node)
            stack.append(node)
        }

        func endElement(_ name: UnsafePointer<CChar>) { _ = stack.popLast() }

        func characters(_ text: UnsafePointer<CChar>, _ length: Int) {
            let bytes = UnsafeRawBufferPointer(start: text, count: length)
            stack.last?.text += String(decoding: bytes, as: UTF8.self)
        }
    }
}

import Foundation
import ZenamuCore

/// A system described in data: its header vocabulary, the columns it names its own way, and
/// samples. The schema is documented in docs/ADAPTERS.md; `zenamu-migrate adapters check FILE`
/// validates one and runs its samples.
public struct AdapterDeclaration: Codable, Sendable, Equatable {
    /// The schema version this file is written for.
    public var schema: Int
    public var id: String
    public var name: String
    public var systems: [String]
    public var languages: [String]
    public var fingerprint: String
    /// Headers only this system writes, as it writes them. A file is the system's when at least
    /// `minimumSignature` of them are among its headers.
    public var signature: [String]
    public var minimumSignature: Int?
    /// The system's own column names and the field each feeds: `"Mobile Number": "phone"`.
    /// `null` declares a column the system writes and the tool must not use. A phone may carry a
    /// rank after a colon (`"phone:2"`): lower ranks are tried first.
    public var columns: [String: String?]?
    /// Columns that say the opposite of consent ("Unsubscribed"): yes there means no newsletter.
    public var optOutColumns: [String]?
    /// `"passesByClient"`: one row per pass, assembled into clients. Default: one row per client.
    public var assembly: String?
    /// `"dayFirst"` or `"monthFirst"`: the order of the system's slashed dates. Default: a slashed
    /// date is read only when one order makes sense.
    public var dateOrder: String?
    public var samples: [Sample]

    public struct Sample: Codable, Sendable, Equatable {
        public var name: String
        public var csv: String
        public var expected: [String]

        public init(name: String, csv: String, expected: [String]) {
            self.name = name
            self.csv = csv
            self.expected = expected
        }
    }

    public static let currentSchema = 1

    /// For a Swift adapter that starts from a declaration of its vocabulary, and for `inspect
    /// --save-mapping`.
    public init(id: String, name: String, systems: [String], languages: [String], fingerprint: String, signature: [String],
         minimumSignature: Int? = nil, columns: [String: String?]? = nil, samples: [Sample] = []) {
        schema = Self.currentSchema
        self.id = id
        self.name = name
        self.systems = systems
        self.languages = languages
        self.fingerprint = fingerprint
        self.signature = signature
        self.minimumSignature = minimumSignature
        self.columns = columns
        self.samples = samples
    }

    /// Decodes and checks a declaration; every problem is a sentence naming `file`.
    public static func decode(_ data: Data, file: String) throws -> AdapterDeclaration {
        let declaration: AdapterDeclaration
        do {
            declaration = try JSONDecoder().decode(AdapterDeclaration.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw DeclarationError(file: file, reason: "the key \"\(key.stringValue)\" is missing"
                + Self.place(context.codingPath) + ".")
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            throw DeclarationError(file: file, reason: "\(Self.place(context.codingPath, lead: "")) should be \(Self.words(type)).")
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            throw DeclarationError(file: file, reason: "it is not valid JSON"
                + (underlying.map { " (\($0))" } ?? "") + ".")
        } catch {
            throw DeclarationError(file: file, reason: "it cannot be read as an adapter declaration.")
        }
        try declaration.validate(file: file)
        return declaration
    }

    func validate(file: String) throws {
        func fail(_ reason: String) -> DeclarationError { DeclarationError(file: file, reason: reason) }
        guard schema == Self.currentSchema else {
            throw fail("it is written for schema \(schema); this zenamu-migrate reads schema \(Self.currentSchema).")
        }
        guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw fail("the id \"\(id)\" should be lower-case letters, digits and hyphens, such as \"fresha\".")
        }
        guard !signature.isEmpty else { throw fail("\"signature\" should name at least one header only this system writes.") }
        if let minimum = minimumSignature, !(1...signature.count).contains(minimum) {
            throw fail("\"minimumSignature\" is \(minimum); it should be between 1 and the \(signature.count) signature headers.")
        }
        for (header, field) in columns ?? [:] {
            guard let field else { continue }
            guard Self.field(field) != nil else {
                throw fail("column \"\(header)\" maps to \"\(field)\", which is not a field; use one of "
                    + CanonicalField.allCases.map(\.rawValue).joined(separator: ", ") + " (a phone may add a rank: \"phone:2\").")
            }
        }
        if let dateOrder, DateOrder(rawValue: dateOrder) == nil {
            throw fail("\"dateOrder\" is \"\(dateOrder)\"; use \"dayFirst\" or \"monthFirst\".")
        }
        if let assembly, Self.assembly(assembly) == nil {
            throw fail("\"assembly\" is \"\(assembly)\"; use \"onePerRow\" or \"passesByClient\".")
        }
        guard !samples.isEmpty else { throw fail("\"samples\" is empty; an adapter ships at least one sample its tests run.") }
    }

    /// `"phone:2"` → (.phone, 2).
    static func field(_ text: String) -> (field: CanonicalField, rank: Int)? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard let name = parts.first, let field = CanonicalField(rawValue: String(name)) else { return nil }
        guard parts.count == 2 else { return (field, 0) }
        guard let rank = Int(parts[1]) else { return nil }
        return (field, rank)
    }

    static func assembly(_ text: String) -> RowAssembly? {
        switch text {
        case "onePerRow": .onePerRow
        case "passesByClient": .passesByClient
        default: nil
        }
    }

    private static func place(_ path: [any CodingKey], lead: String = " in ") -> String {
        let keys = path.map { $0.intValue.map { "#\($0 + 1)" } ?? $0.stringValue }
        guard !keys.isEmpty else { return lead.isEmpty ? "the file" : "" }
        return lead + "\"" + keys.joined(separator: ".") + "\""
    }

    private static func words(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is [String].Type: "a list of texts"
        default: "of another kind"
        }
    }
}

/// A declarative adapter that cannot be used, and why.
public struct DeclarationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String

    public var description: String { "\(file): \(reason)" }
}

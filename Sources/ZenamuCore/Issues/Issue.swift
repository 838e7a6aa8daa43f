/// How bad an issue is. An error rejects the row; a warning accepts it with a note.
public enum Severity: String, Sendable, Codable, Equatable {
    case error, warning
}

/// A kind of problem: a stable code scripts can rely on, its severity, and its message in English.
///
/// Each rule declares its kinds beside itself (`extension IssueKind { static let … }`), so a code and
/// its wording are found in one place. Templates name their details in braces: `{value}`,
/// `{suggestion}`, `{row}`…
public struct IssueKind: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let severity: Severity
    public let english: String
    /// For a warning whose words assume the row is imported ("the client will be created"): what
    /// it says on a row that was rejected for another reason. Catalogues key it `code@rejected`.
    public let englishOnRejectedRow: String?

    public init(_ code: String, _ severity: Severity, english: String, onRejectedRow: String? = nil) {
        self.code = code
        self.severity = severity
        self.english = english
        englishOnRejectedRow = onRejectedRow
    }

    /// The catalogue key of the rejected-row wording.
    public var rejectedRowKey: String { code + "@rejected" }

    public var description: String { code }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// One problem found in one row: data, not a log line.
public struct Issue: Sendable, Equatable {
    public var kind: IssueKind
    public var file: String
    public var row: Int
    public var column: ColumnRef?
    public var field: CanonicalField?
    /// The value as the customer wrote it.
    public var value: String?
    /// A corrected value the customer can accept ("jana@gmail.com").
    public var suggestion: String?
    /// Further named details the message template uses.
    public var details: [String: String]

    public init(_ kind: IssueKind, file: String, row: Int, column: ColumnRef? = nil,
                field: CanonicalField? = nil, value: String? = nil, suggestion: String? = nil,
                details: [String: String] = [:]) {
        self.kind = kind
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.value = value
        self.suggestion = suggestion
        self.details = details
    }

    public var code: String { kind.code }
    public var severity: Severity { kind.severity }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.kind == rhs.kind && lhs.file == rhs.file && lhs.row == rhs.row && lhs.column == rhs.column
            && lhs.field == rhs.field && lhs.value == rhs.value && lhs.suggestion == rhs.suggestion
            && lhs.details == rhs.details
    }
}

extension IssueKind {
    /// Fills `{name}` placeholders; an unknown placeholder is left as written so a missing detail
    /// shows up in tests instead of vanishing.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        // Over UTF-8: braces are ASCII, so they never fall inside a letter's bytes, and a
        // template is read without breaking it into characters (a message is rendered for every
        // issue, several times).
        let bytes = template.utf8
        var out = ""
        out.reserveCapacity(bytes.count + 32)
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
            out += template[rest..<open]
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                rest = open
                break
            }
            let name = String(template[bytes.index(after: open)..<close])
            out += values[name] ?? "{\(name)}"
            rest = bytes.index(after: close)
        }
        out += template[rest...]
        return out
    }
}

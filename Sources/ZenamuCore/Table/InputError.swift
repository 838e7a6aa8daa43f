/// A file that cannot be read at all. Its description is the one sentence the user sees: the file,
/// where (row and column, when there is one) and what is wrong.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    public var reason: String

    public init(file: String, row: Int? = nil, column: String? = nil, reason: String) {
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(reason)"
    }
}

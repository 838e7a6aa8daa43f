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

    /// One line, whatever the file's name or the values quoted in the reason hold.
    public var description: String {
        var place = OneLine.text(file, limit: 120)
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(OneLine.text(column, limit: 40))" }
        return "\(place): \(OneLine.text(reason, limit: 2_000))"
    }
}

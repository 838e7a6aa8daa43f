/// A text encoding as iconv names it, with the byte-order mark the file started with.
public struct TextEncoding: Sendable, Equatable {
    /// iconv's name: "UTF-8", "UTF-16LE", "WINDOWS-1250"…
    public var name: String
    /// Bytes of byte-order mark to skip at the start of the file.
    public var bomLength: Int
    /// How it was decided, for `inspect` and the report.
    public var reason: String

    public init(name: String, bomLength: Int = 0, reason: String) {
        self.name = name
        self.bomLength = bomLength
        self.reason = reason
    }

    public var isUTF8: Bool { name == "UTF-8" }
}

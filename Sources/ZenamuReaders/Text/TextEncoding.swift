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

    /// Bytes per code unit: a broken character is skipped a whole unit at a time, or every
    /// character after it would be read out of step.
    public var unitSize: Int { name.hasPrefix("UTF-32") ? 4 : name.hasPrefix("UTF-16") ? 2 : 1 }
}

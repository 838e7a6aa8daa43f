extension String {
    /// `StringProtocol.trimmed`, for a String: asked of every cell read, so the common answer
    /// (an ASCII byte that is not white space at each end: nothing to trim, since no character
    /// that starts or ends with one is white space) is given without the generic call.
    public var trimmed: String {
        guard !isEmpty else { return self }
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, first > 0x20, last > 0x20 {
            return self
        }
        return self[...].trimmed
    }
}

extension StringProtocol {
    /// Without spaces, tabs, line breaks, no-break spaces or stray byte-order marks at either end.
    /// Pure Swift: Foundation's `trimmingCharacters` bridges through NSString on Linux and showed
    /// up in the benchmark's profile.
    public var trimmed: String {
        let text = String(self)
        // An ASCII byte that is not white space at each end: nothing to trim (no character that
        // starts or ends with one is white space).
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           first > 0x20, last > 0x20 { return text }
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        // Most cells are already clean: look at the two ends before walking anything.
        if let first, let last, !isSpace(first), !isSpace(last) { return String(self) }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}

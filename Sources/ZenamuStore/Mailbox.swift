import Foundation

/// An e-mail header's mailbox, built only from checked parts: a display name, which may hold
/// anything (it is quoted or encoded, never written raw), and an address that holds nothing a
/// header could be broken with. `--from` is parsed into one, or refused with a sentence.
public struct Mailbox: Sendable, Equatable {
    /// The display name as text, with line breaks, other control characters and bidi controls
    /// turned into spaces; may be empty.
    public let name: String
    public let address: String

    public init(name: String, address: String) throws {
        guard Self.isAddress(address) else { throw MailboxError("\"\(Self.shown(address))\" is not an e-mail address") }
        self.name = Self.cleaned(name)
        self.address = address
    }

    /// `Studio Lotus <hello@lotus.example>`, `"Studio Lotus" <hello@lotus.example>` or a bare address.
    public static func parse(_ text: String) throws -> Mailbox {
        if text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw MailboxError("\"\(shown(text))\" holds a line break; give one sender, such as \"Studio Lotus <hello@lotus.example>\"")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            return try Mailbox(name: "", address: trimmed)
        }
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        do {
            return try Mailbox(name: name, address: address)
        } catch {
            throw MailboxError("\"\(shown(text))\" is not a sender such as \"Studio Lotus <hello@lotus.example>\": "
                + "\"\(shown(address))\" is not an e-mail address")
        }
    }

    /// The header value: `"Name" <address>`, the name as RFC 2047 encoded words when it is not
    /// plain ASCII or could be read as encoded words itself.
    public var header: String {
        guard !name.isEmpty else { return "<\(address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F } && !name.contains("=?")
        let phrase = plain
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : Self.encodedWords(name)
        return phrase + " <\(address)>"
    }

    /// One `@`, something on each side, no space, control character or character that ends an
    /// address in a header (`<>()[],;:"\`), no empty label in the domain, at most 254 bytes.
    static func isAddress(_ text: String) -> Bool {
        let forbidden = Set("<>()[],;:\"\\".unicodeScalars)
        guard text.utf8.count <= 254, !text.unicodeScalars.contains(where: {
            forbidden.contains($0) || $0.properties.isWhitespace || $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format
        }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[1].split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
    }

    /// Line breaks, control characters and bidi controls become spaces; runs of spaces one.
    public static func cleaned(_ name: String) -> String {
        let scalars = name.unicodeScalars.map { scalar -> Unicode.Scalar in
            let category = scalar.properties.generalCategory
            return category == .control || category == .format || category == .lineSeparator
                || category == .paragraphSeparator ? " " : scalar
        }
        return String(String.UnicodeScalarView(scalars)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, no character cut in two, folded.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// A value shown in a sentence: one line, not too long.
    private static func shown(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}

/// Why a sender or recipient cannot be written into an e-mail, in a sentence.
public struct MailboxError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

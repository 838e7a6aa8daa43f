import Foundation
import ZenamuCore

/// One invitation as a ready-to-send RFC 5322 message (`.eml`): UTF-8 throughout, non-ASCII header
/// text as RFC 2047 encoded words, and a multipart/alternative body with a plain-text and an HTML
/// part, both base64 so no line is too long and no byte is mangled in transit. In the studio's
/// language: it names the studio, the balances waiting, and the address to sign up with.
public struct InvitationMail: Sendable {
    public let invitation: Invitation
    public let studio: String
    public let from: Mailbox
    public let messages: MessageCatalogue
    public let date: Date

    public init(_ invitation: Invitation, studio: String, from: Mailbox, messages: MessageCatalogue, date: Date = Date()) {
        self.invitation = invitation
        self.studio = studio
        self.from = from
        self.messages = messages
        self.date = date
    }

    /// The recipient: the client's name and address (the store keeps only valid addresses; one
    /// that is not is refused here rather than written).
    public var to: Mailbox {
        get throws { try Mailbox(name: invitation.name, address: invitation.email) }
    }

    var words: Words { messages.words }

    public var subject: String { IssueKind.render(words.invitationSubject, ["studio": studio]) }

    /// The paragraphs of the message, shared by both parts.
    public var paragraphs: [String] {
        let entries = invitation.entries.flatMap { $0 > 0 ? String($0) : nil }
        let credits = invitation.credits.flatMap { (Decimal(string: $0) ?? 0) > 0 ? $0 : nil }
        let balance = words.balance(entries: entries, credits: credits, language: messages.language)
        let values = ["studio": studio, "name": invitation.name, "email": invitation.email, "balance": balance ?? ""]
        return [
            IssueKind.render(words.invitationGreeting, values),
            IssueKind.render(balance == nil ? words.invitationNoBalance : words.invitationBalance, values),
            IssueKind.render(words.invitationSignUp, values),
            words.invitationClosing + "\n" + studio,
        ]
    }

    /// The whole message, CRLF line ends.
    public var rfc5322: String {
        get throws {
        let boundary = "zenamu-" + UUID().uuidString
        let text = paragraphs.joined(separator: "\n\n").replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let html = "<!DOCTYPE html>\n<html lang=\"\(messages.language.rawValue)\"><head><meta charset=\"utf-8\"><title>"
            + Self.escaped(subject) + "</title></head><body>\n"
            + paragraphs.map { "<p>" + Self.escaped($0).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }.joined(separator: "\n")
            + "\n</body></html>\n"
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = [
            "From: " + from.header,
            "To: " + (try to).header,
            "Subject: " + Self.encodedWord(subject),
            "Date: " + formatter.string(from: date),
            "Message-ID: <\(UUID().uuidString.lowercased())@zenamu-migrate.invalid>",
            "MIME-Version: 1.0",
            "Content-Language: " + messages.language.rawValue,
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--" + boundary, "Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(Data(body.utf8))
        }
        lines += ["--" + boundary + "--", ""]
        return lines.joined(separator: "\r\n")
        }
    }

    /// RFC 2047 `=?UTF-8?B?…?=` for text that is not plain ASCII, split so no encoded word passes
    /// 75 characters and no character is cut in two.
    static func encodedWord(_ text: String) -> String {
        // Line breaks and controls in the studio's name become spaces: a subject is one header.
        let text = Mailbox.cleaned(text)
        guard !text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) || text.contains("=?")
        else { return text }
        return Mailbox.encodedWords(text)
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A file name for the message: its place in the outbox and the address, safe on any disk.
    /// At most 100 characters of the address, so that the name stays within every file system's
    /// 255 bytes; the place in the outbox keeps names unique.
    public func fileName(index: Int) -> String {
        let safe = invitation.email.map { $0.isASCII && ($0.isLetter || $0.isNumber || "@._-+".contains($0)) ? $0 : "_" }
        return String(format: "%04d-", index) + String(safe.prefix(100)) + ".eml"
    }
}

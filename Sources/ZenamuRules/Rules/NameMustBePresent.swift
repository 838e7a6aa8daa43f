import Foundation
import ZenamuCore

/// Builds the client's name from whichever name columns the file has, and rejects a row without
/// one: Zenamu needs a name and surname for every client.
///
/// - Given and family name columns: "Given Family" (Hungarian: "Family Given", as Hungarians write it).
/// - One cell with a comma, "Nováková, Jana": surname first (Mindbody, Acuity), shown "Jana Nováková".
/// - One cell without a comma: shown as written; the first word is the given name
///   (for Hungarian files, the family name).
public struct NameMustBePresent: NormalisationRule {
    public init() {}

    public static let kinds: [IssueKind] = [.nameRequired, .nameNotAName]

    public static let examples = [
        IssueExamples(
            kind: .nameRequired, when: "no name at all",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["", "ada@example.com"]], raises: [1: [.nameRequired]]),
                // The family name alone is a name.
                IssueExample(header: ["First name", "Last name", "Email"], rows: [["", "Example", "ada@example.com"]]),
            ]),
        IssueExamples(
            kind: .nameNotAName,
            when: "the name cell holds an e-mail, a phone or several lines (`Mia Chen+1 604… / mia@… / A`): never imported as a name; the suggestion is the split (`Mia Chen · mia@… · +1 604…`)",
            examples: [
                IssueExample(header: ["Name", "Email"], rows: [["Mia Example+1 604 555 0182\nmia@example.com\nA", "mia@example.com"]],
                             raises: [1: [.nameNotAName]]),
                IssueExample(header: ["Name", "Email", "Phone"], rows: [["Mia Example", "mia@example.com", "+1 604 555 0182"]]),
                // A name starting like a formula is a name: the outputs neutralise it ('@Mia in clients.csv).
                IssueExample(header: ["Name", "Email"], rows: [["@Mia Example", "mia@example.com"]]),
            ]),
    ]

    public func apply(_ raw: RawClient, to record: inout ClientRecord, issues: inout RowIssues, context: RuleContext) {
        let familyFirst = context.language == "hu"
        let given = raw[.givenName].map { collapse($0.text) }
        let prefix = raw[.familyNamePrefix].map { collapse($0.text) }
        let family = raw[.familyName].map { collapse([prefix, $0.text].compactMap { $0 }.joined(separator: " ")) }
        let full = raw[.fullName].map { collapse($0.text) }

        if given != nil || family != nil {
            let parts = familyFirst ? [family, given] : [given, family]
            record.name = PersonName(display: parts.compactMap { $0 }.joined(separator: " "), given: given,
                                     family: family, original: [given, family, full].compactMap { $0 }.joined(separator: " | "))
        } else if let full {
            record.name = split(full, familyFirst: familyFirst)
        }

        // A cell that packs a whole contact (name, phone, e-mail, a status letter) is not a name:
        // importing it would give the client a name nobody can sign in under.
        for value in [raw[.fullName], raw[.givenName], raw[.familyName]].compactMap({ $0 }) {
            if let parts = PackedContact(value.text) {
                issues.add(.nameNotAName, value, field: .fullName, suggestion: parts.suggestion)
                return
            }
        }

        if record.name.display.isEmpty {
            let column = context.columns[.fullName] ?? context.columns[.givenName] ?? context.columns[.familyName]
            issues.add(.nameRequired, emptyIn: column, field: .fullName)
        }
    }

    func split(_ full: String, familyFirst: Bool) -> PersonName {
        let commaParts = full.utf8.contains(UInt8(ascii: ","))
            ? full.split(separator: ",", omittingEmptySubsequences: true).map { collapse(String($0)) } : []
        if commaParts.count == 2 {
            let family = commaParts[0], given = commaParts[1]
            let display = familyFirst ? "\(family) \(given)" : "\(given) \(family)"
            return PersonName(display: display, given: given, family: family, original: full)
        }
        if let (first, second) = Self.twoWords(full) {
            return familyFirst ? PersonName(display: full, given: second, family: first, original: full)
                : PersonName(display: full, given: first, family: second, original: full)
        }
        let words = full.wordsBetweenSpaces.map(String.init)
        guard words.count >= 2 else { return PersonName(display: full, given: full, original: full) }
        if familyFirst {
            return PersonName(display: full, given: words.dropFirst().joined(separator: " "), family: words[0], original: full)
        }
        return PersonName(display: full, given: words[0], family: words.dropFirst().joined(separator: " "), original: full)
    }

    /// The two words of a name with exactly one space inside ("Jana Nováková", most names), as
    /// `wordsBetweenSpaces` splits it; nil for any other name.
    static func twoWords(_ name: String) -> (String, String)? {
        var copy = name
        let space = copy.withUTF8 { bytes -> Int? in
            var found: Int?
            for index in bytes.indices where bytes[index] == 0x20 {
                guard found == nil else { return nil }
                found = index
            }
            return found.flatMap { $0 > 0 && $0 < bytes.count - 1 ? $0 : nil }
        }
        guard let space, name.scalarsAreCharacters else { return nil }
        let utf8 = name.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: space)
        return (String(name[..<end]), String(name[utf8.index(after: end)...]))
    }

    /// Single spaces between words; most names already are, and are returned as they are.
    func collapse(_ text: String) -> String {
        var copy = text
        let clean = copy.withUTF8 { bytes in
            var previousWasSpace = true
            for byte in bytes {
                let isSpace = byte == 0x20
                guard byte >= 0x21 || (isSpace && !previousWasSpace) else { return false }
                previousWasSpace = isSpace
            }
            return !previousWasSpace
        }
        return clean ? text : text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension IssueKind {
    public static let nameRequired = IssueKind(
        "name_required", .error,
        english: "The client has no name. Zenamu needs a name and surname for every client: fill in the name.")
}

extension IssueKind {
    public static let nameNotAName = IssueKind(
        "name_not_a_name", .error,
        english: "The name cell holds more than a name (an e-mail, a phone or several lines), so it cannot be imported as the client's name. It reads as: {suggestion}. Put the name, the e-mail and the phone each in its own column.")
}

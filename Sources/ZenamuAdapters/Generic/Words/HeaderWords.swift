import Foundation
import ZenamuCore

/// Headers read by the words they contain, when no synonym phrase matches the whole header:
/// "Souhaite recevoir la newsletter", "Classes Remaining", "Maradék alkalmak", "Restguthaben",
/// "Wyrażam zgodę na otrzymywanie informacji handlowych". Balances are read by their stems in any
/// order, singular or plural, inside compounds (`BalanceHeaderWords`); consent by weighted words and the
/// legal sentences forms use (`ConsentHeaderWords`). The report names the words that decided.
enum HeaderWords {
    struct Match: Equatable {
        /// nil: a column the words place and the tool deliberately does not use.
        let field: CanonicalField?
        let words: [String]
        let languages: [String]
        let note: String?
        var inverted = false
        /// Among phone columns, lower ranks are tried first (`HeaderSynonym.mobile`…).
        var rank = 0
    }

    /// The header's words, folded (no accents, lower case), with each pair of neighbours joined too
    /// ("e mail" → "email", "opt in" → "optin").
    static func tokens(_ header: String) -> [String] {
        guard HeaderText.isPlausible(header) else { return [] }
        let words = words(header)
        return words + zip(words, words.dropFirst()).map { $0 + $1 }
    }

    /// The header's words alone, folded.
    static func words(_ header: String) -> [String] {
        guard HeaderText.isPlausible(header) else { return [] }
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "ł", with: "l")
        return folded.unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }
            .map { String(String.UnicodeScalarView($0)) }
    }

    /// The field the header's words reach, if any: a balance first (its words are specific), then
    /// consent, then the other fields (`FieldHeaderWords`).
    static func match(_ header: String) -> Match? {
        let words = words(header)
        guard !words.isEmpty else { return nil }
        let tokens = tokens(header)
        return BalanceHeaderWords.match(words) ?? ConsentHeaderWords.match(tokens) ?? FieldHeaderWords.match(words)
            ?? ConsentHeaderWords.accountState(tokens) ?? OtherFieldWords.match(tokens)
    }

    /// Languages in first-seen order, once each.
    static func distinct(_ languages: [String]) -> [String] {
        languages.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

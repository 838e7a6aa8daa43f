import Foundation
import ZenamuCore

/// Yes and no in the languages studios export in (reference §3.9), compared lower-cased and
/// without accents. Anything else is unknown: never read as yes.
public enum ConsentWords {
    static let yes: Set<String> = [
        "yes", "y", "true", "1", "x", "✓", "✔", "opted in", "opted-in", "subscribed", "agreed", "accepted",
        "oui", "o", "vrai", "accepte", "abonne",
        "si", "vero", "accettato", "iscritto",
        "igen", "i", "igaz", "elfogadva", "feliratkozott",
        "ano", "a", "pravda", "souhlasi", "souhlas", "prihlasen",
        "suhlasi",
        "ja", "j", "wahr", "zugestimmt", "angemeldet",
        "tak", "t", "prawda", "zgoda",
        "s", "verdadero", "acepta",
        "waar", "aangemeld",
    ]
    static let no: Set<String> = [
        "no", "n", "false", "0", "opted out", "opted-out", "unsubscribed", "declined",
        "non", "faux", "refuse", "desabonne",
        "falso", "rifiutato",
        "nem", "hamis", "leiratkozott",
        "ne", "nesouhlasi", "nesouhlas", "odhlasen",
        "nie", "nesuhlasi",
        "nein", "falsch", "abgemeldet",
        "fałsz", "falsz", "brak zgody",
        "nee", "onwaar", "afgemeld",
    ]

    /// yes, no, or nil when the word is not one we know.
    public static func read(_ text: String) -> Bool? {
        // Most files use a handful of plain words: answer those without Foundation's folding.
        let lower = text.trimmed.lowercased()
        if let answer = word(lower) { return answer }
        // Accented words ("sì", "souhlasí") are Latin letters too: folded by the table, not by
        // Foundation, which bridges through NSString.
        if let folded = foldedLatin(lower), folded != lower, let answer = word(folded) { return answer }
        return byFoundation(text)
    }

    /// `read` with Foundation's folding for every word, whatever its letters: the reference the
    /// table is tested against.
    static func readByFolding(_ text: String) -> Bool? {
        word(text.trimmed.lowercased()) ?? byFoundation(text)
    }

    private static func word(_ key: String) -> Bool? {
        yes.contains(key) ? true : no.contains(key) ? false : nil
    }

    private static func byFoundation(_ text: String) -> Bool? {
        word(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".!")))
            .split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// `text` with each scalar folded as Foundation folds it alone (case and accents away); nil
    /// when a scalar is above Latin Extended-A, which the table does not hold.
    static func foldedLatin(_ text: String) -> String? {
        var folded = ""
        for scalar in text.unicodeScalars {
            guard scalar.value < UInt32(latinFolds.count) else { return nil }
            folded += latinFolds[Int(scalar.value)]
        }
        return folded
    }

    /// Foundation's case- and diacritic-insensitive folding of every scalar below U+0180.
    static let latinFolds: [String] = (UInt32(0)..<0x180).map { value in
        // Every value below U+D800 is a scalar.
        String(Character(Unicode.Scalar(value)!)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

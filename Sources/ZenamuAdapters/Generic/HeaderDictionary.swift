import ZenamuCore

/// The synonym table indexed by header key, with the languages each word belongs to.
struct HeaderDictionary: Sendable {
    struct Match: Sendable {
        let synonym: HeaderSynonym
        /// Every language that uses this word for this meaning.
        let languages: [String]
        let phrase: String
        /// 0 for an exact word, 1 for one letter off.
        let distance: Int
    }

    static let shared = HeaderDictionary(HeaderSynonym.all)

    private var byKey: [String: Match] = [:]
    /// Every key of five letters or more, and each of its one-letter deletions, → the keys it
    /// comes from. Two words one edit apart (a letter changed, added, dropped, or two swapped)
    /// share an entry here, so a typo is found in time proportional to the header word's length,
    /// not to the size of the dictionary: a header of 16,384 columns is read in milliseconds.
    private var byDeletion: [String: Set<String>] = [:]
    /// Keys shorter than this cannot be one edit from a word long enough to be matched loosely.
    private static let shortestLooseKey = 5

    init(_ synonyms: [HeaderSynonym]) {
        for synonym in synonyms {
            for phrase in synonym.phrases {
                let key = HeaderText.key(phrase)
                if let existing = byKey[key] {
                    byKey[key] = Match(synonym: existing.synonym, languages: existing.languages + [synonym.language],
                                       phrase: existing.phrase, distance: 0)
                } else {
                    byKey[key] = Match(synonym: synonym, languages: [synonym.language], phrase: phrase, distance: 0)
                }
            }
        }
        for key in byKey.keys where key.unicodeScalars.count >= Self.shortestLooseKey {
            for variant in [key] + Self.deletions(of: key) { byDeletion[variant, default: []].insert(key) }
        }
    }

    /// The word with one letter (Unicode scalar) left out, at each place. Cut from the UTF-8
    /// bytes at scalar boundaries: building the dictionary makes one per letter of every synonym,
    /// and through `UnicodeScalarView` that was a third of a small file's whole run.
    static func deletions(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        // Where each scalar starts: at every byte but a continuation byte (10xxxxxx).
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            var cut = Array(bytes[..<starts[index]])
            cut.append(contentsOf: bytes[end...])
            return String(decoding: cut, as: UTF8.self)
        }
    }

    /// `deletions(of:)` as it was first written, scalar by scalar: the reference its tests use.
    static func deletionsByScalars(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        return scalars.indices.map { index in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<index])
            view.append(contentsOf: scalars[(index + 1)...])
            return String(view)
        }
    }

    /// The entry for a header: the exact word, else without a remark in parentheses or a trailing
    /// number, else (for words of six letters or more) the one word a single typo away.
    func match(_ header: String) -> Match? {
        let key = HeaderText.key(header)
        guard !key.isEmpty else { return nil }
        if let exact = byKey[key] { return exact }
        let loose = HeaderText.looseKey(header)
        if !loose.isEmpty, let found = byKey[loose] { return found }
        guard key.unicodeScalars.count >= 6 else { return nil }
        var candidates: Set<String> = []
        for variant in [key] + Self.deletions(of: key) { candidates.formUnion(byDeletion[variant] ?? []) }
        let near = candidates.filter { EditDistance.between($0, key, limit: 1) <= 1 }
        guard near.count == 1, let only = near.first, let match = byKey[only] else { return nil }
        return Match(synonym: match.synonym, languages: match.languages, phrase: match.phrase, distance: 1)
    }
}

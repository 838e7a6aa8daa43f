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
    }

    /// The entry for a header: the exact word, else without a remark in parentheses or a trailing
    /// number, else (for words of six letters or more) the one word a single typo away.
    func match(_ header: String) -> Match? {
        let key = HeaderText.key(header)
        guard !key.isEmpty else { return nil }
        if let exact = byKey[key] { return exact }
        let loose = HeaderText.looseKey(header)
        if !loose.isEmpty, let found = byKey[loose] { return found }
        guard key.count >= 6 else { return nil }
        let near = byKey.filter { EditDistance.between($0.key, key, limit: 1) <= 1 }
        guard near.count == 1, let only = near.first else { return nil }
        return Match(synonym: only.value.synonym, languages: only.value.languages, phrase: only.value.phrase,
                     distance: 1)
    }
}

/// Picks the field delimiter from a sample of the decoded text.
///
/// For each candidate it tokenises the sample (quotes respected, so commas inside quoted names do
/// not count) and asks how many records share the same number of fields. A `;` file whose phones
/// Excel turned into `5,58199E+12` keeps a steady `;` count while its comma count wanders, which is
/// why consistency, not frequency, decides.
enum DialectSniffer {
    struct Candidate: Equatable {
        let byte: UInt8
        let name: String
    }

    static let candidates = [
        Candidate(byte: UInt8(ascii: ","), name: ","),
        Candidate(byte: UInt8(ascii: ";"), name: ";"),
        Candidate(byte: UInt8(ascii: "\t"), name: "\t"),
        Candidate(byte: UInt8(ascii: "|"), name: "|"),
    ]

    static func sniff(_ sample: [UInt8]) -> Candidate {
        var best = candidates[0]
        var bestScore = 0.0
        for candidate in candidates {
            let score = score(sample, candidate.byte)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// Share of records having the most common field count (when that count is above one), with
    /// a small preference for more columns to break ties.
    static func score(_ sample: [UInt8], _ delimiter: UInt8) -> Double {
        var tokenizer = CSVTokenizer(delimiter: delimiter)
        var counts: [Int] = []
        let limit = 200
        try? tokenizer.feed(sample) { fields in
            if counts.count < limit, !(fields.count == 1 && fields[0].isEmpty) { counts.append(fields.count) }
        }
        // Drop the record the sample's end may have cut in half.
        if counts.count > 1 { counts.removeLast() }
        guard !counts.isEmpty else { return 0 }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        guard let (mode, hits) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode > 1 else {
            return 0
        }
        return Double(hits) / Double(counts.count) + Double(min(mode, 100)) / 10_000
    }
}

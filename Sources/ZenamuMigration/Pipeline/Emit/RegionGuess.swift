import ZenamuCore

/// The phones a file left out because no country was known (`phone_needs_region`), and the
/// country they most likely belong to, for the summary's `--region` advice: the one under whose
/// numbering plan most of them are valid numbers (the real library judges), the clients' e-mail
/// domains breaking a tie.
struct RegionGuess {
    /// Countries studios migrate from, English-speaking ones first (an English header says nothing).
    static let candidates = ["GB", "US", "IE", "AU", "CA", "NZ", "ZA", "FR", "BE", "CH", "DE", "AT", "IT", "ES", "NL",
                             "PL", "CZ", "SK", "HU"]
    static let byDomain = ["uk": "GB", "ie": "IE", "au": "AU", "ca": "CA", "nz": "NZ", "za": "ZA", "fr": "FR", "be": "BE",
                           "ch": "CH", "de": "DE", "at": "AT", "it": "IT", "es": "ES", "nl": "NL", "pl": "PL", "cz": "CZ",
                           "sk": "SK", "hu": "HU", "us": "US"]
    /// Numbers judged: enough to be sure, few enough to cost nothing.
    static let sampleSize = 200

    private(set) var count = 0
    private var samples: [String] = []
    private var domains: [String: Int] = [:]

    mutating func count(_ outcome: RowOutcome) {
        let issues: [Issue], email: String?
        switch outcome {
        case let .accepted(record, found), let .merged(record, found): (issues, email) = (found, record.email)
        case let .rejected(_, found): (issues, email) = (found, nil)
        case .skipped: return
        }
        // Most rows have no issue at all: asked before anything is made.
        guard !issues.isEmpty, issues.contains(where: { $0.kind == .phoneNeedsRegion }) else { return }
        let left = issues.filter { $0.kind == .phoneNeedsRegion }
        count += left.count
        for issue in left where samples.count < Self.sampleSize { if let value = issue.value { samples.append(value) } }
        if let email, let tld = email.split(separator: ".").last.map(String.init), let region = Self.byDomain[tld] {
            domains[region, default: 0] += 1
        }
    }

    /// What the report says of them; nil when no phone was left out.
    func report(phones: any PhoneParsing) -> PhonesWithoutCountry? {
        guard count > 0 else { return nil }
        var best: (region: String, score: Double)?
        for region in Self.candidates {
            let valid = samples.filter { phones.parse($0, defaultRegion: region)?.isValid == true }.count
            guard valid > 0 else { continue }
            let score = Double(valid) + 0.5 * Double(domains[region] ?? 0)
            if score > (best?.score ?? 0) { best = (region, score) }
        }
        var report = PhonesWithoutCountry(count: count)
        if let region = best?.region,
           let example = samples.first(where: { phones.parse($0, defaultRegion: region)?.isValid == true }),
           let parsed = phones.parse(example, defaultRegion: region) {
            report.likelyRegion = region
            report.example = example
            report.exampleE164 = parsed.e164
        }
        return report
    }
}

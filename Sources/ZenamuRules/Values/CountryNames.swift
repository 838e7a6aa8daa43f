import Foundation

/// A country as a client list writes it, in a per-row country column: an ISO code ("CZ", "GBR"
/// is not one), or the country's name in one of the ten languages as the platform's locale data
/// (ICU) writes it ("Czechia", "Tschechien", "Csehország"), or a common other name ("Czech
/// Republic", "UK", "USA"). Compared lower-case and without accents.
public enum CountryNames {
    /// The ISO 3166 alpha-2 code, or nil for a text that names no country we know.
    public static func region(for text: String) -> String? {
        let key = fold(text)
        guard !key.isEmpty else { return nil }
        return names[key]
    }

    static let languages = ["en", "fr", "it", "hu", "cs", "sk", "de", "pl", "es", "nl"]

    static let others: [String: String] = [
        "uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
        "usa": "US", "united states of america": "US", "america": "US", "czech republic": "CZ", "ceska republika": "CZ",
        "cr": "CZ", "slovak republic": "SK", "slovenska republika": "SK", "sr": "SK", "holland": "NL",
        "the netherlands": "NL", "magyarorszag": "HU", "polska": "PL", "espana": "ES", "italia": "IT", "osterreich": "AT",
        "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "belgique": "BE", "belgie": "BE",
    ]

    static let names: [String: String] = {
        var table: [String: String] = [:]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            let code = region.identifier
            table[code.lowercased()] = code
            for language in languages {
                if let name = Locale(identifier: language).localizedString(forRegionCode: code) { table[fold(name)] = code }
            }
        }
        for (name, code) in others { table[name] = code }
        return table
    }()

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
    }
}

/// The country assumed for phones written without an international prefix.
enum Region {
    /// A header in one of these languages says which country the studio is in, near enough for
    /// phone numbers; English says nothing (UK, Ireland, US…).
    static let byLanguage = [
        "cs": "CZ", "sk": "SK", "hu": "HU", "fr": "FR", "it": "IT", "de": "DE", "pl": "PL", "es": "ES", "nl": "NL",
    ]

    /// `--region`, else the country a returned workbook kept from its first run, else the
    /// header's language's country.
    static func decide(option: String?, kept: String? = nil, language: String?) -> (region: String?, source: String?) {
        if let option { return (option.uppercased(), "--region") }
        if let kept { return (kept, "the first run's, kept in the workbook") }
        if let language, let region = byLanguage[language] {
            return (region, "guessed from the header's language (\(language)); set --region to change it")
        }
        return (nil, nil)
    }
}

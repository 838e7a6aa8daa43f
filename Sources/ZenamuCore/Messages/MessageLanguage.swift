/// The languages the customer reads messages and the error workbook in.
///
/// Adding one: a catalogue file in `Catalogues/`, a case here, and the catalogue tests say what
/// is still missing.
public enum MessageLanguage: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case french = "fr"
    case italian = "it"
    case hungarian = "hu"
    case czech = "cs"

    /// The language for a header language (ISO 639-1), when we have its catalogue.
    public init?(code: String?) {
        guard let code, let language = MessageLanguage(rawValue: code.lowercased()) else { return nil }
        self = language
    }

    public var catalogue: MessageCatalogue {
        switch self {
        case .english: .english
        case .french: .french
        case .italian: .italian
        case .hungarian: .hungarian
        case .czech: .czech
        }
    }

    /// Its name in English, for the terminal.
    public var name: String {
        switch self {
        case .english: "English"
        case .french: "French"
        case .italian: "Italian"
        case .hungarian: "Hungarian"
        case .czech: "Czech"
        }
    }
}

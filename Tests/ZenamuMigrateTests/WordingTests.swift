import Testing
import ZenamuCore
import ZenamuRules

@Suite("Wording as native speakers read it")
struct WordingTests {
    /// What native speakers changed (issue 11): each phrase as they wrote it, the old one gone.
    @Test(arguments: [
        (MessageLanguage.french, "consent_unclear", "le client sera donc importé", "est donc importé"),
        (.french, "phone_not_valid", "a été conservé sous la forme", "gardé comme"),
        (.french, "phone_unparseable", "il n'a pas été importé", "laissé de côté"),
        (.italian, "duplicate_email", "è già usata da {name}", "appartiene già a"),
        (.italian, "phone_not_valid", "è stato salvato come", "tenuto come"),
        (.italian, "phone_mangled_by_excel", "sono andate perse", "sono perse;"),
        (.italian, "phone_unparseable", "non è stato importato", "tralasciato"),
        (.italian, "consent_unclear", "sarà importato", "è importato"),
        (.hungarian, "invalid_email", "nincs sem alkalma, sem kreditje", "alkalma és kreditje"),
        (.hungarian, "multiple_emails", "csak egy címe lehet", "egy van"),
        (.hungarian, "duplicate_merged", "mint a {first}ban", "mint itt"),
        (.hungarian, "name_required", "A Zenamuban minden ügyfélnek meg kell adni a vezeték- és keresztnevét", "A Zenamunak"),
        (.czech, "duplicate_email", "už používá {name}", "patří klientovi"),
        (.czech, "entries_not_whole", "Počet vstupů musí být", "Vstupy musí"),
        (.czech, "invalid_email", "Opravte adresu", "Opravte ji"),
        (.czech, "consent_unclear", "bude klient importován", "je klient importován"),
    ])
    func nativeSpeakersWording(_ language: MessageLanguage, _ code: String, _ phrase: String, _ old: String) throws {
        let kind = try #require(RuleBook.allKinds.first { $0.code == code })
        let template = language.catalogue.template(for: kind)
        #expect(template.contains(phrase) && !template.contains(old), "\(language) \(code): \(template)")
    }

    @Test func nativeSpeakersWordingOfTheWorkbook() {
        #expect(MessageCatalogue.czech.words.phoneCountryLabel == "Země pro čísla bez předvolby")
        #expect(MessageCatalogue.czech.words.steps.contains { $0.contains("Najdete to i ve sloupci") })
        #expect(MessageCatalogue.english.words.steps.contains { $0.contains("none of its rows were imported") })
        // "(vstupy: 1, kredity: 1)", not "(vstupy: 1 a kredity: 1)".
        #expect(MessageCatalogue.czech.words.balanceSeparator == ", ")
    }
}

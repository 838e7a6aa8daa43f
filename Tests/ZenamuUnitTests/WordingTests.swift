import Testing
import ZenamuCore
import ZenamuRules

@Suite("Wording as native speakers read it")
struct WordingTests {
    /// What native speakers changed: each phrase as they wrote it, the old one gone.
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

    /// CLDR cardinal categories: English and Hungarian one/other, French and Italian one/many/other,
    /// Czech one/few/many/other (many: a fraction).
    @Test(arguments: [
        (MessageLanguage.english, "1", "0", "1 entry and 0 credits"),
        (.english, "2", "1", "2 entries and 1 credit"),
        (.english, "1", "1.5", "1 entry and 1.5 credits"),
        (.french, "1", "0", "1 entrée et 0 crédit"),
        (.french, "2", "1.5", "2 entrées et 1.5 crédit"),
        (.french, "1000000", "2000000", "1000000 d'entrées et 2000000 de crédits"),
        (.italian, "1", "2", "1 ingresso e 2 crediti"),
        (.italian, "0", "1000000", "0 ingressi e 1000000 di crediti"),
        (.hungarian, "8", "20", "8 alkalma és 20 kreditje"),
        (.hungarian, "1", "1", "1 alkalma és 1 kreditje"),
        (.czech, "1", "1", "1 vstup, 1 kredit"),
        (.czech, "3", "4", "3 vstupy, 4 kredity"),
        (.czech, "5", "22", "5 vstupů, 22 kreditů"),
        (.czech, "2", "1.5", "2 vstupy, 1.5 kreditu"),
    ])
    func balancesTakeTheLanguagesPluralForms(_ language: MessageLanguage, _ entries: String, _ credits: String,
                                             _ expected: String) {
        #expect(language.catalogue.words.balance(entries: entries, credits: credits, language: language) == expected)
    }

    @Test func aBalanceInAMessageIsGrammatical() {
        let issue = Issue(.emailRequiredForBalance, file: "input.csv", row: 4, details: ["entries": "8", "credits": "20"])
        #expect(MessageCatalogue.hungarian.message(for: issue).hasPrefix("Az ügyfélnek 8 alkalma és 20 kreditje van"))
        let one = Issue(.emailRequiredForBalance, file: "input.csv", row: 4, details: ["entries": "1", "credits": "1"])
        #expect(MessageCatalogue.english.message(for: one).contains("1 entry and 1 credit "))
    }

    /// French typography: a no-break space before ":" and inside « », a narrow one before ; ? !;
    /// Italian: typographic quotes. Checked on every template and every word of the workbook.
    @Test func frenchAndItalianTypography() {
        let french = MessageCatalogue.french
        let texts = RuleBook.allKinds.map { french.template(for: $0) } + french.words.steps + [french.words.nothingToFix]
        for text in texts {
            for mark in [" ;", " :", " ?", " !", "« ", " »"] { #expect(!text.contains(mark), "\(mark) in: \(text)") }
        }
        #expect(french.template(for: .consentUnclear).hasPrefix("«\u{00A0}{value}\u{00A0}» ne dit ni oui ni non"))
        let italian = MessageCatalogue.italian
        for kind in RuleBook.allKinds { #expect(!italian.template(for: kind).contains("\""), "\(kind.code)") }
        #expect(italian.template(for: .consentUnclear).hasPrefix("“{value}” non dice"))
    }
}

import Testing
import ZenamuTestSupport
import ZenamuAdapters
import ZenamuCore

@Suite("The generic adapter maps headers in ten languages")
struct HeaderMappingTests {
    let adapter = GenericClientList()

    func fields(_ header: [String]) -> [String?] {
        adapter.mapping(for: header).columns.map { $0.field?.rawValue }
    }

    @Test func zenamuHeaderAndItsLocalisedVariants() {
        let expected: [String?] = ["name", "email", "entries", "credits", "phone", "consent"]
        #expect(fields(["name and surname", "email", "entries", "credits", "phone", "consent"]) == expected)
        #expect(fields(["nombre y apellidos", "correo electrónico", "entradas", "créditos", "teléfono", "consentimiento"]) == expected)
        #expect(fields(["Nome e cognome", "E-mail", "Ingressi", "Crediti", "Telefono", "Consenso"]) == expected)
        #expect(fields(["Nom et prénom", "E-mail", "Entrées", "Crédits", "Téléphone", "Consentement"]) == expected)
        #expect(fields(["Ügyfél neve", "E-mail cím", "Belépések", "Kreditek", "Telefonszám", "Hírlevél"]) == expected)
        #expect(fields(["Jméno a příjmení", "E-mail", "Vstupy", "Kredity", "Telefon", "Souhlas"]) == expected)
    }

    @Test func caseAccentsAndPunctuationDoNotMatter() {
        #expect(fields(["NOM ET PRENOM", "e_mail", "E-Mail-Adresse", "Telefon-nummer"]) == ["name", "email", "email", "phone"])
        // A second e-mail column is read where the first is empty, after it.
        let mapping = adapter.mapping(for: ["Email", "E-Mail-Adresse"])
        #expect(mapping.columns[1].rank == 1 && mapping.columns[1].reason.hasSuffix("read where \"Email\" is empty"))
        // Any other field comes from its first column; the second is listed as ignored, with the reason.
        #expect(adapter.mapping(for: ["Credits", "Balance"]).columns[1].reason == "column \"Credits\" already gives the credits")
    }

    @Test func knownAmbiguities() {
        // French "nom" is the family name; Italian "nome" the given name.
        #expect(fields(["Nom", "Prénom"]) == ["family_name", "given_name"])
        #expect(fields(["Nome", "Cognome"]) == ["given_name", "family_name"])
        // Czech "jméno" alone is the whole name; beside "příjmení" it is the given name.
        #expect(fields(["Jméno", "E-mail"]) == ["name", "email"])
        #expect(fields(["Jméno", "Příjmení", "E-mail"]) == ["given_name", "family_name", "email"])
        #expect(fields(["Meno", "Priezvisko"]) == ["given_name", "family_name"])
        #expect(fields(["Nom", "Email"]) == ["name", "email"])
    }

    @Test func phonesRankMobileBeforeHomeBeforeWork() {
        let mapping = adapter.mapping(for: ["Work phone", "Home phone", "Mobile phone", "Email", "Name"])
        #expect(mapping.used.filter { $0.field == .phone }.map(\.column.header) == ["Mobile phone", "Home phone", "Work phone"])
    }

    @Test func onlyEmailMarketingIsNewsletterConsent() {
        let mapping = adapter.mapping(for: ["Client Name", "Client Email", "Marketing Email Opt-in",
                                            "Marketing Text Opt In", "Transactional Text Opt In", "Accepts SMS Marketing"])
        #expect(mapping.columns.map { $0.field?.rawValue } == ["name", "email", "consent", nil, nil, nil])
        #expect(mapping.columns[3].reason == "SMS or transactional consent, not newsletter consent")
        // An opt-out column is read the other way round.
        #expect(adapter.mapping(for: ["Name", "Email", "Unsubscribed"]).columns[2].inverted)
    }

    @Test func unusedColumnsAreListedAsIgnored() {
        let mapping = adapter.mapping(for: ["Last name", "First name", "Nickname", "ID", "Address", "Outstanding"])
        #expect(mapping.ignored.map(\.column.header) == ["Nickname", "Address", "Outstanding"])
        #expect(mapping.columns[5].reason == "money the client owes, not credit they hold")
    }

    @Test func aTypoInAHeaderIsForgivenAndSaid() {
        let mapping = adapter.mapping(for: ["Name", "Emial address"])
        #expect(mapping.columns[1].field == .email)
        #expect(mapping.columns[1].reason.contains("one letter off"))
    }

    @Test func languageOfTheHeader() {
        #expect(adapter.mapping(for: ["Név", "E-mail", "Telefon", "Belépések"]).language == "hu")
        #expect(adapter.mapping(for: ["Nom", "Prénom", "Courriel"]).language == "fr")
        #expect(adapter.mapping(for: ["First name", "Last name", "Email"]).language == "en")
        // "Name" and "Email" are English and German alike: the header does not tell.
        #expect(adapter.mapping(for: ["Name", "Email"]).language == nil)
    }

    @Test func recognitionNeedsANameOrEmailAndAnotherField() {
        #expect(adapter.recognise(header: ["0", "1", "2", "3"]).confidence == 0)
        #expect(adapter.recognise(header: ["Client list 2026", "", ""]).confidence == 0)
        #expect(adapter.recognise(header: ["Phone", "Credits"]).confidence == 0)
        let zenamu = adapter.recognise(header: ["name and surname", "email", "entries", "credits", "phone", "consent"])
        #expect(zenamu.confidence == 0.9)
        #expect(zenamu.reasons == ["6 of 6 columns recognised by their header words (full name, e-mail, phone, remaining entries, credits, newsletter consent)"])
    }
}

@Suite("Headers matched by their words")
struct HeaderWordTests {
    let adapter = GenericClientList()

    @Test(arguments: [
        "Souhaite recevoir la newsletter", "E-mail marketing opt in (yes/no)", "Hírlevélre feliratkozott",
        "Zasílat novinky e-mailem", "Iscritto alla newsletter mensile", "Wants our newsletter?", "Nieuwsbrief ontvangen",
    ])
    func naturalConsentHeadersAreConsent(_ header: String) {
        let mapping = adapter.mapping(for: ["Name", "Email", header])
        #expect(mapping.columns[2].field == .consent, "\(header): \(mapping.columns[2].reason)")
        #expect(mapping.columns[2].reason.hasPrefix("its words \""), "the words that decided are reported")
    }

    @Test(arguments: ["SMS newsletter opt-in", "Transactional text opt in", "Accepts SMS Marketing",
                      "Marketing waiver consent", "Newsletter by text message"])
    func otherChannelsAreNotNewsletterConsent(_ header: String) {
        let mapping = adapter.mapping(for: ["Name", "Email", header])
        #expect(mapping.columns[2].field == nil, "\(header): \(mapping.columns[2].reason)")
    }

    @Test func theWordsAreNamedInTheReason() {
        let mapping = adapter.mapping(for: ["Name", "Email", "Souhaite recevoir la newsletter"])
        #expect(mapping.columns[2].reason.contains("\"recevoir\"") && mapping.columns[2].reason.contains("\"newsletter\""))
    }

    @Test func aConsentWordInAFileIsReadAsConsent() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("list.csv", text: "Nom complet;Courriel;Souhaite recevoir la newsletter\nMarie Dupont;marie@example.fr;oui\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.clientLines == ["Marie Dupont,marie@example.fr,,,,yes"])
    }
}

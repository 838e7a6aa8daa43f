import ZenamuCore

/// The words studios' exports use for each canonical field, in EN FR IT HU CS SK DE PL ES NL
/// (from the competitor exports studied for docs/ARCHITECTURE.md, Zenamu's own help articles and the systems'
/// exports). Compared through `HeaderText.key`, so accents and punctuation need not match.
struct HeaderSynonym: Sendable {
    enum Ambiguity: Sendable {
        /// CS "jméno", SK "meno", IT "nome", ES "nombre": the given name beside a family-name
        /// column, the whole name when it is the only name column.
        case givenUnlessAlone
        /// FR "nom": the family name beside a given-name column, the whole name alone.
        case familyUnlessAlone
    }

    /// nil: a column we know and deliberately do not use (SMS consent is not newsletter consent).
    let field: CanonicalField?
    let language: String
    let phrases: [String]
    var rank = 0
    var inverted = false
    var ambiguity: Ambiguity?
    var note: String?
}

extension HeaderSynonym {
    static func field(_ field: CanonicalField, _ language: String, _ phrases: [String], rank: Int = 0,
                      inverted: Bool = false, ambiguity: Ambiguity? = nil) -> Self {
        HeaderSynonym(field: field, language: language, phrases: phrases, rank: rank, inverted: inverted,
                      ambiguity: ambiguity)
    }

    static func known(_ language: String, _ phrases: [String], note: String) -> Self {
        HeaderSynonym(field: nil, language: language, phrases: phrases, note: note)
    }

    /// Phone ranks: mobile first, then a general phone, then home, then work.
    static let mobile = 0, generalPhone = 1, homePhone = 2, workPhone = 3

    static let all: [HeaderSynonym] = names + emails + phones + balances + consents + others

    static let names: [HeaderSynonym] = [
        .field(.fullName, "en", ["name", "full name", "name and surname", "name & surname", "client", "client name",
                                 "customer", "customer name", "member name", "student", "student name", "yogi",
                                 "contact name", "first and last name", "display name"]),
        .field(.fullName, "fr", ["nom et prénom", "nom complet", "prénom et nom", "nom prénom", "prénom nom",
                                 "client", "adhérent", "membre", "nom du client"]),
        .field(.fullName, "it", ["nome e cognome", "cognome e nome", "nominativo", "cliente", "socio", "iscritto"]),
        .field(.fullName, "hu", ["név", "teljes név", "ügyfél neve", "ügyfél", "vendég", "ügyfél neve és vezetékneve",
                                 "vezetéknév és keresztnév", "név és vezetéknév", "vendég neve"]),
        .field(.fullName, "cs", ["jméno a příjmení", "příjmení a jméno", "celé jméno", "klient", "zákazník", "člen",
                                 "jméno klienta"]),
        .field(.fullName, "sk", ["meno a priezvisko", "priezvisko a meno", "celé meno", "klient", "zákazník", "člen",
                                 "meno klienta"]),
        .field(.fullName, "de", ["name", "vollständiger name", "vor und nachname", "kunde", "kund:in", "mitglied",
                                 "teilnehmer", "kundenname"]),
        .field(.fullName, "pl", ["imię i nazwisko", "klient", "klientka", "członek", "uczestnik"]),
        .field(.fullName, "es", ["nombre y apellidos", "nombre y apellido", "nombre completo", "cliente", "socio",
                                 "alumno"]),
        .field(.fullName, "nl", ["naam", "volledige naam", "klant", "lid", "deelnemer"]),

        .field(.givenName, "en", ["first name", "firstname", "first", "given name", "forename"]),
        .field(.givenName, "fr", ["prénom"]),
        .field(.givenName, "it", ["nome"], ambiguity: .givenUnlessAlone),
        .field(.givenName, "hu", ["keresztnév", "utónév"]),
        .field(.givenName, "cs", ["jméno"], ambiguity: .givenUnlessAlone),
        .field(.givenName, "cs", ["křestní jméno"]),
        .field(.givenName, "sk", ["meno"], ambiguity: .givenUnlessAlone),
        .field(.givenName, "sk", ["krstné meno"]),
        .field(.givenName, "de", ["vorname"]),
        .field(.givenName, "pl", ["imię"]),
        .field(.givenName, "es", ["nombre"], ambiguity: .givenUnlessAlone),
        .field(.givenName, "nl", ["voornaam"]),

        .field(.familyName, "en", ["last name", "lastname", "last", "surname", "family name"]),
        .field(.familyName, "fr", ["nom"], ambiguity: .familyUnlessAlone),
        .field(.familyName, "fr", ["nom de famille"]),
        .field(.familyName, "it", ["cognome"]),
        .field(.familyName, "hu", ["vezetéknév", "családnév"]),
        .field(.familyName, "cs", ["příjmení"]),
        .field(.familyName, "sk", ["priezvisko"]),
        .field(.familyName, "de", ["nachname", "familienname"]),
        .field(.familyName, "pl", ["nazwisko"]),
        .field(.familyName, "es", ["apellidos", "apellido"]),
        .field(.familyName, "nl", ["achternaam"]),
        .field(.familyNamePrefix, "nl", ["tussenvoegsel"]),
    ]

    static let emails: [HeaderSynonym] = [
        .field(.email, "en", ["email", "e-mail", "email address", "e-mail address", "mail", "client email",
                              "customer email", "member email", "mail address"]),
        .field(.email, "fr", ["e-mail", "email", "courriel", "adresse e-mail", "adresse email", "adresse mail",
                              "adresse électronique"]),
        .field(.email, "it", ["e-mail", "email", "indirizzo email", "indirizzo e-mail", "posta elettronica"]),
        .field(.email, "hu", ["e-mail", "e-mail cím", "email cím", "emailcím"]),
        .field(.email, "cs", ["e-mail", "email", "e-mailová adresa", "emailová adresa"]),
        .field(.email, "sk", ["e-mail", "email", "e-mailová adresa"]),
        .field(.email, "de", ["e-mail", "e-mail-adresse", "email", "emailadresse"]),
        .field(.email, "pl", ["e-mail", "adres e-mail", "adres email"]),
        .field(.email, "es", ["correo electrónico", "correo", "email", "e-mail"]),
        .field(.email, "nl", ["e-mail", "e-mailadres", "emailadres"]),
    ]

    static let phones: [HeaderSynonym] = [
        .field(.phone, "en", ["mobile", "mobile phone", "mobile number", "mobile phone number", "cell", "cell phone",
                              "cellphone"], rank: mobile),
        .field(.phone, "en", ["phone", "phone number", "telephone", "telephone number", "tel", "contact number"],
               rank: generalPhone),
        .field(.phone, "en", ["home phone", "home telephone", "home"], rank: homePhone),
        .field(.phone, "en", ["work phone", "business phone", "office phone", "work"], rank: workPhone),
        .field(.phone, "fr", ["portable", "mobile", "téléphone portable", "numéro de portable", "natel"], rank: mobile),
        .field(.phone, "fr", ["téléphone", "tél", "numéro de téléphone"], rank: generalPhone),
        .field(.phone, "fr", ["téléphone fixe", "domicile"], rank: homePhone),
        .field(.phone, "fr", ["téléphone professionnel"], rank: workPhone),
        .field(.phone, "it", ["cellulare", "numero di cellulare"], rank: mobile),
        .field(.phone, "it", ["telefono", "numero di telefono"], rank: generalPhone),
        .field(.phone, "it", ["telefono fisso"], rank: homePhone),
        .field(.phone, "it", ["telefono lavoro"], rank: workPhone),
        .field(.phone, "hu", ["mobil", "mobilszám", "mobiltelefon", "mobiltelefonszám"], rank: mobile),
        .field(.phone, "hu", ["telefon", "telefonszám"], rank: generalPhone),
        .field(.phone, "hu", ["otthoni telefon"], rank: homePhone),
        .field(.phone, "hu", ["munkahelyi telefon"], rank: workPhone),
        .field(.phone, "cs", ["mobil", "mobilní telefon", "číslo mobilu"], rank: mobile),
        .field(.phone, "cs", ["telefon", "telefonní číslo", "tel. číslo"], rank: generalPhone),
        .field(.phone, "sk", ["mobil", "mobilné číslo", "mobilný telefón"], rank: mobile),
        .field(.phone, "sk", ["telefón", "telefónne číslo"], rank: generalPhone),
        .field(.phone, "de", ["handy", "mobil", "mobilnummer", "mobiltelefon", "handynummer"], rank: mobile),
        .field(.phone, "de", ["telefon", "telefonnummer"], rank: generalPhone),
        .field(.phone, "de", ["festnetz", "telefon privat"], rank: homePhone),
        .field(.phone, "de", ["telefon geschäftlich"], rank: workPhone),
        .field(.phone, "pl", ["komórka", "telefon komórkowy"], rank: mobile),
        .field(.phone, "pl", ["telefon", "nr telefonu", "numer telefonu"], rank: generalPhone),
        .field(.phone, "es", ["móvil", "celular", "teléfono móvil"], rank: mobile),
        .field(.phone, "es", ["teléfono", "número de teléfono"], rank: generalPhone),
        .field(.phone, "nl", ["mobiel", "mobiel nummer", "gsm"], rank: mobile),
        .field(.phone, "nl", ["telefoon", "telefoonnummer"], rank: generalPhone),
        .known("en", ["emergency contact phone", "emergency phone", "emergency contact"],
               note: "an emergency contact, not the client's own phone"),
    ]

    // Product words ("carnet", "bérlet", "Blockkarte") are left out on purpose: such columns often
    // hold the pass's name, not a count, and reading "10er Karte" as 10 entries would be a guess.
    static let balances: [HeaderSynonym] = [
        .field(.entries, "en", ["entries", "remaining entries", "entries remaining", "visits remaining",
                                "remaining visits", "visits left", "sessions remaining", "remaining sessions",
                                "classes left", "remaining classes", "punches left", "remaining", "available"]),
        .field(.entries, "fr", ["entrées", "entrées restantes", "séances restantes", "cours restants", "passages",
                                "passes d'entrée"]),
        .field(.entries, "it", ["ingressi", "ingressi rimanenti", "ingressi residui", "lezioni rimanenti"]),
        .field(.entries, "hu", ["belépések", "hátralévő belépések", "maradék alkalom", "hátralévő alkalmak",
                                "alkalmak", "belépési bérletek"]),
        .field(.entries, "cs", ["vstupy", "zbývající vstupy", "počet vstupů", "zbývá vstupů"]),
        .field(.entries, "sk", ["vstupy", "zostávajúce vstupy", "počet vstupov"]),
        .field(.entries, "de", ["einheiten", "resteinheiten", "verbleibende einheiten", "eintritte"]),
        .field(.entries, "pl", ["wejścia", "pozostałe wejścia", "pozostałe zajęcia"]),
        .field(.entries, "es", ["entradas", "entradas restantes", "sesiones restantes", "clases restantes"]),
        .field(.entries, "nl", ["resterende lessen", "resterende beurten"]),

        .field(.credits, "en", ["credits", "credit", "credits remaining", "remaining credits", "credit balance",
                                "balance", "account balance", "account credit", "wallet"]),
        .field(.credits, "fr", ["crédits", "crédit", "solde", "avoir", "porte-monnaie"]),
        .field(.credits, "it", ["crediti", "credito", "saldo", "crediti residui"]),
        .field(.credits, "hu", ["kreditek", "kredit", "egyenleg"]),
        .field(.credits, "cs", ["kredity", "kredit", "zůstatek"]),
        .field(.credits, "sk", ["kredity", "kredit", "zostatok"]),
        .field(.credits, "de", ["guthaben", "credits", "kontostand"]),
        .field(.credits, "pl", ["kredyty", "saldo", "punkty"]),
        .field(.credits, "es", ["créditos", "crédito", "saldo"]),
        .field(.credits, "nl", ["credits", "tegoed", "saldo"]),
        .known("en", ["outstanding", "amount due"], note: "money the client owes, not credit they hold"),
    ]

    static let consents: [HeaderSynonym] = [
        .field(.consent, "en", ["consent", "newsletter", "newsletter consent", "marketing consent", "accepts marketing",
                                "accepts email marketing", "email marketing", "marketing email opt-in",
                                "email opt-in", "marketing preference", "opt-in", "subscribed",
                                "email subscription status", "newsletter subscription"]),
        .field(.consent, "fr", ["consentement", "newsletter", "accepte le marketing", "accepte les e-mails marketing",
                                "abonné", "abonné newsletter", "consentement newsletter",
                                "consentement à recevoir des newsletters"]),
        .field(.consent, "it", ["consenso", "consenso newsletter", "consenso marketing", "iscritto alla newsletter",
                                "consenso alla ricezione delle newsletter", "newsletter"]),
        .field(.consent, "hu", ["hozzájárulás", "hírlevél", "feliratkozás", "marketing hozzájárulás",
                                "hírlevél feliratkozás", "hírlevélre való feliratkozási hozzájárulás"]),
        .field(.consent, "cs", ["souhlas", "souhlas s newsletterem", "marketingový souhlas", "souhlas se zasíláním",
                                "souhlas se zasíláním newsletteru", "newsletter"]),
        .field(.consent, "sk", ["súhlas", "marketingový súhlas", "súhlas so zasielaním", "newsletter"]),
        .field(.consent, "de", ["einwilligung", "marketing-einwilligung", "werbeeinwilligung", "akzeptiert marketing",
                                "newsletter-einwilligung", "newsletter"]),
        .field(.consent, "pl", ["zgoda", "zgoda marketingowa", "zgoda na newsletter", "newsletter"]),
        .field(.consent, "es", ["consentimiento", "boletín", "acepta marketing", "newsletter"]),
        .field(.consent, "nl", ["toestemming", "nieuwsbrief", "marketing toestemming", "mailen"]),
        .field(.consent, "en", ["opted out", "opt-out", "email opt-out", "unsubscribed", "do not email",
                                "newsletter opt-out"], inverted: true),
        .field(.consent, "fr", ["désabonné", "désinscrit"], inverted: true),
        .field(.consent, "cs", ["odhlášen", "odhlášen z newsletteru"], inverted: true),
        .field(.consent, "hu", ["leiratkozott"], inverted: true),
        .field(.consent, "de", ["abgemeldet"], inverted: true),
        .field(.consent, "nl", ["afgemeld"], inverted: true),
        .known("en", ["accepts sms marketing", "accepts sms", "sms marketing", "marketing text opt in",
                      "transactional text opt in", "sms consent", "sms opt-in"],
               note: "SMS or transactional consent, not newsletter consent"),
    ]

    static let others: [HeaderSynonym] = [
        .field(.passExpiry, "en", ["expiry", "expiry date", "expiration", "expiration date", "expires", "valid until",
                                   "pass expiry", "membership expiry date"]),
        .field(.passExpiry, "fr", ["date d'expiration", "expire le", "valable jusqu'au"]),
        .field(.passExpiry, "it", ["scadenza", "data di scadenza", "valido fino a"]),
        .field(.passExpiry, "hu", ["lejárat", "lejárati dátum", "érvényesség", "érvényes"]),
        .field(.passExpiry, "cs", ["platnost", "platnost do", "platí do", "expirace"]),
        .field(.passExpiry, "sk", ["platnosť", "platnosť do"]),
        .field(.passExpiry, "de", ["gültig bis", "ablaufdatum", "endet am"]),
        .field(.passExpiry, "pl", ["ważny do", "data ważności"]),
        .field(.passExpiry, "es", ["caducidad", "fecha de caducidad", "válido hasta"]),
        .field(.passExpiry, "nl", ["vervaldatum", "geldig tot"]),

        .field(.clientID, "en", ["id", "client id", "customer id", "member id", "user id", "external id"]),
        .field(.clientID, "fr", ["identifiant", "id client", "n° client", "numéro client", "numéro de client"]),
        .field(.clientID, "it", ["codice cliente", "id cliente"]),
        .field(.clientID, "hu", ["ügyfélazonosító", "azonosító"]),
        .field(.clientID, "cs", ["číslo klienta", "id klienta"]),
        .field(.clientID, "de", ["kundennummer", "kunden-id"]),
        .field(.clientID, "pl", ["numer klienta"]),
        .field(.clientID, "nl", ["klantnummer"]),

        .field(.country, "en", ["country", "country code", "country/region"]),
        .field(.country, "fr", ["pays"]),
        .field(.country, "it", ["paese", "nazione"]),
        .field(.country, "hu", ["ország"]),
        .field(.country, "cs", ["země", "stát"]),
        .field(.country, "sk", ["krajina", "štát"]),
        .field(.country, "de", ["land"]),
        .field(.country, "pl", ["kraj", "państwo"]),
        .field(.country, "es", ["país"]),
        .field(.country, "nl", ["land"]),
    ]
}

import Testing
import ZenamuCore
import ZenamuRules

@Suite("Issue codes")
struct IssueCatalogueTests {
    @Test func codesAreUniqueStableSnakeCase() {
        let codes = RuleBook.allKinds.map(\.code)
        #expect(Set(codes).count == Set(RuleBook.allKinds).count)
        for code in codes {
            #expect(code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(code)")
        }
        // Codes users' scripts rely on (ARCHITECTURE.md).
        for code in ["invalid_email", "duplicate_email", "email_required_for_balance", "phone_mangled_by_excel"] {
            #expect(codes.contains(code))
        }
    }

    @Test func everyMessageIsASentenceWithOnlyKnownPlaceholders() {
        let known: Set<String> = ["value", "suggestion", "column", "row", "count", "field", "read", "e164", "country",
                                  "balance", "first", "name", "map", "ignore", "dayFirst", "monthFirst"]
        for kind in Set(RuleBook.allKinds) {
            #expect(kind.english.hasSuffix(".") || kind.english.hasSuffix("?"), "\(kind.code)")
            for name in placeholders(kind.english) {
                #expect(known.contains(name), "\(kind.code) uses {\(name)}")
            }
        }
    }
}

@Suite("Message catalogues")
struct MessageCatalogueTests {
    @Test(arguments: MessageLanguage.allCases.filter { $0 != .english })
    func everyIssueCodeHasAMessageInEveryLanguage(_ language: MessageLanguage) {
        let catalogue = language.catalogue
        for kind in Set(RuleBook.allKinds) {
            guard let template = catalogue.issues[kind.code] else {
                Issue.record("\(language.name) has no message for \(kind.code)")
                continue
            }
            // The same details, so no value the customer needs goes missing in translation.
            #expect(placeholders(template) == placeholders(kind.english), "\(language.name) \(kind.code)")
            #expect(template != kind.english, "\(language.name) \(kind.code) is still English")
            // A warning's wording for a rejected row, where the rule has one.
            if let english = kind.englishOnRejectedRow {
                let variant = catalogue.issues[kind.rejectedRowKey]
                #expect(variant.map(placeholders) == placeholders(english), "\(language.name) \(kind.rejectedRowKey)")
            }
        }
        let known = RuleBook.allKinds.map(\.code) + RuleBook.allKinds.filter { $0.englishOnRejectedRow != nil }.map(\.rejectedRowKey)
        let stray = Set(catalogue.issues.keys).subtracting(known)
        #expect(stray.isEmpty, "\(language.name) has messages for codes no rule raises: \(stray.sorted())")
    }

    @Test(arguments: MessageLanguage.allCases)
    func everyFieldHasANameAndEveryTemplateItsPlaceholders(_ language: MessageLanguage) {
        let words = language.catalogue.words
        for field in CanonicalField.allCases {
            #expect(words.fields[field.rawValue] != nil, "\(language.name) lacks a name for \(field.rawValue)")
        }
        #expect(placeholders(words.suggestion) == ["suggestion"])
        #expect(placeholders(words.rowPlace) == ["row"])
        #expect(placeholders(words.rowInFile) == ["row", "file"])
        for noun in [words.entries, words.credits] {
            for category in PluralCategory.allCases { #expect(placeholders(noun.template(category)) == ["n"]) }
        }
    }

    /// The consent drop-down offers these words; the returned workbook must read them back.
    @Test(arguments: MessageLanguage.allCases)
    func theDropDownsYesAndNoReadBack(_ language: MessageLanguage) {
        let words = language.catalogue.words
        #expect(ConsentWords.read(words.yes) == true)
        #expect(ConsentWords.read(words.no) == false)
    }

    @Test func theWorkbooksOwnColumnsAreDistinctAcrossLanguages() {
        let headers = MessageLanguage.allCases.map { $0.catalogue.words.referenceHeader.lowercased() }
        #expect(Set(headers).count == headers.count)
    }

    @Test func placeholdersAreFilledAndUnknownOnesLeftToShow() {
        #expect(IssueKind.render("Řádek {row}: „{value}“ {nic}.", ["row": "6", "value": "{row} š"]) == "Řádek 6: „{row} š“ {nic}.")
        #expect(IssueKind.render("open { only", ["only": "x"]) == "open { only")
        #expect(IssueKind.render("{a}{b}", ["a": "1", "b": "2"]) == "12")
        #expect(IssueKind.render("", [:]).isEmpty)
    }

    @Test func detailsThatAreWordsAreComposedInTheLanguage() {
        let issue = ZenamuCore.Issue(.emailRequiredForBalance, file: "a.csv", row: 4, field: .email,
                                     details: ["entries": "5", "credits": "10"])
        #expect(MessageCatalogue.english.message(for: issue).contains("holds 5 entries and 10 credits"))
        #expect(MessageCatalogue.french.message(for: issue).contains("possède 5 entrées et 10 crédits"))
        let duplicate = ZenamuCore.Issue(.duplicateMerged, file: "b.csv", row: 3, value: "ann@x.com",
                                         details: ["firstRow": "2", "firstFile": "a.csv", "name": "Ann"])
        #expect(MessageCatalogue.hungarian.message(for: duplicate).contains("a.csv, 2. sor"))
        #expect(MessageCatalogue.czech.message(for: duplicate).contains("řádek 2 souboru a.csv"))
    }
}

/// The `{names}` a template uses (a translation may order them differently).
private func placeholders(_ template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
        names.insert(String(rest[rest.index(after: open)..<close]))
        rest = rest[rest.index(after: close)...]
    }
    return names
}

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
                                  "balance", "first", "name"]
        for kind in Set(RuleBook.allKinds) {
            #expect(kind.english.hasSuffix(".") || kind.english.hasSuffix("?"), "\(kind.code)")
            var rest = Substring(kind.english)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                #expect(known.contains(name), "\(kind.code) uses {\(name)}")
                rest = rest[rest.index(after: close)...]
            }
        }
    }
}

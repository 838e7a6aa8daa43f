import Foundation
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuTestSupport

/// Real-world header variants and the field each is read as: `Tests/Data/header-variants.tsv`
/// (header, field or `-` for a column that must not be read as a client field, language, where the
/// wording comes from). Each header is read alone, as the only column a file names that way.
@Suite("Header variants in ten languages")
struct HeaderVariantTests {
    struct Variant: CustomTestStringConvertible {
        let header: String
        /// nil: not a client field. "consent!" is consent read inverted (an opt-out column).
        let field: String?
        let language: String
        let evidence: String
        var testDescription: String { "\(language): \(header)" }
    }

    static let variants: [Variant] = {
        let url = Fixtures.root.deletingLastPathComponent().appendingPathComponent("Tests/Data/header-variants.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4 else { return nil }
            return Variant(header: cells[0], field: cells[1] == "-" ? nil : cells[1], language: cells[2], evidence: cells[3])
        }
    }()

    @Test func theTableIsLargeAndCoversTheTenLanguages() {
        #expect(Self.variants.count >= 150)
        let languages = Set(Self.variants.map(\.language))
        #expect(languages == ["en", "fr", "it", "hu", "cs", "sk", "de", "pl", "es", "nl"])
        for field in ["entries", "credits", "consent", "phone", "email"] {
            #expect(Self.variants.filter { $0.field?.hasPrefix(field) == true }.count >= 15, "\(field)")
        }
        #expect(Self.variants.filter { $0.field == nil }.count >= 20)
    }

    @Test func everyVariantIsReadAsItsField() {
        let adapter = GenericClientList()
        var wrong: [String] = []
        for variant in Self.variants {
            let column = adapter.mapping(for: [variant.header]).columns[0]
            var read = column.field?.rawValue
            // The table names the name fields as the header would read beside the others.
            if read == "name", variant.field == "given_name" || variant.field == "family_name" {
                read = adapter.mapping(for: [variant.header, variant.field == "given_name" ? "Last name" : "First name"])
                    .columns[0].field?.rawValue
            }
            // A column that is not a client field is explained so, not left for its content to judge.
            if variant.field == nil, read == nil, column.unexplained {
                wrong.append("\(variant.language) \"\(variant.header)\": not explained (\(variant.evidence)); \(column.reason)")
                continue
            }
            if read.map({ $0 + (column.inverted ? "!" : "") }) != variant.field {
                wrong.append("\(variant.language) \"\(variant.header)\": read as \(read ?? "-")\(column.inverted ? "!" : ""), "
                    + "expected \(variant.field ?? "-") (\(variant.evidence)); \(column.reason)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(Self.variants.count):\n\(wrong.joined(separator: "\n"))")
    }
}

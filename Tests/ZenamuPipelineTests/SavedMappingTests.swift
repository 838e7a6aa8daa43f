import Foundation
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport

/// `inspect --save-mapping`: what the user decided about a file's columns, kept as a declarative
/// adapter that reads the next file of that shape the same way, with no customer's data in it.
@Suite("A saved mapping")
struct SavedMappingTests {
    @Test func readsTheNextFileOfTheShapeAsDecidedWithInventedSamplesOnly() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("export.csv", text: "Name,Email,Stand,Opt\nAnn Lee,ann@example.com,5,Yes\n"
            + "Bob Roe,bob@example.com,12,No\n")
        var options = ConversionOptions()
        options.columnChoices = [try ColumnChoice.map("Stand=credits", files: [])]
        let inspection = try Inspection(path: file.path, options: options)
        let declaration = try SavedMapping.declaration(of: try #require(inspection.report.files.first))

        // The column still to decide (Opt looks like consent) is not decided by saving.
        #expect(declaration.columns?["Stand"] == .some("credits") && declaration.columns?["Opt"] == nil)
        #expect(!declaration.samples.contains { $0.csv.contains("Ann") || $0.csv.contains("bob@") })
        // It decodes as any declaration does, and its sample passes.
        let decoded = try AdapterDeclaration.decode(try SavedMapping.json(declaration), file: "saved.json")
        let adapter = DeclarativeAdapter(decoded)
        let sample = try #require(adapter.description.samples.first)
        #expect(try AdapterSampleRun(sample, adapters: [adapter] + AdapterRegistry.all).problem(expecting: adapter.id) == nil)

        var next = ConversionOptions()
        next.columnChoices = [try ColumnChoice.ignore("Opt", files: [])]
        let converted = try ConvertedFixture(paths: [file], options: next, adapters: [adapter] + AdapterRegistry.all)
        #expect(converted.report.files.first?.system == adapter.id)
        #expect(converted.clientLines == ["Ann Lee,ann@example.com,,5,,", "Bob Roe,bob@example.com,,12,,"])
    }

    @Test func aSystemWithItsOwnSwiftAdapterIsNotReplacedByASavedMapping() throws {
        let inspection = try Inspection(path: try Fixtures.input(of: "wellnessliving-passes").path,
                                        options: try Fixtures.options(of: "wellnessliving-passes"))
        #expect(throws: UsageError.self) { try SavedMapping.declaration(of: try #require(inspection.report.files.first)) }
    }
}

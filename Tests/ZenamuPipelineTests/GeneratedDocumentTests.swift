import Foundation
import Testing
import ZenamuAdapters
import ZenamuMigration
import ZenamuTestSupport

/// Documents support reads are generated from the code; the committed copy must be what the code
/// renders now. `ZENAMU_UPDATE_GOLDENS=1` rewrites them.
@Suite("Generated documents")
struct GeneratedDocumentTests {
    static let docs = Fixtures.root.deletingLastPathComponent().appendingPathComponent("docs")

    @Test func docsSystemsIsWhatTheAdaptersRender() throws {
        let url = Self.docs.appendingPathComponent("SYSTEMS.md")
        let rendered = AdapterCatalogue.markdown(AdapterRegistry.all)
        if ProcessInfo.processInfo.environment["ZENAMU_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == rendered, "docs/SYSTEMS.md is out of date: run with ZENAMU_UPDATE_GOLDENS=1 and commit it")
    }
}

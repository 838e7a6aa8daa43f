import Foundation
import Testing
import ZenamuCore
import ZenamuTestSupport

/// The stop points are one documented contract: the list in the code and the table in
/// docs/TESTING.md are the same, stage for stage.
@Suite("Stop points")
struct StopPointTests {
    @Test func docsTestingListsEveryStageTheCodeHas() throws {
        let document = try String(contentsOf: Fixtures.root.deletingLastPathComponent()
            .appendingPathComponent("docs/TESTING.md"), encoding: .utf8)
        let marker = try #require(document.range(of: "<!-- stop-points"))
        let table = document[marker.upperBound...].split(separator: "\n").filter { $0.hasPrefix("| `") }
        let expected = StopPoint.stages.map { "| `\($0.name)` | \($0.meaning) |" }
        #expect(table.map(String.init) == expected)
    }
}

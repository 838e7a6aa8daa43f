import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport

/// A list printed to pages repeats its title and header at each page break and numbers its
/// pages: those lines are noise, not clients; a row with only a number on it is still a row.
@Suite("Printed reports")
struct PrintedReportTests {
    @Test(arguments: ["Page 2 of 2", "Seite 2 von 2", "Strana 2 z 2", "Page 2 sur 2", "Pagina 2 di 2", "2. oldal",
                      "Strona 2 z 2", "Página 2 de 2", "Pagina 2 van 2", "page 2"])
    func pageNumbersAndRepeatedTitlesAreSkipped(_ page: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Client Report\nName,Email,Classes Remaining\nAnn Lee,ann@example.com,5\n"
            + "\(page)\nClient Report\nName,Email,Classes Remaining\nBob Roe,bob@example.com,12\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.clientLines == ["Ann Lee,ann@example.com,5,,,", "Bob Roe,bob@example.com,12,,,"])
        #expect(converted.report.skipped.map(\.reason) == [.preamble, .pageNumber, .repeatedTitle, .repeatedHeader])
    }

    @Test func aRowWithOnlyANumberIsARowToFixNotNoise() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Name,Email,Classes Remaining\nAnn Lee,ann@example.com,5\n,,7\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.report.rows.rejected == 1 && converted.report.balances.entries.inRejectedRows == 7)
    }
}

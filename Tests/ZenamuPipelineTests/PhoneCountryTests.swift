import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport

/// No phone lost without a word: a row's own country decides a national number, and phones left
/// out for want of a country are counted with the `--region` that would read them.
@Suite("Phones and their country")
struct PhoneCountryTests {
    @Test func aCountryColumnDecidesEachRowsNationalNumber() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Name,Email,Phone,Land\n"
            + "Ada Example,ada@example.com,603 123 456,Tschechien\nBen Example,ben@example.com,07400 123456,Vereinigtes Königreich\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.clientLines == ["Ada Example,ada@example.com,,,+420603123456,",
                                          "Ben Example,ben@example.com,,,+447400123456,"])
        #expect(converted.report.files[0].phonesWithoutCountry == nil)
    }

    @Test func phonesLeftOutAreCountedWithTheLikelyRegionAndAnExample() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Name,Email,Phone\n"
            + "Ada Example,ada@example.co.uk,07400 123456\nBen Example,ben@example.com,020 7946 0000\n"
            + "Cyd Example,cyd@example.com,+420 603 123 456\n")
        let converted = try ConvertedFixture(paths: [file])
        let left = try #require(converted.report.files[0].phonesWithoutCountry)
        #expect(left.count == 2 && left.likelyRegion == "GB")
        #expect(left.example == "07400 123456" && left.exampleE164 == "+447400123456")
    }
}

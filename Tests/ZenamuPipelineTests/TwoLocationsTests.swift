import Foundation
import Testing
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport

/// A studio's two locations, each with its client list, in one run: a client in both is one
/// client, nothing either file alone holds is lost, and no balance is added up or dropped.
@Suite("A client in two files")
struct TwoLocationsTests {
    @Test func isOneClientKeepingWhatOnlyOneFileHoldsAndNoBalanceIsAddedOrDropped() throws {
        let folder = try TemporaryFolder()
        let north = try folder.file("north.csv", text: "Name,Email,Phone,Entries\nAda Example,ada@example.com,,5\n"
            + "Ben Example,ben@example.com,,2\n")
        let south = try folder.file("south.csv", text: "Name,Email,Phone,Entries\n"
            + "Ada Example,ada@example.com,+420 603 123 456,\nBen Example,ben@example.com,,3\nCyd Example,cyd@example.com,,1\n")
        let converted = try ConvertedFixture(paths: [north, south])
        #expect(converted.clientLines == ["Ada Example,ada@example.com,5,,+420603123456,", "Ben Example,ben@example.com,2,,,",
                                          "Cyd Example,cyd@example.com,1,,,"])
        #expect(converted.codesByRow == [2: ["client_in_two_files"], 3: ["balance_in_two_files"]])
        #expect(converted.report.files.map(\.rows.read) == [2, 3] && converted.report.rows.addsUp)
        let entries = converted.report.balances.entries
        #expect(entries.read == 11 && entries.imported == 8 && entries.inRejectedRows == 3 && entries.addsUp)
    }

    @Test func withinOneFileAnotherPersonOnTheSameEmailIsStillForReview() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("clients.csv", text: "Name,Email\nAda Example,family@example.com\nBen Example,family@example.com\n")
        let other = try folder.file("other.csv", text: "Name,Email\nCyd Example,cyd@example.com\n")
        let converted = try ConvertedFixture(paths: [file, other])
        #expect(converted.codesByRow == [3: ["duplicate_email"]])
    }

    @Test func aSecondPersonOnTheEmailInTheLaterFileStaysForReview() throws {
        let folder = try TemporaryFolder()
        let north = try folder.file("north.csv", text: "Name,Email\nAda Example,family@example.com\n")
        let south = try folder.file("south.csv", text: "Name,Email,Phone\nAda Example,family@example.com,+420 603 123 456\n"
            + "Ben Example,family@example.com,\n")
        let converted = try ConvertedFixture(paths: [north, south])
        #expect(converted.codesByRow == [2: ["client_in_two_files"], 3: ["duplicate_email"]])
    }

    @Test func thePassesOfAClientRejectedAfterAssemblyWaitWithIt() throws {
        let folder = try TemporaryFolder()
        let list = try folder.file("list.csv", text: "Name,Email,Entries\nBea Example,ann@example.com,1\n")
        let passes = try folder.file("passes.csv", text: "Client,Purchase Option,Available\n"
            + "\"Ann Example\nann@example.com\nA\",10 Class Pass,5 visits\n"
            + "\"Ann Example\nann@example.com\nA\",5 Class Pass,3 visits\n")
        let converted = try ConvertedFixture(paths: [list, passes])
        #expect(converted.report.files.last?.system == "wellnessliving")
        let entries = converted.report.balances.entries
        #expect(entries.read == 9 && entries.imported == 1 && entries.inRejectedRows == 8 && entries.addsUp, "\(entries)")
        #expect(converted.report.issues.filter { $0.file == "passes.csv" }.map(\.code) == ["balance_in_two_files", "pass_of_rejected_client"])
    }
}

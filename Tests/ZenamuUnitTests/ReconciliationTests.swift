import Testing
import ZenamuCore
import ZenamuTestSupport

@Suite("Clients keyed by e-mail")
struct ReconciliationTests {
    let converted: ConvertedFixture

    init() throws { converted = try ConvertedFixture(fixture: "italian-validation") }

    @Test func anExactDuplicateMergesOnceWithAWarning() throws {
        let merged = try #require(converted.report.issues.first { $0.code == "duplicate_merged" })
        #expect(merged.row == 5 && merged.severity == .warning && merged.message.contains("riga 2"))
        #expect(converted.report.rows.merged == 1)
        #expect(converted.clientLines.filter { $0.hasPrefix("Giulia Rossi,") }.count == 1)
    }

    @Test func aFamilySharingOneEmailIsRejectedForReviewNamingTheOtherRow() throws {
        let conflict = try #require(converted.report.issues.first { $0.code == "duplicate_email" })
        #expect(conflict.row == 4 && conflict.severity == .error && conflict.column == "E-mail")
        // In Italian, the header's language, as the customer reads it.
        #expect(conflict.message.contains("Marco Bianchi (riga 3)"))
        // The first of the family stays; the second is not silently dropped.
        #expect(converted.clientLines.contains("Marco Bianchi,famiglia.bianchi@example.it,5,,,yes"))
        #expect(converted.outcomes.contains { if case let .rejected(p, _) = $0 { p.row == 4 } else { false } })
    }

    @Test func everyRowIsAccountedFor() {
        let rows = converted.report.rows
        #expect(rows.read == 12 && rows.accepted == 4 && rows.rejected == 7 && rows.merged == 1 && rows.skipped == 0)
        let rejectedRows = Set(converted.report.issues.filter { $0.severity == .error }.map(\.row))
        #expect(rejectedRows == [4, 6, 7, 8, 9, 10, 11])
    }

    @Test func duplicatesAcrossFilesNameTheOtherFile() throws {
        let folder = try TemporaryFolder()
        let first = try folder.file("a.csv", text: "Name,Email,Credits\nAnn Lee,ann@x.com,10\n")
        let second = try folder.file("b.csv", text: "Name,Email,Credits\nAnn Lee,ann@x.com,20\n")
        let both = try ConvertedFixture(paths: [first, second])
        let conflict = try #require(both.report.issues.first)
        #expect(conflict.file == "b.csv" && conflict.message.contains("row 2 of a.csv"))
        #expect(both.report.files.count == 2 && both.report.rows.read == 2 && both.report.rows.addsUp)
    }
}

@Suite("Rows that are not clients")
struct SkippedRowTests {
    @Test func columnNumbersAboveAndTotalsBelowAreSkippedAndCounted() throws {
        let converted = try ConvertedFixture(fixture: "mindbody-client-list")
        #expect(converted.report.files[0].headerRow == 2)
        #expect(converted.report.skipped.map(\.row) == [1, 5])
        #expect(converted.report.skipped.map(\.reason) == [.preamble, .footer])
        // Mina has no mobile: the home phone is used, mobile before home before work.
        #expect(converted.clientLines == ["Mina Cho,mina.cho@example.com,,,+12175550142,",
                                          "Luis Rivera,luis.rivera@example.com,,,+12175550177,"])
    }

    @Test func aTitleAboveTheHeaderAndBlankRows() throws {
        let converted = try ConvertedFixture(fixture: "excel-wrappers")
        #expect(converted.report.files[0].headerRow == 3)
        #expect(converted.report.rows.skipped == 2)
        #expect(converted.clientLines[0] == "Eva Malá,eva@example.cz,,150,,")
    }

    @Test func blankAndRepeatedHeaderRowsAreSkipped() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("t.csv", text: "Name,Email\nAnn,ann@x.com\n,\nName,Email\nBob,bob@x.com\nTotal: 2,\n")
        let report = try ConvertedFixture(paths: [file]).report
        #expect(report.skipped.map(\.reason) == [.blank, .repeatedHeader, .footer])
        #expect(report.rows.accepted == 2 && report.rows.addsUp)
    }
}

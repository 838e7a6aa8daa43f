import Foundation
import Testing
import ZenamuCore
import ZenamuTestSupport

/// Every fixture converts to exactly its golden `clients.csv` and `report.json`.
/// Run with `ZENAMU_UPDATE_GOLDENS=1` to rewrite the goldens after a deliberate change, then read
/// the diff before committing it.
@Suite("Fixtures convert to their golden files")
struct GoldenFixtureTests {
    static let update = ProcessInfo.processInfo.environment["ZENAMU_UPDATE_GOLDENS"] == "1"

    @Test(arguments: Fixtures.cases)
    func matchesGoldens(_ name: String) throws {
        let converted = try ConvertedFixture(fixture: name)
        let expected = Fixtures.url(name).appendingPathComponent("expected")
        if Self.update {
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try converted.clientsCSV.write(to: expected.appendingPathComponent("clients.csv"), atomically: true, encoding: .utf8)
            try converted.reportJSON.write(to: expected.appendingPathComponent("report.json"), atomically: true, encoding: .utf8)
        }
        let clients = try String(contentsOf: expected.appendingPathComponent("clients.csv"), encoding: .utf8)
        #expect(converted.clientsCSV == clients, "clients.csv differs from fixtures/\(name)/expected")
        // Both goldens are required: a fixture without its report would pass on any report.
        // A scaffolded fixture gets its report with ZENAMU_UPDATE_GOLDENS=1.
        let reportURL = expected.appendingPathComponent("report.json")
        let report = try #require(try? String(contentsOf: reportURL, encoding: .utf8),
                                  "fixtures/\(name)/expected/report.json is missing: run with ZENAMU_UPDATE_GOLDENS=1 and read it")
        #expect(converted.reportJSON == report, "report.json differs from fixtures/\(name)/expected")
    }

    @Test("read = accepted + rejected + merged + skipped, for every fixture and every file", arguments: Fixtures.cases)
    func rowsAddUp(_ name: String) throws {
        let converted = try ConvertedFixture(fixture: name)
        let report = converted.report
        #expect(report.rows.addsUp)
        let filesAddUp = report.files.allSatisfy { $0.rows.addsUp }
        #expect(filesAddUp)
        // One outcome per row of the file but the header: nothing is dropped, nothing counted twice.
        #expect(converted.outcomes.count == report.rows.read)
        // Row numbers are per file: a run of two files has a row 2 in each.
        let places = converted.outcomes.map { "\($0.file)#\($0.row)" }
        let headers = report.files.map { "\($0.file)#\($0.headerRow)" }
        #expect(Set(places).count == places.count && Set(headers).isDisjoint(with: places))
    }

    @Test("entries and credits read = imported + in rejected rows + expired + merged, for every fixture and file",
          arguments: Fixtures.cases)
    func balancesAddUp(_ name: String) throws {
        let converted = try ConvertedFixture(fixture: name)
        let report = converted.report
        for file in report.files {
            #expect(file.balances.addsUp, "\(file.file): \(file.balances)")
        }
        #expect(report.balances.addsUp && report.balances == report.files.map(\.balances).reduce(Balances(), +))
        // What the report calls imported is what clients.csv holds: nothing counted that did not land.
        let accepted = converted.outcomes.compactMap { outcome -> ClientRecord? in
            if case let .accepted(record, _) = outcome { record } else { nil }
        }
        #expect(report.balances.entries.imported == accepted.compactMap(\.entries).reduce(0, +), "\(report.balances.entries)")
        #expect(report.balances.credits.imported == accepted.compactMap(\.credits).reduce(0, +), "\(report.balances.credits)")
    }
}

@Suite("The cases the issue names")
struct NamedCaseTests {
    @Test func seedSampleFromTheHelpArticle() throws {
        let converted = try ConvertedFixture(fixture: "zenamu-seed")
        #expect(converted.clientLines == [
            "John Doe,john@example.com,0,1000,+420123456789,yes",
            "Jane Doe,jane@example.com,,,,",
            "Anna Doe,anna@example.com,,150,,",
        ])
        // The seed's own +420 123456789 is not a real Czech number: kept, with a warning.
        #expect(converted.codesByRow == [2: ["phone_not_valid"]])
    }

    @Test func hungarianWindows1250Semicolons() throws {
        let converted = try ConvertedFixture(fixture: "hungarian-windows-1250")
        #expect(converted.report.encoding == "WINDOWS-1250")
        #expect(converted.report.delimiter == ";")
        #expect(converted.report.region == "HU")
        #expect(converted.clientLines == [
            "Kovács János,kovacs.janos@freemail.hu,5,,+36301234567,yes",
            "Szabó Erzsébet,szabo.erzsebet@citromail.hu,,1000.5,+3612345678,no",
            "Tóth Ödön,toth.odon@example.hu,10,,,",
            "Kovácsné Szőke Éva,eva.kovacsne@example.hu,0,2500,+36309876543,yes",
        ])
    }

    @Test func frenchUTF8WithBOM() throws {
        let converted = try ConvertedFixture(fixture: "french-utf8-bom")
        #expect(converted.report.encoding == "UTF-8")
        #expect(converted.report.files[0].encodingReason == "byte-order mark")
        // "Nom" is the family name beside "Prénom"; the BOM does not stick to the first header.
        #expect(converted.report.files[0].mapping[0].field == "family_name")
        #expect(converted.clientLines.first == "Marie Dupont,marie.dupont@orange.fr,5,,+33612345678,yes")
        #expect(converted.clientLines.contains("Hélène Lefèvre,helene.lefevre@example.fr,,1000.5,+33698765432,no"))
        let typo = try #require(converted.report.issues.first { $0.code == "email_domain_typo" })
        #expect(typo.row == 5 && typo.suggestion == "noel.girard@gmail.com")
    }

    @Test func excelUnicodeTextIsUTF16Tabs() throws {
        let converted = try ConvertedFixture(fixture: "excel-unicode-text")
        #expect(converted.report.encoding == "UTF-16LE")
        #expect(converted.report.delimiter == "\t")
        #expect(converted.clientLines == [
            "Jana Nováková,jana.novakova@seznam.cz,8,,+420603123456,yes",
            "Petr Dvořák,petr.dvorak@email.cz,,150,,no",
            "Lucie Černá,lucie.cerna@centrum.cz,3,,+420603987654,",
        ])
        // 4.20603E+11 lost its digits in Excel: flagged and left out, never imported as a number.
        let mangled = try #require(converted.report.issues.first)
        #expect(mangled.code == "phone_mangled_by_excel" && mangled.severity == .warning)
        #expect(mangled.row == 3 && mangled.column == "Telefon" && mangled.value == "4.20603E+11")
    }
}

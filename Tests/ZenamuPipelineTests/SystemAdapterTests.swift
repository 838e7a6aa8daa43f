import Foundation
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration
import ZenamuTestSupport
import ZenamuErrorWorkbook

/// Each named system's fixture is read as that system, with the right clients and balances.
@Suite("Named systems")
struct SystemAdapterTests {
    static let fixtures: [(fixture: String, system: String)] = [
        ("mindbody-client-list", "mindbody"), ("mindbody-pricing-options", "mindbody"),
        ("fresha-xlsx", "fresha"), ("glofox-members", "glofox"), ("teamup-customers", "teamup"),
        ("acuity-quoted-names", "acuity"), ("arketa-opt-ins", "arketa"), ("wellnessliving-passes", "wellnessliving"),
        ("shopify-customers", "shopify"), ("schedulista-clients", "schedulista"), ("punchpass-passes", "punchpass"),
        ("vagaro-customers", "vagaro"), ("momoyoga-yogis", "momoyoga"), ("eversports-customers", "eversports"),
        ("bsport-members", "bsport"), ("reservio-customers", "reservio"),
        ("czech-slovak-permanentky", "czech-slovak"),
    ]

    @Test(arguments: fixtures.map(\.fixture))
    func fixtureIsDetectedAsItsSystem(_ fixture: String) throws {
        let expected = try #require(Self.fixtures.first { $0.fixture == fixture }).system
        let converted = try ConvertedFixture(fixture: fixture)
        #expect(converted.report.files.allSatisfy { $0.system == expected }, "\(converted.report.files.map(\.system))")
        #expect(converted.report.system == expected)
        let name = try #require(converted.report.files.first?.systemName)
        #expect(!name.isEmpty && name != expected, "the report names the system in words")
    }

    /// Every adapter the registry holds, declared ones included, reads at least one bundled
    /// fixture as itself: an adapter without evidence in `fixtures/` cannot land. The tool's own
    /// returned workbook is the exception: the round-trip tests write it and read it back.
    @Test func everyAdapterHasAFixtureReadAsIt() throws {
        var detected: Set<String> = []
        for name in Fixtures.cases {
            detected.formUnion(try ConvertedFixture(fixture: name).report.files.map(\.system))
        }
        let missing = AdapterRegistry.all.map(\.id).filter { !detected.contains($0) && $0 != ReturnedErrorWorkbook.id }
        #expect(missing.isEmpty, "adapters that no fixture is read as: \(missing)")
    }

    @Test func mindbodyPassesAreJoinedToTheClientListOnClientID() throws {
        let converted = try ConvertedFixture(fixture: "mindbody-pricing-options")
        // Mina: 4 left on a valid series, 3 on one that expired in 2020 (not carried over).
        // Luis: 12. Ada has a pass but no e-mail; client 999 is in no client list.
        #expect(converted.clientLines == [
            "Mina Cho,mina.cho@example.com,4,,+12175550142,",
            "Luis Rivera,luis.rivera@example.com,12,,+12175550177,",
        ])
        let passes = try #require(converted.report.files.first { $0.file == "input-passes.csv" })
        #expect(passes.part == "balances")
        #expect(passes.rows.merged == 3 && passes.rows.rejected == 2 && passes.rows.addsUp)
        let codes = converted.report.issues.filter { $0.file == "input-passes.csv" }.map { "\($0.row):\($0.code)" }
        #expect(codes == ["3:pass_expired", "5:pass_of_rejected_client", "6:pass_without_client"])
        let ada = try #require(converted.report.issues.first { $0.file == "input.csv" && $0.row == 5 })
        #expect(ada.code == "email_required_for_balance", "a client without e-mail now holding 2 visits")
        let orphan = try #require(converted.report.issues.first { $0.code == "pass_without_client" })
        #expect(orphan.message.contains("999") && orphan.message.contains("6 entries"))
    }

    @Test func wellnessLivingPassesBecomeOneClientEach() throws {
        let converted = try ConvertedFixture(fixture: "wellnessliving-passes")
        #expect(converted.clientLines == [
            "Mia Chen,mia.chen@example.ca,6,,+16045550182,",
            "Noah Singh,noah.singh@example.ca,,,+16045550190,",
        ])
        #expect(converted.report.rows.merged == 1, "Mia's second pass is merged into her")
        #expect(converted.report.skipped.map(\.reason) == [.systemNote])
        #expect(converted.codesByRow == [6: ["invalid_email"]])
    }

    @Test func expiredPassOfAPassReportIsNotCountedAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("passes.csv", text: """
            Client,Purchase Option,Available,Expiration Date
            "Mia Chen+1 604 555 0182
            mia.chen@example.ca
            A",10 Class Pass,5 visits,2099-12-31
            "Mia Chen+1 604 555 0182
            mia.chen@example.ca
            A",5 Class Pass,3 visits,2020-01-31
            """)
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.clientLines == ["Mia Chen,mia.chen@example.ca,5,,+16045550182,"])
        let warning = try #require(converted.report.issues.first)
        #expect(warning.code == "pass_expired" && warning.row == 3 && warning.message.contains("2020-01-31"))
    }

    /// One row per client with the pass's expiry (Punchpass): the expired pass's punches are not
    /// carried over, and a client whose only balance expired needs no e-mail for it.
    @Test func expiredPassOnAClientRowIsNotCarriedOver() throws {
        let converted = try ConvertedFixture(fixture: "punchpass-passes")
        #expect(converted.clientLines.last == "Emma Lee,emma.lee@example.com,,,+15035550149,")
        let warning = try #require(converted.report.issues.first { $0.code == "pass_expired" })
        #expect(warning.row == 3 && warning.message == "This pass expired on 2020-06-30: its 2 entries are not carried over to Zenamu.")

        let folder = try TemporaryFolder()
        let file = try folder.file("passes.csv", text: "Name,Email,Entries,Pass expiry\nPetr Novák,,3,2020-01-31\n")
        let noEmail = try ConvertedFixture(paths: [file])
        #expect(noEmail.report.rows.accepted == 1)
        #expect(noEmail.report.issues.map(\.code).sorted() == ["email_missing", "pass_expired"])
    }

    @Test func aPackedClientCellReadByTheGenericAdapterIsAnErrorWithASplit() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("passes.csv", text: """
            Client,Pass,Visits left
            "Mia Chen+1 604 555 0182
            mia.chen@example.ca
            P",10 Class Pass,5
            """)
        var options = ConversionOptions()
        options.system = "generic"
        let converted = try ConvertedFixture(paths: [file], options: options)
        #expect(converted.clientLines.isEmpty, "never imported with the whole cell as a name")
        let issue = try #require(converted.report.issues.first { $0.code == "name_not_a_name" })
        #expect(issue.suggestion == "Mia Chen · mia.chen@example.ca · +1 604 555 0182")
    }

    @Test(arguments: ["Mia Chen mia.chen@example.ca", "Jana Nováková 603123456", "Anna\nNováková"])
    func namesThatAreNotNames(_ cell: String) throws {
        let folder = try TemporaryFolder()
        let quoted = "\"" + cell + "\""
        let file = try folder.file("list.csv", text: "Name,Email\n\(quoted),someone@example.com\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.codesByRow[2]?.contains("name_not_a_name") == true)
    }

    @Test(arguments: ["Jana Nováková", "Anne-Marie O'Neil", "Nováková, Jana", "Henry VIII"])
    func namesThatAreNames(_ cell: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("list.csv", text: "Name,Email\n\"\(cell)\",someone@example.com\n")
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.clientLines.count == 1)
    }
}

/// Choosing among adapters: with a margin, saying why, and with a runner-up.
@Suite("Detection")
struct DetectionTests {
    @Test func theReportGivesTheRunnerUp() throws {
        let converted = try ConvertedFixture(fixture: "fresha-xlsx")
        let file = try #require(converted.report.files.first)
        #expect(file.system == "fresha")
        let runnerUp = try #require(file.systemRunnerUp)
        #expect(runnerUp.id == "generic" && runnerUp.confidence < file.systemConfidence)
        #expect(file.systemReason.first?.contains("Accepts SMS Marketing") == true)
    }

    @Test func twoSystemsTooCloseToTellApartFallBackToGenericAndSaySo() throws {
        func twin(_ id: String) throws -> DeclarativeAdapter {
            let json = """
                {"schema": 1, "id": "\(id)", "name": "System \(id)", "systems": ["\(id)"], "languages": ["en"],
                 "fingerprint": "x", "signature": ["Studio Member Code", "Visits Booked"],
                 "samples": [{"name": "s", "csv": "Name,Email,Studio Member Code,Visits Booked\\nA B,a@example.com,1,2\\n",
                              "expected": ["A B,a@example.com,,,,"]}]}
                """
            return DeclarativeAdapter(try AdapterDeclaration.decode(Data(json.utf8), file: "\(id).json"))
        }
        let adapters: [any SourceAdapter] = [try twin("alpha"), try twin("beta")] + AdapterRegistry.all
        let run = try AdapterSampleRun(try twin("alpha").description.samples[0], adapters: adapters)
        let file = try #require(run.report.files.first)
        #expect(file.system == "generic")
        #expect(file.systemRunnerUp?.id == "alpha")
        #expect(file.systemReason.last?.contains("--system alpha or --system beta") == true)
    }

    @Test func forcingASystemUsesIt() throws {
        var options = ConversionOptions()
        options.system = "generic"
        let converted = try ConvertedFixture(paths: [try Fixtures.input(of: "glofox-members")], options: options)
        #expect(converted.report.system == "generic")
    }

    @Test func everyBundledDeclarationDecodes() {
        let checked = AdapterRegistry.checkBundledDeclarations()
        #expect(checked.count >= 14)
        for (file, result) in checked {
            if case let .failure(error) = result { Issue.record("\(file): \(error)") }
        }
    }
}

/// A declarative adapter is used without rebuilding, and checked before it is.
@Suite("Declarative adapters on the command line")
struct DeclarativeAdapterCommandTests {
    static let declaration = """
        {
          "schema": 1, "id": "studio-box", "name": "StudioBox members", "systems": ["StudioBox"], "languages": ["en"],
          "fingerprint": "StudioBox's Box ID and Punches columns",
          "signature": ["Box ID", "Punches"], "minimumSignature": 2,
          "columns": {"Punches": "entries", "Box ID": "client_id"},
          "samples": [{"name": "One member", "csv": "Box ID,Member,Email,Punches\\n7,Ann Lee,ann@example.com,3\\n",
                       "expected": ["Ann Lee,ann@example.com,3,,,"]}]
        }
        """

    @Test func aFolderOfAdaptersIsUsedWithoutRebuilding() throws {
        let folder = try TemporaryFolder()
        let adapters = folder.url.appendingPathComponent("adapters")
        try FileManager.default.createDirectory(at: adapters, withIntermediateDirectories: true)
        _ = try folder.file("adapters/studio-box.json", text: Self.declaration)
        let input = try folder.file("members.csv", text: "Box ID,Member,Email,Punches\n7,Ann Lee,ann@example.com,3\n")
        let out = folder.url.appendingPathComponent("out")
        let result = try CLI.run(["convert", input.path, "--out", out.path, "--adapters", adapters.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(report.contains("\"system\" : \"studio-box\""))
        let clients = try String(contentsOf: out.appendingPathComponent("clients.csv"), encoding: .utf8)
        #expect(clients.contains("Ann Lee,ann@example.com,3,,,"))
    }

    @Test func checkRunsTheSamples() throws {
        let folder = try TemporaryFolder()
        let good = try folder.file("good.json", text: Self.declaration)
        let passed = try CLI.run(["adapters", "check", good.path])
        #expect(passed.status == 0 && passed.stdout.contains("✓ One member"))

        let wrong = try folder.file("wrong.json", text: Self.declaration.replacingOccurrences(of: "ann@example.com,3,,,", with: "ann@example.com,4,,,"))
        let failed = try CLI.run(["adapters", "check", wrong.path])
        #expect(failed.status == 1 && failed.stdout.contains("expected \"Ann Lee,ann@example.com,4,,,\""))
    }

    @Test(arguments: [
        ("{\"schema\": 1,", "wrong.json: it is not valid JSON"),
        ("{\"schema\": 2}", "the key \"id\" is missing"),
    ])
    func aBrokenDeclarationIsNamedWithItsProblem(_ text: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("wrong.json", text: text)
        let result = try CLI.run(["adapters", "check", file.path])
        #expect(result.status == 65 && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aFieldThatDoesNotExistIsNamed() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("typo.json", text: Self.declaration.replacingOccurrences(of: "\"entries\"", with: "\"entry\""))
        let result = try CLI.run(["adapters", "check", file.path])
        #expect(result.status == 65 && result.stderr.contains("column \"Punches\" maps to \"entry\", which is not a field"))
    }
}

extension SystemAdapterTests {
    @Test func aPassReportAloneAsksForItsClientList() throws {
        let out = try TemporaryFolder()
        let passes = try Fixtures.inputs(of: "mindbody-pricing-options").first { $0.lastPathComponent == "input-passes.csv" }
        let result = try CLI.run(["convert", try #require(passes).path, "--out", out.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("input-passes.csv: this is a report of passes")
            && result.stderr.contains("give the system's client list in the same run"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.url.appendingPathComponent("clients.csv").path))
    }
}

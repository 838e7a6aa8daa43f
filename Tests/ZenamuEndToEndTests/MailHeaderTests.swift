import Foundation
import Testing
import ZenamuCore
import ZenamuStore
import ZenamuTestSupport

/// Every exported invitation read back by a real mail parser (Python's `email` package, default
/// policy): whatever a client's name holds, the message goes to that client alone, from the
/// studio, with no header added.
@Suite("E-mail headers under hostile names")
struct MailHeaderTests {
    static let hostileNames = [
        #"Jerry "J" <postmaster>"#, #"O"Brien"#, #"Back\slash"#, "Ann, Bob <bob@evil.example>", "<root@evil.example>",
        "=?UTF-8?B?cm9vdEBldmlsLmV4YW1wbGU=?=", "=?utf-8?q?Bcc=3A_x=40evil=2Eexample?=", "Ann\r\nBcc: x@evil.example",
        "Ann\nBcc: x@evil.example", "Ann\rCc: x@evil.example", "Zoé \u{202E}lipa\u{202C}", "\u{2066}Ann\u{2069} Lee", "(comment) Ann",
        "Ann; Bob", "Ann: group;", "Šárka Nováková", "\"quoted\"", "\\\"", "Ann\tLee", "Ann\u{2028}Bcc: x@evil.example",
        "", " ", "a".padding(toLength: 300, withPad: "é", startingAt: 0), "Ann@evil.example", "Mr. Ann Lee",
        "Ann <ann@example.com>, Bob <bob@evil.example>", "\u{0}Ann",
    ]

    @Test func everyMessageGoesToItsClientAloneFromTheStudio() throws {
        let folder = try TemporaryFolder()
        let from = try Mailbox.parse(#""Studio \"Lotus\"" <hello@lotus.example>"#)
        var expected: [[String: String]] = []
        for (index, name) in Self.hostileNames.enumerated() {
            let address = "client\(index)@example.com"
            let mail = InvitationMail(Invitation(email: address, name: name, entries: 5), studio: "Lotus\r\nBcc: x@evil.example",
                                      from: from, messages: .english)
            _ = try folder.file("\(index).eml", Array(try mail.rfc5322.utf8))
            expected.append(["to": address, "toName": Mailbox.cleaned(name), "from": "hello@lotus.example", "fromName": #"Studio "Lotus""#])
        }
        let script = """
            import email, email.policy, json, sys, os
            out = []
            for i in range(\(Self.hostileNames.count)):
                with open(os.path.join(sys.argv[1], f"{i}.eml"), "rb") as f:
                    m = email.message_from_binary_file(f, policy=email.policy.default)
                to, fr = m["To"].addresses, m["From"].addresses
                out.append({"to": [a.addr_spec for a in to], "toName": [a.display_name for a in to],
                            "from": [a.addr_spec for a in fr], "fromName": [a.display_name for a in fr],
                            "headers": sorted(k.lower() for k in m.keys()), "defects": len(m.defects)
                                + len(m["To"].defects) + len(m["From"].defects) + len(m["Subject"].defects)})
            print(json.dumps(out))
            """
        let run = try CLIProcess(["-c", script, folder.url.path], program: "/usr/bin/python3").wait()
        #expect(run.status == 0, "\(run.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(parsed.count == Self.hostileNames.count)
        let headers = ["content-language", "content-type", "date", "from", "message-id", "mime-version", "subject", "to"]
        for (index, message) in parsed.enumerated() {
            let name = Self.hostileNames[index].debugDescription
            #expect(message["to"] as? [String] == [expected[index]["to"]!], "\(name)")
            // Python keeps the folding space between two encoded words of a display name (RFC 2047
            // says to drop it, as mail programs do), so a long name is compared without its spaces.
            let unspaced = { (text: String) in text.filter { !$0.isWhitespace } }
            #expect((message["toName"] as? [String])?.map(unspaced) == [unspaced(expected[index]["toName"]!)], "\(name)")
            #expect(message["from"] as? [String] == ["hello@lotus.example"] && message["fromName"] as? [String] == [#"Studio "Lotus""#])
            #expect(message["headers"] as? [String] == headers, "\(name): \(message["headers"] ?? "")")
            #expect(message["defects"] as? Int == 0, "\(name)")
        }
    }

    /// The addresses of the messages in `folder`, as the mail parser reads their `To:`.
    static func recipients(in folder: URL, only suffix: String = "") throws -> [String] {
        let script = """
            import email, email.policy, sys, os, json
            out = []
            for name in sorted(n for n in os.listdir(sys.argv[1]) if n.endswith(sys.argv[2]) and not n.startswith(".")):
                with open(os.path.join(sys.argv[1], name), "rb") as f:
                    m = email.message_from_binary_file(f, policy=email.policy.default)
                out.append([a.addr_spec for a in m["To"].addresses])
            print(json.dumps(out))
            """
        let run = try CLIProcess(["-c", script, folder.path, suffix], program: "/usr/bin/python3").wait()
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]] ?? []
        return parsed.flatMap { $0.count == 1 ? $0 : ["(\($0.count) recipients)"] }
    }

    @Test(arguments: ["store-eml-to-header-quoted-name.csv", "store-eml-long-address.csv"])
    func theCrashersExportEveryInvitationToItsClientAlone(_ crasher: String) throws {
        let folder = try TemporaryFolder()
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        let export = folder.url.appendingPathComponent("outbox")
        let imported = try CLI.run(["import", Fixtures.url("crashers/\(crasher)").path, "--store", store, "--invite", "all"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try CLI.run(["invitations", "--store", store, "--export", export.path, "--from", "Studio <s@example.com>"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let emails = try String(contentsOf: Fixtures.url("crashers/\(crasher)"), encoding: .utf8)
            .components(separatedBy: .newlines).dropFirst().filter { !$0.isEmpty }
            .map { String($0.split(separator: ",").last { $0.contains("@") } ?? "") }
        let recipients = try Self.recipients(in: export)
        #expect(Set(recipients) == Set(emails), "\(recipients) \(emails)")
    }

    @Test(arguments: ["hello@lotus.example\r\nBcc: x@evil.example", "Studio <hello@lotus.example\r\nBcc: x@evil.example>",
                      "not an address", "Studio <>", "Studio <a@b@c>", "Studio <hello@lotus..example>"])
    func aSenderThatIsNotOneMailboxIsRefused(_ from: String) {
        #expect(throws: MailboxError.self) { try Mailbox.parse(from) }
    }
}

/// Every file that holds clients' personal data is its owner's alone, whatever the umask.
@Suite("Personal data on disk")
struct PersonalDataPermissionTests {
    /// Runs the tool as `umask 000` would leave any other program's files: readable and writable by all.
    static func runUnderOpenUmask(_ arguments: [String]) throws -> CLIProcess.Ended {
        try CLIProcess(["-c", #"umask 000 && exec "$0" "$@""#, CLI.executable.path] + arguments, program: "/bin/sh").wait()
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test func outputsStoreAndExportedMessagesAreTheOwnersOnly() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email,Entries\nAnn Lee,ann@example.com,5\nBob Roe,bob@example,2\n")
        let out = folder.url.appendingPathComponent("out").path
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        let outbox = folder.url.appendingPathComponent("outbox").path
        #expect(try Self.runUnderOpenUmask(["convert", input.path, "--out", out]).status == 1)
        #expect(try Self.runUnderOpenUmask(["import", input.path, "--store", store]).status == 1)
        #expect(try Self.runUnderOpenUmask(["invitations", "--store", store, "--export", outbox, "--from", "S <s@example.com>"]).status == 0)
        let files = ["clients.csv", "report.json", "errors.xlsx"].map { (out as NSString).appendingPathComponent($0) }
            + [store] + (try FileManager.default.contentsOfDirectory(atPath: outbox)).map { (outbox as NSString).appendingPathComponent($0) }
        // Three outputs, the store, two messages and the export's manifest (its file names hold addresses).
        #expect(files.count == 6)
        for file in files { #expect(try Self.mode(file) == 0o600, "\(file)") }
        for folder in [out, outbox] { #expect(try Self.mode(folder) == 0o700, "\(folder)") }
    }
}

/// The export folder holds exactly the outbox after each export, and nothing else of it is touched.
@Suite("The exported outbox")
struct OutboxExportTests {
    @Test func aSecondExportAfterARegistrationHoldsExactlyTheOutbox() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "Name,Email,Entries\nAnn Lee,ann@example.com,5\nBob Roe,bob@example.com,2\n"
            + "Cyd Poe,cyd@example.com,1\n")
        let store = folder.url.appendingPathComponent("studio.sqlite").path
        let outbox = folder.url.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let own = outbox.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: own)
        #expect(try CLI.run(["import", input.path, "--store", store]).status == 0)
        let export = ["invitations", "--store", store, "--export", outbox.path, "--from", "S <s@example.com>"]
        #expect(try CLI.run(export).status == 0)
        #expect(try MailHeaderTests.recipients(in: outbox, only: ".eml").sorted() == ["ann@example.com", "bob@example.com", "cyd@example.com"])
        #expect(try CLI.run(["register", "ann@example.com", "--store", store]).status == 0)
        #expect(try CLI.run(export).status == 0)
        #expect(try MailHeaderTests.recipients(in: outbox, only: ".eml").sorted() == ["bob@example.com", "cyd@example.com"])
        #expect(try String(contentsOf: own, encoding: .utf8) == "mine")
    }
}

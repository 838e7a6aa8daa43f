import Foundation
import Testing
@testable import ZenamuCore
@testable import ZenamuSinks
import ZenamuTestSupport

/// What a user reads stays one line and harmless, whatever the file holds; what a spreadsheet
/// would run as a formula is defused, and what was validated is not altered.
@Suite("Messages and cells that cannot be turned against the user")
struct MessageSafetyTests {
    @Test func oneLineEscapesControlsAndCutsLongValues() {
        #expect(OneLine.text("a\nb\tc\u{1B}[31mred") == "a\\nb\\tc\\u{1B}[31mred")
        #expect(OneLine.text("right\u{202E}left") == "right\\u{202E}left")
        #expect(OneLine.text(String(repeating: "x", count: 100), limit: 10) == "xxxxxxxxxx…")
        #expect(OneLine.text("Nováková") == "Nováková")
    }

    @Test func anErrorAboutAFileWithALineBreakInItsNameIsOneLine() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("two\nlines\u{1B}[2J.csv", text: "just, some, words\n1,2,3\n")
        let result = try CLI.run(["convert", input.path, "--out", folder.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("two\\nlines\\u{1B}[2J.csv") && !result.stderr.contains("\u{1B}"))
    }

    @Test func aHugeFirstRowIsNotEchoedWhole() throws {
        let folder = try TemporaryFolder()
        let cell = String(repeating: "z", count: 100_000)
        let input = try folder.file("noise.csv", text: "\(cell),\(cell)\n1,2\n")
        let result = try CLI.run(["convert", input.path, "--out", folder.url.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.count < 1_000 && result.stderr.contains("…"))
    }

    @Test func inspectShowsControlCharactersEscaped() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "name and surname,email\n\"Eva\u{1B}]0;pwned\u{07}\",eva@example.cz\n")
        let result = try CLI.run(["inspect", input.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && result.stdout.contains("Eva\\u{1B}]0;pwned\\u{7}"))
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+420 bad", "'+420 bad"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
        ("=\u{301}HYPERLINK(\"x\")", "'=\u{301}HYPERLINK(\"x\")"), ("  =1+1", "'  =1+1"), ("\t=1", "'\t=1"),
        ("Anna-Marie", "Anna-Marie"), ("Ömer", "Ömer"),
    ])
    func namesThatStartLikeFormulasAreDefused(_ name: String, _ written: String) {
        #expect(CanonicalCSV.neutralised(name) == written)
    }

    @Test func anEmailThatStartsWithAMinusIsWrittenExactly() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("list.csv", text: "name and surname,email\nAnna,-anna@example.cz\nBen,+ben@example.cz\n")
        let out = folder.url.appendingPathComponent("out")
        _ = try CLI.run(["convert", input.path, "--out", out.path])
        let clients = try String(contentsOf: out.appendingPathComponent("clients.csv"), encoding: .utf8)
        #expect(clients.contains("\r\nAnna,-anna@example.cz,") && clients.contains("\r\nBen,+ben@example.cz,"))
    }
}

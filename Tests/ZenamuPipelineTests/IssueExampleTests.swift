import Foundation
import Testing
import ZenamuCore
import ZenamuRules
import ZenamuTestSupport

/// One example of the examples the rules carry, named for its kind and place.
struct KindExample: Sendable, CustomTestStringConvertible {
    let kind: IssueKind
    let number: Int
    let example: IssueExample

    var testDescription: String { "\(kind.code) #\(number)" }

    static let all: [KindExample] = RuleBook.allExamples.flatMap { group in
        group.examples.enumerated().map { KindExample(kind: group.kind, number: $0.offset + 1, example: $0.element) }
    }
}

/// The examples the rules carry are their tests and their documentation: each converts to exactly
/// the codes it states, every kind has one that raises it, and `docs/ISSUES.md` is what they render.
/// Run with `ZENAMU_UPDATE_GOLDENS=1` to rewrite the page after a deliberate change.
@Suite("Issue examples")
struct IssueExampleTests {
    @Test("Each example raises exactly its codes, row by row", arguments: KindExample.all)
    func raisesExactlyItsCodes(_ sample: KindExample) throws {
        let example = sample.example
        let converted = try example.convert()
        // Data rows are counted from a header on row 1: an example whose header is not found there
        // would be about something else.
        let headers = converted.report.files.map { "\($0.file)@\($0.headerRow)" }
        #expect(headers == example.files.map { "\($0.name)@1" })
        let expected = Dictionary(uniqueKeysWithValues: example.files.map { ($0.name, $0.codesByDataRow) })
            .filter { !$0.value.isEmpty }
        #expect(converted.codesByDataRow == expected)
    }

    @Test("Each example is well formed", arguments: KindExample.all)
    func isWellFormed(_ sample: KindExample) {
        let files = sample.example.files
        #expect(!files.isEmpty && Set(files.map(\.name)).count == files.count)
        for file in files {
            #expect(!file.rows.isEmpty && file.rows.allSatisfy { $0.count == file.header.count }, "\(file.name)")
            #expect(file.raises.keys.allSatisfy { (0...file.rows.count).contains($0) }, "\(file.name)")
            #expect(file.raises.values.allSatisfy { !$0.isEmpty }, "\(file.name)")
        }
    }

    @Test func everyKindHasAnExampleRaisingIt() {
        let raised = Set(RuleBook.allExamples.filter { group in group.examples.contains { $0.raises(group.kind) } }.map(\.kind))
        let missing = Set(RuleBook.allKinds).subtracting(raised).map(\.code).sorted()
        #expect(missing.isEmpty, "no example raises \(missing)")
    }

    /// One place says when a kind is raised; it is with the rule that owns the kind.
    @Test func everyKindIsExplainedOnceByARuleThatHasIt() {
        let codes = RuleBook.allExamples.map(\.kind.code)
        #expect(Set(codes).count == codes.count, "a kind explained twice")
        let owners: [(kinds: [IssueKind], examples: [IssueExamples])] =
            RuleBook.rules.map { (type(of: $0).kinds, type(of: $0).examples) }
            + RuleBook.clientRules.map { (type(of: $0).kinds, type(of: $0).examples) }
            + [(Reconciler.kinds, Reconciler.examples), (PassAssembly.kinds, PassAssembly.examples)]
        for owner in owners {
            let strangers = owner.examples.map(\.kind).filter { !owner.kinds.contains($0) }.map(\.code)
            #expect(strangers.isEmpty, "examples of kinds their rule does not raise: \(strangers)")
        }
        #expect(RuleBook.allExamples.allSatisfy { !$0.when.isEmpty && !$0.examples.isEmpty })
    }

    @Test func docsAreWhatTheExamplesRender() throws {
        let rendered = try IssueDocument.render(RuleBook.allExamples)
        if ProcessInfo.processInfo.environment["ZENAMU_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: IssueDocument.url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: IssueDocument.url, encoding: .utf8)
        #expect(rendered == committed, "docs/ISSUES.md differs from the examples: run with ZENAMU_UPDATE_GOLDENS=1 and read the diff")
    }
}

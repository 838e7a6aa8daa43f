import Testing
import ZenamuAdapterKit
import ZenamuCore
@testable import ZenamuRules

/// The reconciler's compact table of clients finds exactly what a `[String: …]` dictionary finds:
/// the first client of each e-mail, byte-equal or canonically equivalent, across its growth.
@Suite("The clients seen, by e-mail")
struct SeenClientsTests {
    @Test func findsWhatADictionaryFinds() {
        var generator = SplitMix(seed: 12)
        // "é" as one scalar and as "e" with a combining accent: two byte strings, one String.
        let pool = (0..<3_000).map { "client\($0)@example.com" } + ["andr\u{E9}@example.fr", "andre\u{301}@example.fr",
                                                                   "\u{C5}sa@example.se", "A\u{30A}sa@example.se"]
        var seen = SeenClients()
        var model: [String: SeenClients.Client] = [:]
        for row in 2..<12_000 {
            let email = pool[Int(generator.next() % UInt64(pool.count))]
            let client = SeenClients.Client(place: RowReference(file: row % 3 == 0 ? "b.csv" : "a.csv", row: row),
                                            name: "Name \(row) Nováková", fingerprint: generator.next())
            let found = seen.insert(email, client)
            let expected = model[email]
            #expect(found?.place == expected?.place && found?.name == expected?.name
                && found?.fingerprint == expected?.fingerprint, "\(email) at row \(row)")
            if expected == nil { model[email] = client }
        }
        #expect(seen.count == model.count && seen.count > 2_900)
    }

    @Test func canonicallyEquivalentEmailsAreOneClient() {
        var seen = SeenClients()
        let first = SeenClients.Client(place: RowReference(file: "a.csv", row: 2), name: "André", fingerprint: 1)
        #expect(seen.insert("andr\u{E9}@example.fr", first) == nil)
        let again = seen.insert("andre\u{301}@example.fr", .init(place: RowReference(file: "a.csv", row: 3), name: "X", fingerprint: 2))
        #expect(again?.place.row == 2 && again?.name == "André" && again?.fingerprint == 1)
        #expect(seen.insert("andre@example.fr", first) == nil)
        #expect(seen.count == 2)
    }
}

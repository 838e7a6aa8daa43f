import Testing
import ZenamuAdapterKit
import ZenamuAdapters
import ZenamuCore

/// Every registered adapter, Swift or declarative, passes the adapter kit: adding an adapter adds
/// its tests.
@Suite("Adapter kit")
struct AdapterConformanceTests {
    @Test(arguments: AdapterRegistry.ids)
    func passesTheKit(_ id: String) async throws {
        let adapter = try #require(AdapterRegistry.adapter(id: id))
        try await AdapterKit.check(adapter, noiseCases: 12)
    }

    @Test(arguments: AdapterRegistry.ids)
    func noiseIsNeverAHeader(_ id: String) throws {
        let adapter = try #require(AdapterRegistry.adapter(id: id))
        for noise in [["0", "1", "2"], ["", "", ""], ["Report", "2026-11-22"], ["Total records: 2", "Total records: 2"], ["#", "@", "%"]] {
            #expect(adapter.recognise(header: noise).confidence == 0, "\(noise)")
        }
    }
}

extension AdapterConformanceTests {
    /// The kit itself can fail: a copy of Fresha's declaration under another id claims Fresha's
    /// samples as surely as Fresha does.
    @Test func theKitCatchesAnAdapterClaimingAnothersSamples() throws {
        let fresha = try #require(AdapterRegistry.adapter(id: "fresha") as? DeclarativeAdapter)
        var copy = fresha.declaration
        copy.id = "fresha-copy"
        let greedy = DeclarativeAdapter(copy)
        withKnownIssue {
            try AdapterKit.claimsNoOtherAdaptersSamples(greedy, among: [greedy, fresha])
        }
    }
}

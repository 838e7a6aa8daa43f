import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuTestSupport

/// Every registered adapter proves the same things with its own samples: adding an adapter adds
/// its tests.
@Suite("Adapter conformance")
struct AdapterConformanceTests {
    static let samples: [(String, AdapterSample)] = AdapterRegistry.all.flatMap { adapter in
        adapter.description.samples.map { (adapter.id, $0) }
    }

    @Test(arguments: samples.indices)
    func sampleConvertsToItsCanonicalRows(_ index: Int) throws {
        let (id, sample) = Self.samples[index]
        let folder = try TemporaryFolder()
        let file = try folder.file("sample.csv", text: sample.csv)
        let converted = try ConvertedFixture(paths: [file])
        #expect(converted.report.system == id, "\(sample.name)")
        #expect(converted.clientLines == sample.expected, "\(sample.name)")
        #expect(converted.report.rows.addsUp)
    }

    @Test(arguments: AdapterRegistry.ids)
    func describesItself(_ id: String) throws {
        let description = try #require(AdapterRegistry.adapter(id: id)).description
        #expect(!description.name.isEmpty && !description.fingerprint.isEmpty && !description.languages.isEmpty)
        #expect(!description.samples.isEmpty, "an adapter ships samples its tests run")
    }

    @Test(arguments: AdapterRegistry.ids)
    func noiseIsNeverAHeader(_ id: String) throws {
        let adapter = try #require(AdapterRegistry.adapter(id: id))
        for noise in [["0", "1", "2"], ["", "", ""], ["Report", "2026-11-22"], ["Total records: 2", "Total records: 2"], ["#", "@", "%"]] {
            #expect(adapter.recognise(header: noise).confidence == 0, "\(noise)")
        }
    }
}

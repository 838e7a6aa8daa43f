import Foundation
import PropertyBased
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration
import ZenamuReaders
import ZenamuSinks

/// What every adapter must do, as checks an adapter's own tests call (Swift Testing):
///
/// ```swift
/// @Test func myAdapterPassesTheKit() async throws {
///     try await AdapterKit.check(MySystem())
/// }
/// ```
///
/// - its samples give the records they declare, read as this adapter, with the rows adding up;
/// - it does not claim another adapter's samples more strongly than their own adapter does;
/// - noise (shuffled and renamed columns, blank and junk rows, random bytes) never crashes it,
///   never loses a row, and shuffling the columns never changes the clients.
///
/// Failures are recorded as Swift Testing issues naming the adapter and the sample.
public enum AdapterKit {
    /// Every check, with `adapter` among `others` (the bundled adapters by default).
    public static func check(_ adapter: any SourceAdapter, among others: [any SourceAdapter] = AdapterRegistry.all,
                             noiseCases: Int = 40) async throws {
        let adapters = [adapter] + others.filter { $0.id != adapter.id }
        try describesItself(adapter)
        try samplesGiveTheirRecords(adapter, among: adapters)
        try claimsNoOtherAdaptersSamples(adapter, among: adapters)
        try await survivesNoise(adapter, among: adapters, cases: noiseCases)
    }

    /// It has a name, a fingerprint, languages and at least one sample.
    public static func describesItself(_ adapter: any SourceAdapter) throws {
        let d = adapter.description
        #expect(!d.id.isEmpty && !d.name.isEmpty && !d.fingerprint.isEmpty && !d.languages.isEmpty, "\(d.id) describes itself")
        #expect(!d.samples.isEmpty, "\(d.id) ships samples its tests run")
    }

    /// Each sample converts, as this adapter, into exactly its expected lines of `clients.csv`.
    public static func samplesGiveTheirRecords(_ adapter: any SourceAdapter, among adapters: [any SourceAdapter]) throws {
        for sample in adapter.description.samples {
            let run = try AdapterSampleRun(sample, adapters: adapters)
            #expect(run.problem(expecting: adapter.id) == nil, "\(adapter.id), sample \"\(sample.name)\": \(run.problem(expecting: adapter.id) ?? "")")
        }
    }

    /// On every other adapter's sample, this adapter is less sure than that adapter: the real
    /// detection, with this adapter listed first so that it would win a tie, still picks the other.
    public static func claimsNoOtherAdaptersSamples(_ adapter: any SourceAdapter, among adapters: [any SourceAdapter]) throws {
        for other in adapters where other.id != adapter.id {
            for sample in other.description.samples {
                let run = try AdapterSampleRun(sample, adapters: [adapter, other])
                #expect(run.system != adapter.id,
                        "\(adapter.id) claims \(other.id)'s sample \"\(sample.name)\" at least as surely as \(other.id) does")
            }
        }
    }

    /// Noise never crashes the adapter or loses a row; shuffled columns give the same clients.
    public static func survivesNoise(_ adapter: any SourceAdapter, among adapters: [any SourceAdapter], cases: Int) async throws {
        for sample in adapter.description.samples {
            let table = try cells(of: sample)
            guard table.count > 1 else { continue }
            let width = table.map(\.count).max() ?? 0
            await propertyCheck(count: cases, input: Gen.int(in: 0...Int(UInt32.max)), Gen.int(in: 0...4)) { seed, kind in
                var generator = SplitMix(seed: UInt64(seed))
                let noisy = Noise(rawValue: kind)!.apply(to: table, width: width, using: &generator)
                do {
                    let run = try AdapterSampleRun(AdapterSample(name: sample.name, csv: noisy.text, expected: sample.expected),
                                                   adapters: adapters)
                    #expect(run.report.rows.addsUp, "\(adapter.id), \(Noise(rawValue: kind)!): the rows do not add up")
                    if noisy.keepsClients {
                        #expect(run.clientLines == sample.expected,
                                "\(adapter.id), \(Noise(rawValue: kind)!) changed the clients: \(run.clientLines)")
                    }
                } catch let error as InputError {
                    // Only noise that changes the clients may make the file unreadable; the refusal
                    // names the file and says why on one line, never a crash.
                    #expect(!noisy.keepsClients, "\(adapter.id), \(Noise(rawValue: kind)!) refused a file it must read: \(error)")
                    #expect(error.file.hasSuffix("sample.csv") && !error.reason.isEmpty
                            && !error.description.contains("\n") && error.description.contains("sample.csv"),
                            "\(adapter.id), \(Noise(rawValue: kind)!): the refusal \"\(error)\" does not name the file on one line")
                } catch {
                    Issue.record("\(adapter.id), \(Noise(rawValue: kind)!): \(error)")
                }
            }
        }
    }

    /// The sample's rows as the project's reader reads them, so noise is made at the level of cells.
    static func cells(of sample: AdapterSample) throws -> [[String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zenamu-kit-\(UUID().uuidString).csv")
        try Data(sample.csv.utf8).write(to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = try TableReader.open(path: folder.path).rows(sheet: 0)
        var table: [[String]] = []
        while let row = try rows.next() { table.append(row.cells) }
        return table
    }

    /// Kinds of noise.
    enum Noise: Int, CustomStringConvertible {
        case shuffledColumns, renamedColumn, blankAndJunkRows, randomBytes, droppedColumn

        var description: String {
            ["shuffled columns", "a renamed column", "blank and junk rows", "random bytes", "a dropped column"][rawValue]
        }

        func apply(to table: [[String]], width: Int, using generator: inout SplitMix) -> (text: String, keepsClients: Bool) {
            var rows = table.map { $0 + Array(repeating: "", count: width - $0.count) }
            switch self {
            case .shuffledColumns:
                let order = Array(0..<width).shuffled(using: &generator)
                rows = rows.map { row in order.map { row[$0] } }
                // Only a file whose header is its first row keeps its meaning when shuffled.
                return (csv(rows), true)
            case .renamedColumn:
                let column = Int.random(in: 0..<width, using: &generator)
                if let header = rows.firstIndex(where: { !$0.allSatisfy(\.isEmpty) }) {
                    rows[header][column] = "Zz\(Int.random(in: 0...999, using: &generator)) " + rows[header][column]
                }
            case .blankAndJunkRows:
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let junk = (0..<width).map { _ in Bool.random(using: &generator) ? "" : String(Int.random(in: 0...99999, using: &generator)) }
                    rows.insert(Bool.random(using: &generator) ? Array(repeating: "", count: width) : junk,
                                at: Int.random(in: 1...rows.count, using: &generator))
                }
            case .randomBytes:
                var bytes = Array(csv(rows).utf8)
                for _ in 0..<Int.random(in: 1...16, using: &generator) {
                    bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
                }
                return (String(decoding: bytes, as: UTF8.self), false)
            case .droppedColumn:
                let column = Int.random(in: 0..<width, using: &generator)
                rows = rows.map { row in var row = row; row.remove(at: column); return row }
            }
            return (csv(rows), false)
        }
    }
}

/// A small seeded generator, so a failing noise case can be replayed from its seed (the project's
/// own generated-input tests use it too).
public struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Rows written back as CSV, quoted as the canonical CSV is.
func csv(_ rows: [[String]]) -> String {
    rows.map(CanonicalCSV.line).joined(separator: "\n") + "\n"
}

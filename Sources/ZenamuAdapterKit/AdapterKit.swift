import Foundation
import PropertyBased
import Testing
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration

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
        claimsNoOtherAdaptersSamples(adapter, among: adapters)
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

    /// On every other adapter's sample, this adapter is less sure than that adapter.
    public static func claimsNoOtherAdaptersSamples(_ adapter: any SourceAdapter, among adapters: [any SourceAdapter]) {
        for other in adapters where other.id != adapter.id {
            for sample in other.description.samples {
                guard let header = headerAndSample(sample.csv, for: other) else { continue }
                let theirs = other.recognise(header: header.header, sample: header.rows).confidence
                let ours = adapter.recognise(header: header.header, sample: header.rows).confidence
                #expect(ours < theirs || theirs == 0,
                        "\(adapter.id) claims \(other.id)'s sample \"\(sample.name)\" (\(ours)) as surely as \(other.id) does (\(theirs))")
            }
        }
    }

    /// Noise never crashes the adapter or loses a row; shuffled columns give the same clients.
    public static func survivesNoise(_ adapter: any SourceAdapter, among adapters: [any SourceAdapter], cases: Int) async throws {
        for sample in adapter.description.samples {
            let table = CSVText.parse(sample.csv)
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
                    // A file the tool refuses must say why in a sentence, never crash.
                    #expect(!error.description.isEmpty)
                } catch {
                    Issue.record("\(adapter.id), \(Noise(rawValue: kind)!): \(error)")
                }
            }
        }
    }

    /// The sample's header row (as the pipeline finds it) and the rows below it.
    static func headerAndSample(_ csv: String, for adapter: any SourceAdapter) -> (header: [String], rows: [SourceRow])? {
        let table = CSVText.parse(csv)
        for (index, row) in table.enumerated() where adapter.recognise(header: row).confidence > 0 {
            let rows = table[(index + 1)...].enumerated().map { SourceRow(number: index + $0.offset + 2, cells: $0.element) }
            return (row, rows)
        }
        return nil
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
                return (CSVText.write(rows), true)
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
                var bytes = Array(CSVText.write(rows).utf8)
                for _ in 0..<Int.random(in: 1...16, using: &generator) {
                    bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
                }
                return (String(decoding: bytes, as: UTF8.self), false)
            case .droppedColumn:
                let column = Int.random(in: 0..<width, using: &generator)
                rows = rows.map { row in var row = row; row.remove(at: column); return row }
            }
            return (CSVText.write(rows), false)
        }
    }
}

/// A small seeded generator, so a failing noise case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Just enough CSV to take a sample apart and put it back (RFC 4180 quoting), so noise can be
/// made at the level of cells.
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        let delimiter: Character = text.prefix { $0 != "\n" }.contains(";") ? ";"
            : text.prefix { $0 != "\n" }.contains("\t") ? "\t" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let char = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if char == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.append(char) }
            } else if char == "\"" {
                quoted = true
            } else if char == delimiter {
                row.append(cell); cell = ""
            } else if char == "\n" || char == "\r\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(char)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    static func write(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }
}

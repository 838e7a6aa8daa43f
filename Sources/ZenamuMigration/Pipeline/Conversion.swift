import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuPhone

/// The pipeline, in its stages (docs/ARCHITECTURE.md):
///
/// 1. *plan*: every file opened, its table, header, adapter, mapping and region chosen, and the
///    run's one language (`RunPlan`, `FilePlan`);
/// 2. *rows*: each row by itself, on a second thread: noise, extract, the row rules (`RowPreparation`);
/// 3. *clients*: rows become clients, one `Assembly` per way, and the client rules run on them;
/// 4. *reconcile*: each client against the run's clients so far (`ClientBook`);
/// 5. *emit*: every outcome to every sink through one `SinkGroup`.
///
/// Every data row ends as exactly one `RowOutcome`, so the report adds up.
public struct Conversion {
    public var options: ConversionOptions
    let phones: any PhoneParsing
    let adapters: [any SourceAdapter]

    /// `adapters`: those `--system auto` chooses from, best first on a tie (the registry by
    /// default; a program brings its own, or adds `AdapterRegistry.declarations(in:)`).
    public init(options: ConversionOptions, adapters available: [any SourceAdapter] = AdapterRegistry.all,
                phones: any PhoneParsing = LibPhoneNumber()) throws {
        self.options = options
        self.phones = phones
        if options.system == "auto" {
            adapters = available
        } else if let adapter = available.first(where: { $0.id == options.system }) {
            adapters = [adapter]
        } else {
            throw UsageError("unknown system \"\(options.system)\"; choose auto or one of: "
                + available.map(\.id).joined(separator: ", ") + " (see `zenamu-migrate adapters`).")
        }
        if let region = options.region, !phones.isKnownRegion(region) {
            throw UsageError("unknown region \"\(region)\"; give a two-letter country code such as CZ, HU, FR or IT.")
        }
    }

    /// Converts `paths` in order, feeding every sink. Throws `InputError` when a file cannot be read.
    @discardableResult
    public func run(paths: [String], sinks: [any ClientSink]) throws -> RunReport {
        let sinks = SinkGroup(sinks)
        do {
            let plan = try RunPlan(paths: paths, conversion: self)
            let run = ConversionRun(plan: plan, sinks: sinks, options: options, phones: phones)
            // A system's second file is read first, so each client of the client lists finds its
            // balances, and reported last, once it is known which client took each pass.
            try run.readBalances()
            try run.convertClientLists()
            try run.reportBalances()
            return try run.finish()
        } catch {
            sinks.fail(error)
            throw error
        }
    }
}

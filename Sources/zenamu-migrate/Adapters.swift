import ArgumentParser
import Foundation
import ZenamuAdapters
import ZenamuCore
import ZenamuMigration

struct Adapters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the adapters and what each recognises, or check a declarative adapter.",
        subcommands: [List.self, Check.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the adapters and what each recognises.")

        @Option(name: .customLong("adapters"), help: ArgumentHelp("A folder of declarative adapters to list too.",
                                                                 valueName: "dir"))
        var adapterFolder: String?

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown
        }

        @Option(help: "text, or markdown (the document docs/SYSTEMS.md is).")
        var format: Format = .text

        func run() throws {
            let adapters = try InputOptions.adapters(folder: adapterFolder)
            if format == .markdown {
                print(AdapterCatalogue.markdown(adapters), terminator: "")
                return
            }
            for adapter in adapters {
                let d = adapter.description
                print("\(d.id): \(d.name)")
                print("  kind:        \(adapter is DeclarativeAdapter ? "declarative (JSON)" : "Swift")")
                print("  systems:     \(d.systems.joined(separator: ", "))")
                print("  languages:   \(d.languages.joined(separator: " "))")
                print("  recognises:  \(d.fingerprint)")
                print("  samples:     \(d.samples.map(\.name).joined(separator: "; "))")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a declarative adapter (.json) and convert its samples.",
            discussion: "Exits 0 when the file is valid and every sample gives its expected rows, as this adapter.")

        @Argument(help: "The adapter's .json file.")
        var file: String

        func run() throws {
            let adapter: DeclarativeAdapter
            do {
                adapter = try AdapterRegistry.declaration(at: URL(fileURLWithPath: file))
            } catch let error as DeclarationError {
                printError(error.description)
                throw ExitCode(65)
            }
            let adapters: [any SourceAdapter] = [adapter] + AdapterRegistry.all.filter { $0.id != adapter.id }
            var failures = 0
            for sample in adapter.description.samples {
                let result = try AdapterSampleRun(sample, adapters: adapters)
                if let problem = result.problem(expecting: adapter.id) {
                    failures += 1
                    print("✗ \(sample.name): \(problem)")
                } else {
                    print("✓ \(sample.name): read as \(adapter.id), \(sample.expected.count) client(s) as expected")
                }
            }
            if failures > 0 {
                printError("\(file): \(failures) of \(adapter.description.samples.count) samples do not give their expected rows.")
                throw ExitCode(1)
            }
            print("\(file): valid; every sample gives its expected rows.")
        }
    }
}

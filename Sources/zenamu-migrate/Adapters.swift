import ArgumentParser
import ZenamuAdapters

struct Adapters: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the adapters and what each recognises.")

    func run() {
        for adapter in AdapterRegistry.all {
            let d = adapter.description
            print("\(d.id): \(d.name)")
            print("  systems:     \(d.systems.joined(separator: ", "))")
            print("  languages:   \(d.languages.joined(separator: " "))")
            print("  recognises:  \(d.fingerprint)")
            print("  samples:     \(d.samples.map(\.name).joined(separator: "; "))")
        }
    }
}

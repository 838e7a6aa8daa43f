import ArgumentParser
import ZenamuMigration

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was detected about a file, and why, and its first rows as they will be imported.")

    @OptionGroup var input: InputOptions

    func run() throws {
        for (index, path) in input.files.enumerated() {
            let inspection = try reportingErrors { try Inspection(path: path, options: input.conversionOptions, adapters: input.adapters()) }
            if index > 0 { print("") }
            print(inspection.render(), terminator: "")
        }
    }
}

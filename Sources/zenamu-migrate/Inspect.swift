import ArgumentParser
import Foundation
import ZenamuSinks
import ZenamuMigration

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was detected about a file, and why, and its first rows as they will be imported.")

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp(
        "Write what was decided about the file's columns as a declarative adapter (.json), with invented sample rows.",
        discussion: "Put it in a folder and give that to --adapters, or in ~/.config/zenamu-migrate/adapters: files of "
            + "the same header are then read the same way without --map or --ignore.",
        valueName: "file"))
    var saveMapping: String?

    func validate() throws {
        if saveMapping != nil, input.files.count != 1 {
            throw ValidationError("--save-mapping saves the columns of one file; give one file.")
        }
    }

    func run() throws {
        for (index, path) in input.files.enumerated() {
            let inspection = try reportingErrors { try Inspection(path: path, options: input.conversionOptions, adapters: input.adapters()) }
            if index > 0 { print("") }
            print(inspection.render(), terminator: "")
            if let saveMapping, let file = inspection.report.files.first {
                let data = try reportingErrors { try SavedMapping.json(try SavedMapping.declaration(of: file)) }
                do {
                    try data.write(to: URL(fileURLWithPath: saveMapping), options: .atomic)
                } catch {
                    throw OutputError(path: saveMapping, reason: "the mapping cannot be written there")
                }
                print("\nSaved the mapping to \(saveMapping): give its folder to --adapters, or put it in "
                    + "~/.config/zenamu-migrate/adapters, and files with this header are read the same way.")
            }
        }
    }
}

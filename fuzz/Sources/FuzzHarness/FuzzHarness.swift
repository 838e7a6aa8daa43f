import Foundation
import ZenamuCore
import ZenamuMigration
import ZenamuReaders

/// One fuzz input through the whole of `convert`, as the command line runs it: the bytes become a
/// file, the pipeline converts it into an output folder with every real sink, and the outcome must
/// be one the contract allows. Anything else stops the fuzzer with the input that caused it:
///
/// - a crash, a trap or a sanitizer report (the point of the exercise);
/// - an error other than `InputError` (the file could not be read, exit 2);
/// - a report whose rows do not add up;
/// - an `errors.xlsx` that the tool itself cannot read back, since the customer must be able to
///   send it back as it is.
///
/// Files live in /dev/shm when it exists, so the outputs' fsyncs cost nothing.
public enum FuzzHarness {
    static let root: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(base)/zenamu-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Runs one input named `name` (its extension does not matter: formats are told by content).
    public static func run(_ data: UnsafePointer<UInt8>, _ size: Int, name: String, roundTrip: Bool) {
        let input = "\(root)/\(name)"
        _ = FileManager.default.createFile(atPath: input, contents: Data(bytes: data, count: size))
        let out = "\(root)/out"
        do {
            let conversion = try Conversion(options: ConversionOptions(region: "CZ"))
            let folder = try OutputFolder(path: out, inputs: [input])
            let result = try conversion.run(paths: [input], into: folder)
            check(result.report.rows.addsUp, "rows do not add up: \(result.report.rows)")
            if roundTrip, result.wroteErrorWorkbook {
                let back = try OutputFolder(path: "\(root)/back", inputs: ["\(out)/errors.xlsx"])
                do {
                    _ = try conversion.run(paths: ["\(out)/errors.xlsx"], into: back)
                } catch let error as InputError {
                    check(false, "our own errors.xlsx cannot be read back: \(error)")
                }
            }
        } catch is InputError {
            // A clear refusal of a bad file: allowed.
        } catch {
            check(false, "unexpected error: \(error)")
        }
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("FUZZ FAILURE: \(message())\n".utf8))
        abort()
    }
}

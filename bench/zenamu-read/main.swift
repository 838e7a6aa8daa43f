// Reads every row of a file and prints how many: the reader alone, without rules or sinks.
// Used by bench/run to time CSV, XLSX and XLS reading apart from the whole conversion.
import Foundation
import ZenamuCore
import ZenamuReaders

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: zenamu-read FILE\n".utf8))
    exit(64)
}
do {
    var source = try TableReader.open(path: CommandLine.arguments[1]).rows(sheet: 0)
    var rows = 0, cells = 0
    while let row = try source.next() {
        rows += 1
        cells += row.cells.count
    }
    print("\(rows) rows, \(cells) cells")
} catch {
    FileHandle.standardError.write(Data("zenamu-read: \(error)\n".utf8))
    exit(2)
}

import Glibc
import ZenamuReaders

// FreeXL in a process of its own: `zenamu-xls-reader PATH NAME` writes the workbook in XLSDump's
// framing. The tool runs it for every .xls, so a crash inside FreeXL cannot take the tool down.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: zenamu-xls-reader PATH NAME (run by zenamu-migrate; not for direct use)")
    exit(64)
}
XLSDump.run(path: arguments[1], file: arguments[2])

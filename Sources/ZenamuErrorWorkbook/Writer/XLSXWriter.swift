import CXlsxWriter
import Foundation
import ZenamuSinks

/// The part of libxlsxwriter the error workbook uses, in Swift terms.
///
/// Constant-memory mode: each sheet streams to a temporary file row by row, so a file with a
/// million rows to fix costs disk, not memory. Rows are written in order per sheet; comments,
/// validations, widths and filters may be set at any time before `close`. Values go in only as
/// text or numbers (`worksheet_write_string`/`_number`), never through libxlsxwriter's guessing
/// `worksheet_write`, so a customer's "=1+1" stays the text they typed.
final class XLSXWriter {
    /// Excel's last row index (1,048,576 rows).
    static let lastRow: UInt32 = 1_048_575
    /// Excel refuses longer cell texts.
    static let maxCellCharacters = 32_767

    let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?

    /// `temporaryFolder` holds libxlsxwriter's per-sheet temporary files: the run's staging folder,
    /// so they land on the output's disk (not a small /tmp) and go with the run.
    /// Whether libxlsxwriter's own "[ERROR]" lines are kept off standard error (its failures still
    /// arrive as `OutputError`). Only for a single-threaded program that owns standard error, such
    /// as the command line: the redirection is process-wide.
    private let quiet: Bool

    init(path: String, temporaryFolder: String?, quiet: Bool = false) throws {
        self.path = path
        self.quiet = quiet
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        let workbook = withCStrings([temporaryFolder ?? ""]) { folder in
            if temporaryFolder != nil { options.tmpdir = folder[0] }
            return withStandardErrorSilenced(quiet) { workbook_new_opt(path, &options) }
        }
        guard let workbook else {
            throw OutputError(path: path, errno: errno, doing: "cannot create the workbook")
        }
        self.workbook = workbook
    }

    deinit { discard() }

    func addSheet(_ name: String) throws -> Sheet {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw OutputError(path: path, reason: "cannot add the sheet \"\(name)\"")
        }
        return Sheet(pointer: sheet, path: path)
    }

    /// A cell format, set up by `configure`.
    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format>? {
        guard let workbook, let format = workbook_add_format(workbook) else { return nil }
        configure(format)
        return format
    }

    func setProperties(title: String, subject: String) {
        guard let workbook else { return }
        withCStrings([title, subject, "zenamu-migrate"]) { strings in
            var properties = lxw_doc_properties()
            properties.title = strings[0]
            properties.subject = strings[1]
            properties.author = strings[2]
            _ = workbook_set_properties(workbook, &properties)
        }
    }

    /// Assembles the .xlsx.
    func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        errno = 0
        let status = withStandardErrorSilenced(quiet) { workbook_close(workbook) }
        guard status == LXW_NO_ERROR else {
            let code = errno
            if code != 0 { throw OutputError(path: path, errno: code, doing: "assembling the workbook failed") }
            throw OutputError(path: path, reason: "assembling the workbook failed: " + String(cString: lxw_strerror(status)))
        }
    }

    /// Frees the workbook and removes whatever was written.
    func discard() {
        guard let workbook else { return }
        self.workbook = nil
        _ = withStandardErrorSilenced(quiet) { workbook_close(workbook) }
        try? FileManager.default.removeItem(atPath: path)
    }

    struct Sheet {
        let pointer: UnsafeMutablePointer<lxw_worksheet>
        let path: String

        func text(_ row: UInt32, _ column: UInt16, _ value: String, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            // No more bytes than the limit means no more characters: most cells are not counted.
            let value = value.utf8.count > XLSXWriter.maxCellCharacters && value.count > XLSXWriter.maxCellCharacters
                ? String(value.prefix(XLSXWriter.maxCellCharacters - 1)) + "…" : value
            try check(worksheet_write_string(pointer, row, column, XMLSafe.text(value), format))
        }

        /// `text(_:_:_:)` for UTF-8 bytes, which are handed to libxlsxwriter as they are when they
        /// need nothing done: no String is made of them (the hidden list writes one per client).
        /// `utf8` is borrowed for its terminating zero, and left as it was.
        func text(_ row: UInt32, _ column: UInt16, utf8 bytes: inout [UInt8]) throws {
            let plain = bytes.count <= XLSXWriter.maxCellCharacters && !bytes.withUnsafeBufferPointer(XMLSafe.mayHoldForbidden)
            guard plain else { return try text(row, column, String(decoding: bytes, as: UTF8.self)) }
            bytes.append(0)
            defer { bytes.removeLast() }
            try bytes.withUnsafeBufferPointer { buffer in
                try buffer.withMemoryRebound(to: CChar.self) {
                    try check(worksheet_write_string(pointer, row, column, $0.baseAddress, nil))
                }
            }
        }

        /// `value` across the columns `first` to `last` of one row, as one cell.
        func merged(_ row: UInt32, _ first: UInt16, _ last: UInt16, _ value: String,
                    _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            let value = String(value.prefix(XLSXWriter.maxCellCharacters))
            try check(worksheet_merge_range(pointer, row, first, row, last, XMLSafe.text(value), format))
        }

        func number(_ row: UInt32, _ column: UInt16, _ value: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) throws {
            try check(worksheet_write_number(pointer, row, column, value, format))
        }

        func comment(_ row: UInt32, _ column: UInt16, _ text: String) throws {
            var options = lxw_comment_options()
            options.x_scale = 2.4
            options.y_scale = 2.2
            let text = XMLSafe.text(String(text.prefix(XLSXWriter.maxCellCharacters)))
            try withCStrings(["Zenamu"]) { author in
                options.author = author[0]
                try check(worksheet_write_comment_opt(pointer, row, column, text, &options))
            }
        }

        /// Tall enough for `text` wrapped in a column `width` characters wide. Spreadsheet programs do
        /// not all re-measure rows on opening, and wrapped lines would overlap the next row.
        func fitRow(_ row: UInt32, wrapping text: String, width: Int) {
            var lines = 0
            LineLengths.forEach(in: text) { lines += max(1, ($0 + width - 1) / width) }
            guard lines > 1 else { return }
            _ = worksheet_set_row(pointer, row, 15 * Double(min(lines, 27)), nil)
        }

        func column(_ first: UInt16, _ last: UInt16, width: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) {
            _ = worksheet_set_column(pointer, first, last, width, format)
        }

        /// A table with a header row: frozen, filtered over `rows` data rows, printed one page wide.
        func finishTable(rows: Int, lastColumn: UInt16) {
            worksheet_freeze_panes(pointer, 1, 0)
            _ = worksheet_autofilter(pointer, 0, 0, UInt32(clamping: rows), lastColumn)
            printOnePageWide()
        }

        /// Printed landscape on A4, one page wide, the header on every page: a printout reads like the screen.
        func printOnePageWide(repeatingHeader: Bool = true) {
            worksheet_set_landscape(pointer)
            worksheet_set_paper(pointer, 9)
            worksheet_fit_to_pages(pointer, 1, 0)
            if repeatingHeader { _ = worksheet_repeat_rows(pointer, 0, 0) }
        }

        /// Characters of column width that fit across landscape A4 at 100%.
        static let pageWidth = 150.0
        /// The smallest scale that stays legible on paper.
        static let smallestScale = 0.6

        /// One page wide while that keeps the text at least `smallestScale`; a wider table prints
        /// at full size over several landscape pages, its first column (the original row) and its
        /// header on every page, rather than shrunk to a few points.
        func printLegibly(totalWidth: Double) {
            guard totalWidth > Self.pageWidth / Self.smallestScale else { return }
            worksheet_set_print_scale(pointer, 100)  // also turns "fit to page" off
            _ = worksheet_repeat_columns(pointer, 0, 0)
        }

        func activate() { worksheet_activate(pointer) }
        func hide() { worksheet_hide(pointer) }

        /// Every cell of `column` below the header takes only what `rule` allows; `prompt` shows when
        /// one is selected and explains a refusal.
        func validate(column: UInt16, _ rule: Validation, prompt: String) {
            var validation = lxw_data_validation()
            validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
            validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            var words: [String] = []
            switch rule {
            case let .oneOf(values):
                validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                words = values
            case .wholeNumberAtLeastZero:
                validation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
                validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            case .numberAtLeastZero:
                validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            }
            // Excel caps prompts at 255 characters.
            let prompt = String(prompt.prefix(255))
            withCStrings([prompt, prompt] + words) { strings in
                validation.input_message = strings[0]
                validation.error_message = strings[1]
                var list = Array(strings[2...]) + [nil]
                list.withUnsafeMutableBufferPointer { buffer in
                    if !words.isEmpty { validation.value_list = buffer.baseAddress }
                    _ = worksheet_data_validation_range(pointer, 1, column, XLSXWriter.lastRow, column, &validation)
                }
            }
        }

        private func check(_ status: lxw_error) throws {
            guard status == LXW_NO_ERROR else {
                let code = errno
                if status == LXW_ERROR_CREATING_TMPFILE || status == LXW_ERROR_READING_TMPFILE, code != 0 {
                    throw OutputError(path: path, errno: code, doing: "writing the workbook failed")
                }
                throw OutputError(path: path, reason: "writing the workbook failed: " + String(cString: lxw_strerror(status)))
            }
        }
    }

    enum Validation {
        case oneOf([String])
        case wholeNumberAtLeastZero
        case numberAtLeastZero
    }
}

/// Text as XML 1.0 can hold it. libxlsxwriter writes what it is given, so a control character or a
/// noncharacter (U+FFFE) from the customer's file would make a part that is not well-formed XML,
/// and a workbook that opens in no program and cannot come back. Such characters become U+FFFD,
/// which the rules have already flagged on the fields they read (`unreadable_character`); a NUL,
/// which would also cut the C string short, among them.
enum XMLSafe {
    static func text(_ text: String) -> String {
        // A forbidden scalar is a control byte other than tab and line ends, or EF BF BE / EF BF BF:
        // most text has neither.
        var copy = text
        guard copy.withUTF8(mayHoldForbidden), text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(scalars)
    }

    /// False when `bytes` (UTF-8) surely hold no forbidden scalar, which most text does not.
    static func mayHoldForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

/// libxlsxwriter prints its own "[ERROR]" lines to standard error; its failures reach the user as
/// one `OutputError` sentence instead, so its printing is silenced around the calls that fail.
private func withStandardErrorSilenced<T>(_ silenced: Bool, _ body: () -> T) -> T {
    guard silenced else { return body() }
    fflush(nil)
    let saved = dup(STDERR_FILENO)
    let null = open("/dev/null", O_WRONLY)
    guard saved >= 0, null >= 0 else { return body() }
    dup2(null, STDERR_FILENO)
    close(null)
    let result = body()
    let code = errno  // the library's reason, kept across the restoring calls
    fflush(nil)
    dup2(saved, STDERR_FILENO)
    close(saved)
    errno = code
    return result
}

/// Runs `body` with C copies of `strings`, freed afterwards (libxlsxwriter copies what it keeps).
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> T) rethrows -> T {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try body(pointers)
}

import ZenamuCore

/// Rows of a delimited text file, streamed: encoding and delimiter are sniffed, never assumed,
/// and the file is decoded and tokenised one chunk at a time.
public struct CSVReader: RowSource {
    /// How much decoded text the delimiter is sniffed from.
    static let sampleSize = 1 << 16

    public let info: TableInfo
    private var chunks: ByteChunks
    private let transcoder: Transcoder
    private var tokenizer: CSVTokenizer
    private var pending: [SourceRow] = []
    private var pendingIndex = 0
    private var atEnd = false

    /// `file` is the name used in messages; `head` the first bytes, already read by the caller.
    public init(path: String, file: String, head: [UInt8]) throws {
        let encoding = try EncodingDetector.detect(head: head, path: path, file: file)
        chunks = try ByteChunks(path: path, file: file)
        transcoder = try Transcoder(encoding: encoding, file: file)

        // Decode enough to sniff the dialect; that text is tokenised first.
        var sample: [UInt8] = []
        while sample.count < Self.sampleSize, let chunk = try chunks.next() {
            sample += try transcoder.decode(chunk, isLast: false)
        }
        if sample.count < Self.sampleSize {
            sample += try transcoder.decode([], isLast: true)
            atEnd = true
        }
        if sample.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(file: file, reason: "the file is empty.")
        }

        var delimiter = DialectSniffer.sniff(sample)
        if let hint = Self.excelSeparatorHint(sample) {
            // Excel hides this line, so the rows after it keep the numbers the customer sees.
            delimiter = hint.delimiter
            sample.removeFirst(hint.length)
        }
        tokenizer = CSVTokenizer(delimiter: delimiter.byte)
        info = TableInfo(file: file, format: "csv", encoding: encoding.name, encodingReason: encoding.reason,
                         delimiter: delimiter.name)
        try tokenise(sample, isLast: atEnd)
    }

    public var fractionRead: Double? {
        chunks.size > 0 ? min(1, Double(chunks.consumed) / Double(chunks.size)) : nil
    }

    public mutating func next() throws -> SourceRow? {
        while pendingIndex == pending.count {
            if atEnd { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if let chunk = try chunks.next() {
                try tokenise(try transcoder.decode(chunk, isLast: false), isLast: false)
            } else {
                atEnd = true
                try tokenise(try transcoder.decode([], isLast: true), isLast: true)
            }
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    private mutating func tokenise(_ bytes: [UInt8], isLast: Bool) throws {
        var rows: [SourceRow] = []
        var number = tokenizer.recordsDone
        let emit: ([String]) -> Void = { fields in
            number += 1
            rows.append(SourceRow(number: number, cells: fields.map(CellCleaner.clean)))
        }
        do {
            try tokenizer.feed(bytes, emit: emit)
            if isLast { try tokenizer.finish(emit: emit) }
        } catch {
            throw describe(error)
        }
        pending += rows
    }

    private func describe(_ failure: CSVTokenizer.Failure) -> InputError {
        switch failure {
        case let .unterminatedQuote(record, column):
            InputError(file: info.file, row: record, column: ColumnRef(index: column, header: "").letter,
                       reason: "a quoted cell starts here and never closes (a missing \" character); "
                           + "everything after it would be read as one cell.")
        case let .cellTooLong(record, column):
            InputError(file: info.file, row: record, column: ColumnRef(index: column, header: "").letter,
                       reason: "a cell is longer than 1 MiB, which no client list has; the file is probably not a client list.")
        case let .tooManyColumns(record):
            InputError(file: info.file, row: record,
                       reason: "the row has more than \(CSVTokenizer.maxColumns) columns, more than a spreadsheet can hold.")
        }
    }

    /// Excel's `sep=;` first line names the delimiter and is not shown as a row.
    static func excelSeparatorHint(_ sample: [UInt8]) -> (delimiter: DialectSniffer.Candidate, length: Int)? {
        let prefix = Array("sep=".utf8)
        guard sample.count >= 5, sample.starts(with: prefix) else { return nil }
        guard let candidate = DialectSniffer.candidates.first(where: { $0.byte == sample[4] }) else { return nil }
        var length = 5
        if length < sample.count, sample[length] == 0x0D { length += 1 }
        if length < sample.count, sample[length] == 0x0A { length += 1 }
        return (candidate, length)
    }
}

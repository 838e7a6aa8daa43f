/// RFC 4180 records from UTF-8 bytes, fed chunk by chunk.
///
/// Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and a lone CR
/// all end a record. It is lenient where Excel is (a quote inside an unquoted field is a character)
/// and strict where data would be lost: a quote left open to the end of the file is an error.
struct CSVTokenizer {
    /// A cell longer than this is almost always an unterminated quote swallowing the file.
    static let maxCellBytes = ReaderLimits.maxCellBytes
    /// Excel's own limit.
    static let maxColumns = 16_384

    enum Failure: Error, Equatable {
        case unterminatedQuote(record: Int, column: Int)
        case cellTooLong(record: Int, column: Int)
        case tooManyColumns(record: Int)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let delimiter: UInt8
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var skipLF = false
    /// Records completed so far; the one being read is `recordsDone + 1`.
    private(set) var recordsDone = 0
    /// Where the record being read started, for the error of an unterminated quote.
    private var quoteOpenedInRecord = 0

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        field.reserveCapacity(64)
    }

    /// Tokenises `bytes`, calling `emit` with each complete record's raw field texts.
    ///
    /// Inside a field the bytes up to the next one that matters (a delimiter or line break
    /// outside quotes, a quote inside them) are found first and appended as one run: a byte at a
    /// time through the state machine cost more than everything else the reader does.
    mutating func feed(_ bytes: [UInt8], emit: ([String]) -> Void) throws(Failure) {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(Failure) in
            var index = 0
            while index < buffer.count {
                if skipLF {
                    skipLF = false
                    if buffer[index] == lf {
                        index += 1
                        continue
                    }
                }
                switch state {
                case .fieldStart:
                    let byte = buffer[index]
                    if byte == quote {
                        state = .quoted
                        quoteOpenedInRecord = recordsDone + 1
                        index += 1
                    } else if try endsField(byte, emit) {
                        index += 1
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    var end = index
                    while end < buffer.count, buffer[end] != delimiter, buffer[end] != cr, buffer[end] != lf { end += 1 }
                    try append(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    index = end
                    if index < buffer.count {
                        _ = try endsField(buffer[index], emit)
                        index += 1
                    }
                case .quoted:
                    var end = index
                    while end < buffer.count, buffer[end] != quote { end += 1 }
                    try append(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    index = end
                    if index < buffer.count {
                        state = .quoteInQuoted
                        index += 1
                    }
                case .quoteInQuoted:
                    let byte = buffer[index]
                    if byte == quote {
                        try append(UnsafeBufferPointer(rebasing: buffer[index..<index + 1]))
                        state = .quoted
                        index += 1
                    } else if try endsField(byte, emit) {
                        index += 1
                    } else {
                        // `"abc"def`: text after the closing quote; keep it, as spreadsheets do.
                        state = .unquoted
                    }
                }
            }
        }
    }

    /// Outside quotes, a delimiter ends the field and a line break the record; says whether
    /// `byte` was one of those.
    private mutating func endsField(_ byte: UInt8, _ emit: ([String]) -> Void) throws(Failure) -> Bool {
        if byte == delimiter {
            try endField()
        } else if byte == 0x0D || byte == 0x0A {
            try endRecord(emit)
            skipLF = byte == 0x0D
        } else {
            return false
        }
        return true
    }

    /// The end of the input: emits the last record if the file did not end with a line break.
    mutating func finish(emit: ([String]) -> Void) throws(Failure) {
        if state == .quoted {
            throw .unterminatedQuote(record: quoteOpenedInRecord, column: fields.count)
        }
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty {
            try endRecord(emit)
        }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) throws(Failure) {
        guard field.count + run.count <= Self.maxCellBytes else {
            throw state == .quoted
                ? .unterminatedQuote(record: quoteOpenedInRecord, column: fields.count)
                : .cellTooLong(record: recordsDone + 1, column: fields.count)
        }
        field.append(contentsOf: run)
    }

    private mutating func endField() throws(Failure) {
        guard fields.count < Self.maxColumns else { throw .tooManyColumns(record: recordsDone + 1) }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRecord(_ emit: ([String]) -> Void) throws(Failure) {
        try endField()
        recordsDone += 1
        emit(fields)
        fields.removeAll(keepingCapacity: true)
    }
}

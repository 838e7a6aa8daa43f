import ZenamuAdapters
import ZenamuCore

/// The user's decision about one column, from the command line: `--map "HEADER=field"` reads it
/// as a field, `--ignore "HEADER"` leaves it unused on purpose. The header is matched as the header
/// search folds it (case, accents and punctuation aside), or given as a column letter (`C`);
/// `FILE:HEADER=field` decides for one file of several.
public struct ColumnChoice: Sendable, Equatable, CustomStringConvertible {
    /// nil: every file that has the column.
    public let file: String?
    public let column: String
    /// nil: `--ignore`.
    public let field: CanonicalField?
    /// For a decision the store remembers: the adapter of the files it was made for (nil: any).
    public private(set) var remembered = false
    public private(set) var adapter: String?
    /// A column as the first run read it (the returned workbook's hidden settings).
    public private(set) var firstRun = false

    public init(file: String? = nil, column: String, field: CanonicalField?) {
        self.file = file
        self.column = column
        self.field = field
    }

    /// How the first run read a column ("HEADER=field", "HEADER=" for unused), from the returned
    /// workbook's settings; nil for a line that is not one.
    static func firstRun(_ line: String) -> ColumnChoice? {
        guard let equals = line.lastIndex(of: "=") else { return nil }
        let name = String(line[line.index(after: equals)...])
        guard name.isEmpty || CanonicalField(rawValue: name) != nil else { return nil }
        var choice = ColumnChoice(column: String(line[..<equals]), field: CanonicalField(rawValue: name))
        choice.remembered = true
        choice.firstRun = true
        return choice
    }

    /// A decision an earlier import made for files read by `adapter`.
    public static func remembered(column: String, field: CanonicalField?, adapter: String?) -> ColumnChoice {
        var choice = ColumnChoice(column: column, field: field)
        choice.remembered = true
        choice.adapter = adapter
        return choice
    }

    public var description: String {
        (file.map { "\($0):" } ?? "") + column + (field.map { "=\($0.rawValue)" } ?? "")
    }

    /// `--map` as typed. `files`: the inputs' names, for a `FILE:` prefix.
    public static func map(_ text: String, files: [String]) throws -> ColumnChoice {
        guard let equals = text.lastIndex(of: "=") else {
            throw UsageError("--map \"\(text)\": write it as --map \"HEADER=field\", for example --map \"Classes Remaining=entries\".")
        }
        let name = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard let field = CanonicalField(rawValue: name) else {
            let nearest = CanonicalField.allCases.map(\.rawValue).min {
                EditDistance.between($0, name, limit: 20) < EditDistance.between($1, name, limit: 20)
            } ?? "entries"
            throw UsageError("--map \"\(text)\": \"\(name)\" is not a field; did you mean \(nearest)? The fields are "
                + CanonicalField.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let (file, column) = split(String(text[..<equals]), files: files)
        guard !column.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("--map \"\(text)\": name the column before the =.")
        }
        return ColumnChoice(file: file, column: column, field: field)
    }

    /// `--ignore` as typed.
    public static func ignore(_ text: String, files: [String]) throws -> ColumnChoice {
        let (file, column) = split(text, files: files)
        guard !column.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("--ignore: name the column.") }
        return ColumnChoice(file: file, column: column, field: nil)
    }

    /// `FILE:` is a prefix only when it names one of the inputs: a header may hold a colon.
    private static func split(_ text: String, files: [String]) -> (file: String?, column: String) {
        for file in files where text.hasPrefix(file + ":") {
            return (file, String(text.dropFirst(file.count + 1)))
        }
        return (nil, text)
    }

    /// The column of `header` it names: the header folded as the search folds it, else a column
    /// letter.
    func index(in header: [String]) -> Int? {
        let key = HeaderText.key(column)
        if !key.isEmpty, let found = header.firstIndex(where: { HeaderText.key($0) == key }) { return found }
        let letters = column.trimmingCharacters(in: .whitespaces).uppercased()
        guard (1...3).contains(letters.count), letters.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        let index = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return index < header.count ? index : nil
    }

    /// `mapping` with the choices that name a column of this file applied, and the places (in
    /// `choices`) of those applied.
    static func apply(_ choices: [ColumnChoice], to mapping: ColumnMapping, header: [String], file: String,
                      adapter: String) -> (mapping: ColumnMapping, used: Set<Int>) {
        var mapping = mapping
        var used: Set<Int> = []
        for (number, choice) in choices.enumerated() where (choice.file == nil || choice.file == file)
            && (choice.adapter == nil || choice.adapter == adapter) {
            guard let index = choice.index(in: header),
                  let position = mapping.columns.firstIndex(where: { $0.column.index == index }) else { continue }
            used.insert(number)
            if let field = choice.field {
                // The user's column wins the field; a column the words gave it to gives it up.
                for other in mapping.columns.indices where other != position && mapping.columns[other].field == field
                    && field != .phone {
                    mapping.columns[other].field = nil
                    mapping.columns[other].reason = "--map gives the \(field.label) to column \"\(header[index])\""
                }
                mapping.columns[position].field = field
                mapping.columns[position].rank = 0
                mapping.columns[position].inverted = false
                mapping.columns[position].reason = choice.firstRun ? "read as the \(field.label), as the first run read it"
                    : choice.remembered ? "read as the \(field.label), as an earlier import of this studio decided (\(choice))"
                    : "--map \"\(choice)\": read as the \(field.label)"
                mapping.columns[position].source = choice.firstRun ? .firstRun : choice.remembered ? .remembered : .map
            } else {
                mapping.columns[position].field = nil
                mapping.columns[position].reason = choice.firstRun ? "not imported, as in the first run"
                    : choice.remembered ? "not imported, as an earlier import of this studio decided"
                    : "--ignore \"\(choice)\": not imported, as asked"
                mapping.columns[position].source = choice.firstRun ? .firstRun : choice.remembered ? .remembered : .ignore
            }
            mapping.columns[position].unexplained = false
        }
        return (mapping, used)
    }

    /// The remembered columns this file of their system lacks: each a warning (`mapped_column_missing`).
    static func missing(_ choices: [ColumnChoice], used: Set<Int>, adapter: String, file: String, headerRow: Int) -> [Issue] {
        choices.enumerated().compactMap { number, choice in
            guard choice.remembered, !choice.firstRun, !used.contains(number), choice.adapter == nil || choice.adapter == adapter,
                  let field = choice.field else { return nil }
            return Issue(.mappedColumnMissing, file: file, row: headerRow, field: field, value: choice.column,
                         details: ["column": choice.column])
        }
    }

    /// Choices no file had a column for: a usage error naming the nearest header (a remembered one
    /// is a warning instead, `missing`).
    static func checkAllUsed(_ choices: [ColumnChoice], used: Set<Int>, headers: [(file: String, header: [String])]) throws {
        for (number, choice) in choices.enumerated() where !used.contains(number) && !choice.remembered {
            let key = HeaderText.key(choice.column)
            let candidates = headers.filter { choice.file == nil || $0.file == choice.file }.flatMap(\.header)
                .filter { !$0.isEmpty }
            let nearest = candidates.min {
                EditDistance.between(HeaderText.key($0), key, limit: 40) < EditDistance.between(HeaderText.key($1), key, limit: 40)
            }
            let flag = choice.field == nil ? "--ignore" : "--map"
            throw UsageError("\(flag) \"\(choice)\": no column \"\(choice.column)\" in "
                + (choice.file ?? headers.map(\.file).joined(separator: ", "))
                + (nearest.map { "; the nearest is \"\($0)\"" } ?? "") + ".")
        }
    }
}

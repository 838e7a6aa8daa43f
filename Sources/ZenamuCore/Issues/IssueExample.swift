/// One example of an issue kind: a tiny input, as cells, the `--region` it runs with, and the
/// issue codes converting it raises, row by row.
///
/// Rules carry their examples beside their kinds (`IssueExamples`), so what a code means is
/// written once, in code that runs: the tests convert every example and require exactly these
/// codes, and `docs/ISSUES.md` is rendered from the same examples, so it cannot drift from the rules.
public struct IssueExample: Sendable {
    /// One input file: a header and its data rows, as cells.
    public struct File: Sendable {
        /// The file's name, as the report names it.
        public let name: String
        public let header: [String]
        public let rows: [[String]]
        /// The codes each data row raises (1 is the row under the header; 0 is the header itself,
        /// for a problem of the whole file), in the order the report lists them. A row not named raises nothing: an example says all it raises.
        public let raises: [Int: [IssueKind]]

        public init(_ name: String, header: [String], rows: [[String]], raises: [Int: [IssueKind]] = [:]) {
            self.name = name
            self.header = header
            self.rows = rows
            self.raises = raises
        }

        /// The file as CSV, the bytes converted and shown: a cell is quoted only when it must be,
        /// so the example reads as a customer's export would.
        public var csv: String {
            ([header] + rows).map { $0.map(Self.quoted).joined(separator: ",") + "\n" }.joined()
        }

        static func quoted(_ cell: String) -> String {
            let plain = !cell.contains { $0 == "," || $0 == "\"" || $0.isNewline }
                && cell.first?.isWhitespace != true && cell.last?.isWhitespace != true
            return plain ? cell : "\"" + cell.replacing("\"", with: "\"\"") + "\""
        }
    }

    /// Converted in one run, in this order: a system's client list before the pass report joined
    /// to it; most examples are one file.
    public let files: [File]
    /// `--region`: the country assumed for phones without an international code.
    public let region: String?

    /// One file, `clients.csv`: what most examples are.
    public init(header: [String], rows: [[String]], raises: [Int: [IssueKind]] = [:], region: String? = nil) {
        self.init(files: [File("clients.csv", header: header, rows: rows, raises: raises)], region: region)
    }

    /// Column decisions an earlier import of the studio made ("HEADER=field"), as the store
    /// remembers them.
    public let remembered: [String]

    public init(files: [File], region: String? = nil, remembered: [String] = []) {
        self.files = files
        self.region = region
        self.remembered = remembered
    }

    /// Whether some row raises `kind`. An example of a kind that does not is a clean one: the same
    /// column with a good value, to show where the line runs.
    public func raises(_ kind: IssueKind) -> Bool {
        files.contains { $0.raises.values.contains { $0.contains(kind) } }
    }
}

import ZenamuCore
import ZenamuReaders

/// What the user chose on the command line.
public struct ConversionOptions: Sendable {
    /// "auto", or an adapter id.
    public var system: String
    /// ISO 3166 alpha-2; nil: guessed from the header's language.
    public var region: String?
    /// The worksheet to read in a workbook; nil: the one whose header is recognised best.
    public var sheet: String?
    /// Caps against hostile files (zip bombs).
    public var limits: ReaderLimits
    /// Stop after this many data rows (for `inspect`).
    public var rowLimit: Int?
    /// The customer's language; nil: the first file's header language, else English.
    public var locale: MessageLanguage?
    /// A system's second file (balances joined on client id) alone is refused: every pass would
    /// be an error for want of its client. `inspect` looks at one file at a time and allows it.
    public var balancesNeedClientList = true
    /// Normalise rows on a second thread while this one reads and writes (the output is the same
    /// byte for byte; false runs everything on the calling thread).
    public var parallel = true
    /// `--map` then `--ignore`, each in the order given.
    public var columnChoices: [ColumnChoice] = []
    /// The decisions earlier imports of the studio made, which the store remembers
    /// (`ColumnChoice.remembered`); `--map` and `--ignore` come after them and win.
    public var rememberedChoices: [ColumnChoice] = []
    /// Rows handed to the second thread at a time.
    public var batchRows = 2048
    /// Told how far the run is, after every batch and once at the end (the CLI draws a progress
    /// line on a terminal with it).
    public var progress: (@Sendable (ConversionProgress) -> Void)?

    public init(system: String = "auto", region: String? = nil, sheet: String? = nil,
                limits: ReaderLimits = ReaderLimits(), rowLimit: Int? = nil, locale: MessageLanguage? = nil) {
        self.system = system
        self.region = region
        self.locale = locale
        self.sheet = sheet
        self.limits = limits
        self.rowLimit = rowLimit
    }
}

/// How far a run is: rows read of the file being read, and the share of it done when the reader
/// knows. `finishing`: every row is read and the outputs are being completed. `file` nil and not
/// finishing: the run has finished.
public struct ConversionProgress: Sendable, Equatable {
    public var file: String?
    public var rows: Int
    public var fraction: Double?
    public var finishing: Bool

    public init(file: String?, rows: Int, fraction: Double?, finishing: Bool = false) {
        self.file = file
        self.rows = rows
        self.fraction = fraction
        self.finishing = finishing
    }
}

/// A mistake in how the tool was called (exit status 64).
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

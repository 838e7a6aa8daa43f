import Foundation

/// One client as Zenamu will hold it: the canonical schema every adapter maps into and every sink
/// reads from. Nothing in here knows which system the file came from.
public struct ClientRecord: Sendable, Equatable {
    public var name: PersonName
    /// Trimmed and lower-cased; nil when the file gave none.
    public var email: String?
    /// Remaining entries (class passes), a whole number.
    public var entries: Int?
    /// Remaining credits, in the studio's own unit.
    public var credits: Decimal?
    /// When the pass expires, as the file wrote it.
    public var passExpiry: String?
    /// The balance of a pass that had expired when read: set apart, not carried over (the store
    /// keeps the entries on record, `clients.csv` leaves them out). nil: nothing expired.
    public var expired: ExpiredBalance?
    public var phone: Phone?
    public var consent: Consent
    /// The client's id in the old system.
    public var sourceClientID: String?
    public var provenance: Provenance

    public init(
        name: PersonName = PersonName(), email: String? = nil, entries: Int? = nil,
        credits: Decimal? = nil, passExpiry: String? = nil, phone: Phone? = nil,
        consent: Consent = Consent(), sourceClientID: String? = nil, provenance: Provenance
    ) {
        self.name = name
        self.email = email
        self.entries = entries
        self.credits = credits
        self.passExpiry = passExpiry
        self.phone = phone
        self.consent = consent
        self.sourceClientID = sourceClientID
        self.provenance = provenance
    }

    /// The balance as an issue's details: the catalogues compose "{balance}" ("5 entries and
    /// 10 credits") from these, in the customer's language.
    public var balanceDetails: [String: String] {
        ["entries": entries.map { "\($0)" }, "credits": credits.map(\.plainText)].compactMapValues { $0 }
    }

    /// True when the client holds something an account must take over.
    public var hasBalance: Bool {
        (entries ?? 0) > 0 || (credits ?? 0) > 0
    }
}

/// A person's name, with the shape the file gave it kept beside the one we show.
public struct PersonName: Sendable, Equatable {
    /// What Zenamu shows: "Jana Nováková", or for Hungarian "Kovács János".
    public var display: String
    public var given: String?
    public var family: String?
    /// The cells the name was built from, as written ("Nováková, Jana").
    public var original: String

    public init(display: String = "", given: String? = nil, family: String? = nil, original: String = "") {
        self.display = display
        self.given = given
        self.family = family
        self.original = original
    }
}

/// A phone number in E.164, with what the file had.
public struct Phone: Sendable, Equatable {
    public var e164: String
    public var original: String

    public init(e164: String, original: String) {
        self.e164 = e164
        self.original = original
    }
}

/// Newsletter consent, tri-state: a blank or an unknown word is never "yes".
public struct Consent: Sendable, Equatable {
    public enum Value: String, Sendable, Equatable, Codable {
        case yes, no, unknown
    }

    public var value: Value
    /// The header of the column the answer came from.
    public var column: String?
    /// The word the file used ("Ano", "Yes", "1").
    public var token: String?

    public init(value: Value = .unknown, column: String? = nil, token: String? = nil) {
        self.value = value
        self.column = column
        self.token = token
    }
}

/// Where a record came from: enough to point the customer at the exact row of the file they sent.
public struct Provenance: Sendable, Equatable {
    /// The file's name as the customer knows it.
    public var file: String
    public var sheet: String?
    /// The row number their spreadsheet shows (header = 1 when the header is the first row).
    public var row: Int
    /// The row's cells exactly as read, in the file's column order.
    public var cells: [String]
    /// For a row read back from the error workbook: the original file's row it stands for.
    public var origin: RowReference?

    public init(file: String, sheet: String? = nil, row: Int, cells: [String], origin: RowReference? = nil) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.cells = cells
        self.origin = origin
    }

    /// The original row this one is: itself, unless it came back from the error workbook.
    public var original: RowReference { origin ?? RowReference(file: file, row: row) }
}

/// What an expired pass held.
public struct ExpiredBalance: Sendable, Equatable {
    public var entries: Int?
    public var credits: Decimal?

    public init(entries: Int?, credits: Decimal?) {
        self.entries = entries
        self.credits = credits
    }
}

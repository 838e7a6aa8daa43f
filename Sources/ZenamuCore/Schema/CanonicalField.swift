/// The fields a source column can feed. Names are the ones `report.json` and `inspect` print.
public enum CanonicalField: String, Sendable, CaseIterable, Codable, Comparable {
    case fullName = "name"
    case givenName = "given_name"
    case familyName = "family_name"
    /// Dutch "tussenvoegsel" ("van", "de"), placed before the family name.
    case familyNamePrefix = "family_name_prefix"
    case email
    case phone
    case entries
    case credits
    case consent
    case passExpiry = "pass_expiry"
    case clientID = "client_id"
    /// The client's country, when the list has a column for it: the country of a phone written
    /// without its international code. Not imported itself.
    case country

    /// Words a person reads ("given name"), for `inspect` and messages.
    public var label: String {
        switch self {
        case .fullName: "full name"
        case .givenName: "given name"
        case .familyName: "family name"
        case .familyNamePrefix: "family-name prefix"
        case .email: "e-mail"
        case .phone: "phone"
        case .entries: "remaining entries"
        case .credits: "credits"
        case .consent: "newsletter consent"
        case .passExpiry: "pass expiry"
        case .clientID: "client id in the old system"
        case .country: "country (for phones)"
        }
    }

    /// True for the fields that name a person.
    public var isName: Bool {
        self == .fullName || self == .givenName || self == .familyName
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.order < rhs.order
    }

    /// The position in `allCases` (a test holds the two together): the order of a row's values.
    /// A switch, since it is asked for every value of every row.
    public var order: Int {
        switch self {
        case .fullName: 0
        case .givenName: 1
        case .familyName: 2
        case .familyNamePrefix: 3
        case .email: 4
        case .phone: 5
        case .entries: 6
        case .credits: 7
        case .consent: 8
        case .passExpiry: 9
        case .clientID: 10
        case .country: 11
        }
    }
}

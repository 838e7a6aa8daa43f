import Foundation

/// Every entry and credit of a file accounted for, the way its rows are: what the file held in
/// the rows read as clients, and where each went. `read = imported + inRejectedRows + expired +
/// merged`, always. Passes summed into a client are imported; `merged` is only what a duplicate
/// row held that merged into another client's row; a balance in a rejected row waits for the
/// customer's fix. Cells that cannot be read as a number are counted beside the equation.
public struct BalanceCounts<Amount: Sendable & Codable & Equatable & AdditiveArithmetic>: Sendable, Codable, Equatable {
    public var read: Amount = .zero
    public var imported: Amount = .zero
    public var inRejectedRows: Amount = .zero
    public var expired: Amount = .zero
    public var merged: Amount = .zero
    /// Non-empty cells that are no number (counted, not summed).
    public var unreadable = 0

    public init() {}

    public var addsUp: Bool { read == imported + inRejectedRows + expired + merged }

    public static func + (lhs: Self, rhs: Self) -> Self {
        var sum = Self()
        sum.read = lhs.read + rhs.read
        sum.imported = lhs.imported + rhs.imported
        sum.inRejectedRows = lhs.inRejectedRows + rhs.inRejectedRows
        sum.expired = lhs.expired + rhs.expired
        sum.merged = lhs.merged + rhs.merged
        sum.unreadable = lhs.unreadable + rhs.unreadable
        return sum
    }
}

/// Entries (whole visits) and credits (exact decimals) of a file or a run.
public struct Balances: Sendable, Codable, Equatable {
    public var entries = BalanceCounts<Int>()
    public var credits = BalanceCounts<Decimal>()

    public init() {}

    public var addsUp: Bool { entries.addsUp && credits.addsUp }

    public static func + (lhs: Self, rhs: Self) -> Self {
        var sum = Balances()
        sum.entries = lhs.entries + rhs.entries
        sum.credits = lhs.credits + rhs.credits
        return sum
    }
}

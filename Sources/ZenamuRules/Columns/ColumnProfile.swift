import Foundation
import ZenamuCore


/// What a column's values look like, judged on the rows the plan reads ahead
/// (`ChosenTable.readingAhead` in ZenamuMigration):
/// what `report.json` calls `looksLike`, and whether the column could hold a balance or consent
/// that nothing maps.
public struct ColumnProfile: Equatable, Sendable {
    /// What most of its non-empty cells are.
    public enum Looks: String, Sendable {
        case empty
        case wholeNumbers = "whole_numbers"
        case decimals
        case money
        case yesNo = "yes_no"
        case emails
        case phones
        case dates
        case text
    }

    private(set) var filled = 0
    private(set) var small = 0
    private(set) var whole = 0
    private(set) var decimals = 0
    private(set) var money = 0
    private(set) var yesNo = 0
    private(set) var emails = 0
    private(set) var phones = 0
    private(set) var dates = 0
    /// Up to four distinct values, in the order first seen (examples, and the count of distinct
    /// values a consent column may have).
    private(set) var distinct: [String] = []
    private(set) var moreThanFourDistinct = false
    /// Whether each whole number was larger than the one before it: a row number or an id.
    private var ascending = true
    private var last: Int?

    /// Currency codes and the words studios write after amounts.
    static let currencies: Set<String> = ["eur", "usd", "gbp", "czk", "huf", "pln", "chf", "sek", "nok", "dkk", "ron", "kc",
                                          "kč", "ft", "zl", "zł", "lei", "kr", "fr"]

    /// The share of non-empty cells a kind must reach to say what the column looks like.
    static let share = 0.9

    public init() {}

    public mutating func add(_ cell: String) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !NumberText.placeholders.contains(text.lowercased()) else { return }
        filled += 1
        // Distinct as a reader sees them: "Yes" and "yes" are one answer.
        let folded = text.lowercased()
        if distinct.count < 4 {
            if !distinct.contains(where: { $0.lowercased() == folded }) { distinct.append(text) }
        } else if !moreThanFourDistinct, !distinct.contains(where: { $0.lowercased() == folded }) {
            moreThanFourDistinct = true
        }
        if ConsentWords.read(text) != nil { yesNo += 1 }
        // "5" and "5.0" (a spreadsheet's whole number) alike.
        let wholeText = text.hasSuffix(".0") || text.hasSuffix(",0") ? String(text.dropLast(2)) : text
        if let number = NumberText.plainWhole(wholeText), String(number) == wholeText {
            whole += 1
            if (0...999).contains(number) { small += 1 }
            if let last, number <= last { ascending = false }
            last = number
            return
        }
        ascending = false
        if text.contains("@") {
            if EmailAddress.isValid(EmailAddress.normalise(text)) { emails += 1 }
            return
        }
        if Self.isDate(text) {
            dates += 1
            return
        }
        if Self.isPhone(text) {
            phones += 1
            return
        }
        if case .number = NumberText.read(text, decimalComma: nil) {
            // Money is a number with a currency: a symbol or a code, not any word ("10 Class Series",
            // "1 Main St" are text with a number in it).
            let rest = text.filter { !$0.isNumber && !" .,'\u{00A0}-".contains($0) }
            if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .currencySymbol })
                || Self.currencies.contains(rest.lowercased()) {
                money += 1
            } else if rest.isEmpty {
                decimals += 1
            }
        }
    }

    public var looks: Looks {
        guard filled > 0 else { return .empty }
        func most(_ count: Int) -> Bool { Double(count) >= Self.share * Double(filled) }
        if most(yesNo), !moreThanFourDistinct, distinct.count <= 3 { return .yesNo }
        if most(whole) { return .wholeNumbers }
        if most(emails) { return .emails }
        if most(phones) { return .phones }
        if most(dates) { return .dates }
        if most(money) || most(money + decimals + whole) && money > 0 { return .money }
        if most(decimals + whole) { return .decimals }
        return .text
    }

    /// At least 90% of the non-empty cells are whole numbers from 0 to 999, and they do not count
    /// up row by row as an id does. (A header naming an id or a postal code is not asked.)
    public var looksLikeEntries: Bool {
        filled > 0 && Double(small) >= Self.share * Double(filled) && !(ascending && filled > 2) && looks != .yesNo
    }

    /// At least 90% yes/no words or booleans, with at most three distinct values.
    public var looksLikeConsent: Bool { looks == .yesNo }

    /// At least 90% amounts with a currency: money a client may hold as credit.
    public var looksLikeCredits: Bool { looks == .money }

    /// A few of its values, for a message: "5, 12, 0".
    public var examples: String { distinct.prefix(3).joined(separator: "; ") }

    private static func isDate(_ text: String) -> Bool {
        text.range(of: #"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}( .*)?$"#, options: .regularExpression) != nil
    }

    /// The shape of a phone: 7 to 15 digits, with spaces, dashes, dots, brackets or a leading `+`.
    private static func isPhone(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case " ", "-", ".", "(", ")", "/", "+", "\u{00A0}": continue
            default: return false
            }
        }
        return (7...15).contains(digits)
    }
}

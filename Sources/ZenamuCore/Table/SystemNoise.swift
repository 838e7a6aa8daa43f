import Foundation

/// Rows exports add among the clients: `Total records: 2`, `Celkem: 120`, `Generated on …`, the
/// header printed again on every page. Every adapter skips them unless it knows better.
public enum SystemNoise {
    static let footerOpenings = [
        "total", "totals", "grand total", "generated", "exported", "printed", "report generated",
        "celkem", "spolu", "összesen", "osszesen", "totale", "gesamt", "summe", "razem", "suma", "totaal",
        "vygenerováno", "exportováno", "generálva", "generato", "esportato", "erstellt", "exportiert",
        "wygenerowano", "gegenereerd", "nombre total",
    ]

    /// The reason `row` is not a client, or nil when it may be one.
    public static func reason(_ row: SourceRow, header: SourceRow) -> SkipReason? {
        if row.cells == header.cells { return .repeatedHeader }
        if isFooter(row.cells) { return .footer }
        if isPageNumber(row.cells) { return .pageNumber }
        return nil
    }

    /// "Page 2 of 3" in the ten languages, "2. oldal", "2 / 3": the only filled cell of the row.
    public static func isPageNumber(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 1, let text = filled.first, text.utf8.count <= 40 else { return false }
        return text.range(of: pagePattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// A page word and number, with its total or not; or Hungarian's "2. oldal". A bare number is
    /// never one: it may be a balance on a row with nothing else.
    static let pagePattern = #"^\s*((page|seite|strana|stránka|pagina|strona|página|blad)\s*\d+(\s*(of|von|z|ze|sur|de|di|van|/)\s*\d+)?|\d+\.\s*oldal(\s*/\s*\d+)?)\s*$"#

    /// True when the first filled cell opens with a footer word and no cell holds an e-mail.
    public static func isFooter(_ cells: [String]) -> Bool {
        guard !cells.contains(where: { $0.utf8.contains(UInt8(ascii: "@")) }),
              let first = cells.first(where: { !$0.isEmpty }) else { return false }
        // The opening words are short; a long cell is not lower-cased whole.
        let text = first.prefix(40).lowercased()
        return footerOpenings.contains { opening in
            guard text.hasPrefix(opening) else { return false }
            let rest = text.dropFirst(opening.count)
            return rest.first.map { !$0.isLetter } ?? true
        }
    }
}

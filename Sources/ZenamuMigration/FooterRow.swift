import Foundation

/// Rows exports add after the clients: `Total records: 2`, `Celkem: 120`, `Generated on …`.
enum FooterRow {
    static let openings = [
        "total", "totals", "grand total", "generated", "exported", "printed", "report generated",
        "celkem", "spolu", "összesen", "osszesen", "totale", "gesamt", "summe", "razem", "suma", "totaal",
        "vygenerováno", "exportováno", "generálva", "generato", "esportato", "erstellt", "exportiert",
        "wygenerowano", "gegenereerd", "nombre total",
    ]

    /// True when the first filled cell opens with a footer word and no cell holds an e-mail.
    static func matches(_ cells: [String]) -> Bool {
        guard !cells.contains(where: { $0.contains("@" as Character) }),
              let first = cells.first(where: { !$0.isEmpty }) else { return false }
        // The opening words are short; a long cell is not lower-cased whole.
        let text = first.prefix(40).lowercased()
        return openings.contains { opening in
            guard text.hasPrefix(opening) else { return false }
            let rest = text.dropFirst(opening.count)
            return rest.first.map { !$0.isLetter } ?? true
        }
    }
}

import Foundation

/// The one form an e-mail address is compared in everywhere (import, matching, `register`): the
/// trimmed address, lower-cased, in Unicode's composed form (NFC), so `zoé@exämple.fr` typed with
/// combining accents is the same address. Lower case, not full case folding: `ß` stays `ß`.
public enum EmailText {
    public static func canonical(_ text: String) -> String {
        let lower = text.trimmed.lowercased()
        // Nearly every address is ASCII, which is its own composed form.
        return lower.utf8.allSatisfy { $0 < 0x80 } ? lower : lower.precomposedStringWithCanonicalMapping
    }
}

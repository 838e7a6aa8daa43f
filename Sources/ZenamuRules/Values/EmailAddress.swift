import Foundation
import ZenamuCore

/// E-mail syntax as mail systems accept it in practice, and the typos people make in the
/// domains everybody uses.
public enum EmailAddress {
    /// Trimmed, lower-cased, without a `mailto:` or `<…>` wrapper.
    public static func normalise(_ text: String) -> String {
        var address = text.trimmed.lowercased()
        if address.hasPrefix("mailto:") { address.removeFirst("mailto:".count) }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address
    }

    /// True when `address` (already normalised) is a deliverable-looking address: one `@`, a
    /// local part of allowed characters without leading, trailing or double dots, and a domain
    /// of letter/digit/hyphen labels ending in a top-level domain of two letters or more.
    public static func isValid(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard (1...64).contains(local.count), local.allSatisfy({ localAllowed.contains($0) || !$0.isASCII }),
              !local.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            return false
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.count <= 253 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter) || tld.hasPrefix("xn--") else {
            return false
        }
        return true
    }

    static let localAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")

    /// A repaired address when the mistake is obvious: spaces inside, a comma for the last dot,
    /// a doubled `@`. nil when there is nothing sure to suggest.
    public static func repaired(_ address: String) -> String? {
        var candidate = address.filter { !$0.isWhitespace }
        candidate = candidate.replacingOccurrences(of: "@@", with: "@")
        candidate = candidate.replacingOccurrences(of: ",", with: ".")
        candidate = candidate.replacingOccurrences(of: "..", with: ".")
        if candidate.hasSuffix(".") { candidate.removeLast() }
        return candidate != address && isValid(candidate) ? candidate : nil
    }

    /// Domains most clients use; a domain one typo away from one of them is almost surely that one.
    static let commonDomains = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.it", "yahoo.co.uk", "hotmail.com",
        "hotmail.fr", "hotmail.it", "hotmail.co.uk", "outlook.com", "outlook.fr", "live.com", "icloud.com",
        "aol.com", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "seznam.cz", "email.cz",
        "centrum.cz", "volny.cz", "atlas.cz", "azet.sk", "zoznam.sk", "centrum.sk", "freemail.hu",
        "citromail.hu", "libero.it", "virgilio.it", "tiscali.it", "alice.it", "orange.fr", "wanadoo.fr",
        "laposte.net", "interia.pl", "onet.pl", "ziggo.nl", "kpnmail.nl",
    ]
    static let commonDomainSet = Set(commonDomains)
    static let misspeltTopLevel = ["con": "com", "cmo": "com", "ocm": "com", "vom": "com", "xom": "com",
                                   "comm": "com", "coom": "com", "cz.": "cz"]

    /// The address with its domain corrected, when the domain is a typo of a common one.
    public static func domainTypoFix(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at], domain = String(address[address.index(after: at)...])
        guard !commonDomainSet.contains(domain) else { return nil }
        // Short names ("o2.pl", "wp.pl") are real domains a letter apart from each other.
        let name = domain.split(separator: ".").first.map(String.init) ?? domain
        if name.count >= 5 {
            let near = commonDomains.filter { EditDistance.between($0, domain, limit: 1) == 1 }
            if near.count == 1, let fix = near.first { return "\(local)@\(fix)" }
        }
        if let dot = domain.lastIndex(of: "."), let fix = misspeltTopLevel[String(domain[domain.index(after: dot)...])] {
            return "\(local)@\(domain[..<dot]).\(fix)"
        }
        return nil
    }
}

import Foundation
import ZenamuCore

/// E-mail syntax as mail systems accept it in practice, and the typos people make in the
/// domains everybody uses.
public enum EmailAddress {
    /// Trimmed, lower-cased, composed (`EmailText.canonical`), without a `mailto:` or `<…>` wrapper.
    public static func normalise(_ text: String) -> String {
        var address = EmailText.canonical(text)
        if address.hasPrefix("mailto:") { address.removeFirst("mailto:".count) }
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address
    }

    /// True when `address` (already normalised) is a deliverable-looking address: one `@`, a
    /// local part of allowed characters without leading, trailing or double dots, and a domain
    /// of letter/digit/hyphen labels ending in a top-level domain of two letters or more.
    public static func isValid(_ address: String) -> Bool {
        if let plain = address.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? isValidASCII($0) : nil }),
           let answer = plain {
            return answer
        }
        return isValidByCharacters(address)
    }

    /// `isValid` for any address, a character at a time (the reference the ASCII path follows).
    static func isValidByCharacters(_ address: String) -> Bool {
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

    /// `localAllowed` as a table by byte, for the ASCII path.
    private static let localAllowedBytes: [Bool] = (0..<128).map { byte in
        localAllowed.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    /// `isValid` for an address of ASCII bytes (nearly all of them), by the same rules without
    /// building strings: a character is a byte here.
    private static func isValidASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")),
              !bytes[(at + 1)...].contains(UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), local.allSatisfy({ localAllowedBytes[Int($0)] }),
              local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
              !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return false }
        guard domain.count <= 253 else { return false }
        var labels = 0
        var tld = domain[domain.startIndex..<domain.startIndex]
        for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ ASCIIBytes.isLetter($0) || ASCIIBytes.isDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
            labels += 1
            tld = label
        }
        return labels >= 2 && tld.count >= 2 && (tld.allSatisfy(ASCIIBytes.isLetter) || tld.starts(with: "xn--".utf8))
    }


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
        // A valid address: its last "@" byte is its last "@" character.
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let local = address[..<at], domain = String(address[address.utf8.index(after: at)...])
        guard !commonDomainSet.contains(domain) else { return nil }
        // Short names ("o2.pl", "wp.pl") are real domains a letter apart from each other.
        let ascii = domain.utf8.allSatisfy { $0 < 0x80 }
        if (ascii ? firstLabelLength(ascii: domain) : firstLabelLength(domain)) >= 5 {
            let near = ascii ? commonDomainsOneTypoByBytes(domain) : commonDomainsOneTypoFrom(domain)
            if near.count == 1, let fix = near.first { return "\(local)@\(fix)" }
        }
        if let dot = domain.utf8.lastIndex(of: UInt8(ascii: ".")),
           let fix = misspeltTopLevel[String(domain[domain.utf8.index(after: dot)...])] {
            return "\(local)@\(domain[..<dot]).\(fix)"
        }
        return nil
    }

    /// The characters of the domain's first label, "gmail" of "gmail.com" (the reference).
    static func firstLabelLength(_ domain: String) -> Int {
        domain.split(separator: ".").first?.count ?? domain.count
    }

    /// `firstLabelLength` of an ASCII domain, found by its bytes without splitting it (in ASCII
    /// a "." is a character of its own).
    static func firstLabelLength(ascii domain: String) -> Int {
        let utf8 = domain.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: ".") }) else { return domain.count }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return domain[start..<end].count
    }

    /// The common domains one typo from `domain`, by edit distance (the reference for the byte path).
    static func commonDomainsOneTypoFrom(_ domain: String) -> [String] {
        commonDomains.filter { EditDistance.between($0, domain, limit: 1) == 1 }
    }

    /// The common domains one typo from an ASCII `domain`: the answers of `commonDomainsOneTypoFrom`,
    /// found by comparing bytes, so an address costs a few hundred instructions and the run no
    /// start-up (a table of every one-typo variant took 0.12 billion instructions to build).
    static func commonDomainsOneTypoByBytes(_ domain: String) -> [String] {
        var domain = domain
        return domain.withUTF8 { typed in
            commonDomainBytes.indices.compactMap { index in
                commonDomainBytes[index].withUnsafeBufferPointer { isOneTypo($0, typed) } ? commonDomains[index] : nil
            }
        }
    }

    private static let commonDomainBytes = commonDomains.map { Array($0.utf8) }

    /// Whether `b` is `a` with exactly one insertion, deletion, substitution or swap of neighbours
    /// (`EditDistance.between(a, b, limit: 1) == 1` for ASCII texts).
    static func isOneTypo(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        // Equal texts are no typo apart.
        if i == a.count && i == b.count { return false }
        func same(_ x: UnsafeBufferPointer<UInt8>, from xi: Int, _ y: UnsafeBufferPointer<UInt8>, from yi: Int) -> Bool {
            x.count - xi == y.count - yi && x[xi...].elementsEqual(y[yi...])
        }
        if a.count > b.count { return same(a, from: i + 1, b, from: i) }
        if a.count < b.count { return same(a, from: i, b, from: i + 1) }
        if same(a, from: i + 1, b, from: i + 1) { return true }
        return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && same(a, from: i + 2, b, from: i + 2)
    }
}

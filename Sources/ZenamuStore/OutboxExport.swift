import Foundation
import ZenamuSinks

/// `invitations --export DIR`: every invitation of the outbox as an `.eml` file, and the folder
/// holding exactly the outbox afterwards. The export keeps a manifest of its own files
/// (`.zenamu-export`): a later export replaces only those, removing the stale ones (a client who
/// has registered since), never another file. The messages are written under temporary names and
/// put in place together, then the old ones go, then the manifest.
public enum OutboxExport {
    public static let manifestName = ".zenamu-export"

    /// Writes `mails` into `folder` (created, its owner's only) and returns the files written.
    @discardableResult
    public static func write(_ mails: [InvitationMail], into folder: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutputError(path: folder, reason: "the folder for the e-mails cannot be created")
        }
        let manifest = (folder as NSString).appendingPathComponent(manifestName)
        let previous = ((try? String(contentsOfFile: manifest, encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init).filter { !$0.contains("/") && !$0.hasPrefix(".") }
        var names: [String] = []
        for (index, mail) in mails.enumerated() {
            let name = mail.fileName(index: index + 1)
            let file = try OutputFile(path: (folder as NSString).appendingPathComponent(name + ".tmp"))
            try file.write(try mail.rfc5322.utf8)
            try file.close()
            names.append(name)
        }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            guard rename(path + ".tmp", path) == 0 else {
                throw OutputError(path: folder, reason: "the e-mails cannot be put in place (\(String(cString: strerror(errno))))")
            }
        }
        let kept = Set(names)
        for stale in previous where !kept.contains(stale) {
            unlink((folder as NSString).appendingPathComponent(stale))
        }
        let list = try OutputFile(path: manifest + ".tmp")
        try list.write(names.map { $0 + "\n" }.joined())
        try list.close()
        guard rename(manifest + ".tmp", manifest) == 0 else {
            throw OutputError(path: folder, reason: "the export's list of files cannot be written")
        }
        return names
    }
}

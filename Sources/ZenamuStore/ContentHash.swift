import CCrypto
import Foundation

/// SHA-256 of a file's bytes, read in chunks: how the store's ledger knows a file it has imported
/// before, whatever the file is called.
public enum ContentHash {
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError("cannot read \(path) to record it in the store's ledger")
        }
        defer { try? handle.close() }
        guard let context = EVP_MD_CTX_new() else { throw StoreError("cannot start a SHA-256 digest") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The store could not do what was asked; one sentence for the user.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What a caller can do about it: the command line's exit status follows it.
    public enum Kind: Sendable, Equatable {
        /// The store is not what it should be: missing, damaged, not a store, written by a newer tool.
        case unreadable
        /// Something cannot be written: a full disk, a file-size limit, a read-only store or folder.
        case unwritable
        /// Another command holds the store for longer than the wait: try again later.
        case busy
        /// What was asked cannot be done to this store as it is (`register`: no such client).
        case refused
    }

    public let description: String
    public let kind: Kind

    public init(_ description: String, kind: Kind = .unreadable) {
        self.description = description
        self.kind = kind
    }
}

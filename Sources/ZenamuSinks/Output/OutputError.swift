#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something could not be written: the command line's exit status 73, with this one sentence.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or folder, as the user would name it.
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The system's reason for `code` (an errno), in words a user can act on.
    public init(path: String, errno code: Int32, doing action: String) {
        let why = switch code {
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EFBIG: "the file would exceed the size limit set for this process or file system"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        default: String(cString: strerror(code)).lowercased()
        }
        self.init(path: path, reason: "\(action): \(why)")
    }

    public var description: String { "cannot write \(path): \(reason)." }
}

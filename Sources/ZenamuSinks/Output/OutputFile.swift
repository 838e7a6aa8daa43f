#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer straight to its descriptor, so that every failure (a full disk,
/// a size limit) is an `OutputError` naming the file and the system's reason, and `close` makes
/// the bytes durable (fsync) before the file is renamed into place.
public final class OutputFile {
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        self.path = path
        // Readable by its owner only, whatever the umask: every output holds clients' personal data.
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno, doing: "cannot create the file") }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func write(_ text: String) throws { try write(text.utf8) }

    public func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, errno: errno, doing: "writing failed")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and closes.
    public func close() throws {
        guard descriptor >= 0 else { return }
        try flush()
        defer {
            Glibc.close(descriptor)
            descriptor = -1
        }
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, errno: errno, doing: "saving to disk failed") }
    }

    /// Syncs an existing file (one a library wrote) to disk.
    public static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno, doing: "cannot reopen the file") }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputError(path: path, errno: errno, doing: "saving to disk failed") }
    }
}

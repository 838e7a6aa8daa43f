import CLibzip
import Foundation
import ZenamuCore

/// A zip file read through libzip, entry by entry, with every inflated byte counted against
/// `ReaderLimits`: sizes in the zip's directory are checked first, then the bytes really
/// produced, since a crafted directory can lie.
final class ZipArchive {
    let file: String
    let limits: ReaderLimits
    private let path: String
    private let archive: OpaquePointer
    /// Bytes inflated so far from all entries, by every handle on this file (`reopened()`).
    fileprivate let inflatedBytes: InflatedBytes

    convenience init(path: String, file: String, limits: ReaderLimits) throws {
        try self.init(path: path, file: file, limits: limits, counting: InflatedBytes())
    }

    private init(path: String, file: String, limits: ReaderLimits, counting inflatedBytes: InflatedBytes) throws {
        self.file = file
        self.limits = limits
        self.path = path
        self.inflatedBytes = inflatedBytes
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw InputError.damagedWorkbook(file, "the workbook is damaged or incomplete (its zip structure cannot be read: "
                + "\(String(cString: zip_error_strerror(&error))))")
        }
        let entries = zip_get_num_entries(archive, 0)
        if entries > Int64(limits.maxZipEntries) {
            // Not yet owned by self, so deinit will not discard it a second time.
            zip_discard(archive)
            throw InputError(file: file, reason: "the workbook's zip holds \(entries) parts, more than the \(limits.maxZipEntries) "
                + "any spreadsheet needs; it looks built to exhaust the reader (raise --max-zip-entries if you trust it).")
        }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// A second handle on the same file, for another thread to read an entry with: libzip's
    /// handles are not shared between threads. Its bytes count against the same caps.
    func reopened() throws -> ZipArchive {
        try ZipArchive(path: path, file: file, limits: limits, counting: inflatedBytes)
    }

    func contains(_ name: String) -> Bool { zip_name_locate(archive, name, 0) >= 0 }

    /// A whole (small) entry; nil when the zip has no such entry.
    func read(_ name: String) throws -> [UInt8]? {
        guard let entry = try open(name) else { return nil }
        var bytes: [UInt8] = []
        while let chunk = try entry.next() { bytes += chunk }
        return bytes
    }

    /// An entry as a stream of chunks; nil when the zip has no such entry.
    func open(_ name: String) throws -> ZipEntryStream? {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, UInt64(index), 0, &stat) == 0 else { throw damaged(name) }
        if stat.valid & UInt64(ZIP_STAT_SIZE) != 0, stat.size > limits.maxEntryBytes {
            throw tooLarge(name, size: stat.size)
        }
        guard let handle = zip_fopen_index(archive, UInt64(index), 0) else {
            let message = String(cString: zip_strerror(archive))
            if message.lowercased().contains("password") || message.lowercased().contains("encrypt") {
                throw InputError.passwordProtected(file)
            }
            throw damaged(name)
        }
        let compressed = stat.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0
        let size = stat.valid & UInt64(ZIP_STAT_SIZE) != 0 ? stat.size : 0
        return ZipEntryStream(archive: self, name: name, handle: handle, compressedSize: compressed, size: size)
    }

    func damaged(_ name: String) -> InputError {
        InputError.damagedWorkbook(file, "the workbook is damaged (its part \(name) cannot be read)")
    }

    func tooLarge(_ name: String, size: UInt64) -> InputError {
        InputError(file: file, reason: "the workbook's part \(name) unpacks to more than \(size: limits.maxEntryBytes); "
            + "that is no client list but a zip bomb or a corrupt file (raise --max-unzipped-mb if you trust it).")
    }
}

/// One zip entry, inflated chunk by chunk, with the archive's limits enforced on every chunk.
final class ZipEntryStream {
    static let chunkSize = 1 << 16

    private let archive: ZipArchive
    let name: String
    private let handle: OpaquePointer
    private let compressedSize: UInt64
    /// The inflated size the zip's directory states (0 when it does not).
    let size: UInt64
    private(set) var inflated: UInt64 = 0
    private var buffer = [UInt8](repeating: 0, count: chunkSize)

    fileprivate init(archive: ZipArchive, name: String, handle: OpaquePointer, compressedSize: UInt64, size: UInt64) {
        self.size = size
        self.archive = archive
        self.name = name
        self.handle = handle
        self.compressedSize = compressedSize
    }

    deinit { zip_fclose(handle) }

    /// The next inflated chunk, or nil at the end of the entry.
    func next() throws -> [UInt8]? {
        let count = buffer.withUnsafeMutableBytes { zip_fread(handle, $0.baseAddress, UInt64($0.count)) }
        if count < 0 { throw archive.damaged(name) }
        if count == 0 { return nil }
        inflated += UInt64(count)
        let totalInflated = archive.inflatedBytes.add(UInt64(count))
        let limits = archive.limits
        if inflated > limits.maxEntryBytes { throw archive.tooLarge(name, size: inflated) }
        if totalInflated > limits.maxTotalBytes {
            throw InputError(file: archive.file, reason: "the workbook unpacks to more than \(size: limits.maxTotalBytes) in all; "
                + "that is no client list but a zip bomb or a corrupt file (raise --max-unzipped-mb if you trust it).")
        }
        if inflated > limits.ratioFloorBytes, inflated / max(compressedSize, 1) > limits.maxCompressionRatio {
            throw InputError(file: archive.file, reason: "the workbook's part \(name) unpacks more than \(limits.maxCompressionRatio) times "
                + "its packed size, as zip bombs do, not spreadsheets (raise --max-zip-ratio if you trust it).")
        }
        return Array(buffer[0..<Int(count)])
    }
}

/// A count of inflated bytes shared by the handles on one workbook, which may read on two threads.
final class InflatedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var total: UInt64 = 0

    /// Adds `count` and gives the new total.
    func add(_ count: UInt64) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        total += count
        return total
    }
}

extension String.StringInterpolation {
    /// "256 KiB", "1024 MiB".
    mutating func appendInterpolation(size bytes: UInt64) {
        appendLiteral(bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB")
    }
}

import Foundation
import ZenamuCore

/// A file read in fixed-size chunks, so that no reader ever holds the whole file.
struct ByteChunks {
    static let chunkSize = 1 << 16

    private let handle: FileHandle
    private let file: String
    /// The file's size and the bytes read so far, for `fractionRead`.
    let size: UInt64
    private(set) var consumed: UInt64 = 0

    init(path: String, file: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: file, reason: "the file does not exist.")
        }
        guard !isDirectory.boolValue else {
            throw InputError(file: file, reason: "this is a folder, not a file.")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: file, reason: "the file cannot be opened (check its permissions).")
        }
        self.handle = handle
        self.file = file
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
    }

    /// The next chunk, or nil at the end of the file.
    mutating func next() throws -> [UInt8]? {
        do {
            guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return nil }
            consumed += UInt64(data.count)
            return [UInt8](data)
        } catch {
            throw InputError(file: file, reason: "the file could not be read (\(error.localizedDescription)).")
        }
    }

    /// Up to `count` bytes from the start (for sniffing), leaving the position at the start again.
    static func head(path: String, file: String, count: Int) throws -> [UInt8] {
        var chunks = try ByteChunks(path: path, file: file)
        var head: [UInt8] = []
        while head.count < count, let chunk = try chunks.next() {
            head += chunk.prefix(count - head.count)
        }
        return head
    }
}

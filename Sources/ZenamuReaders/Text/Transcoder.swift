#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZenamuCore

/// Turns chunks of a file in any encoding into chunks of UTF-8, carrying a character cut in two by
/// a chunk boundary over to the next chunk. UTF-8 passes through; everything else goes via iconv.
final class Transcoder {
    private let encoding: TextEncoding
    private let file: String
    private var descriptor: iconv_t?
    private var carry: [UInt8] = []
    private var skipBOM: Int
    /// Bytes that had no character in the declared encoding; replaced by U+FFFD.
    private(set) var replacedBytes = 0

    init(encoding: TextEncoding, file: String) throws {
        self.encoding = encoding
        self.file = file
        self.skipBOM = encoding.bomLength
        if !encoding.isUTF8 {
            let cd = iconv_open("UTF-8", encoding.name)
            guard let cd, Int(bitPattern: cd) != -1 else {
                throw InputError(file: file, reason: "the text encoding \(encoding.name) is not supported here.")
            }
            descriptor = cd
        }
    }

    deinit {
        if let descriptor { iconv_close(descriptor) }
    }

    /// UTF-8 bytes for `chunk`. Pass `isLast` with the final chunk (which may be empty).
    func decode(_ chunk: [UInt8], isLast: Bool) throws -> [UInt8] {
        var input = chunk
        if skipBOM > 0 {
            let dropped = min(skipBOM, input.count)
            input.removeFirst(dropped)
            skipBOM -= dropped
        }
        guard let descriptor else { return input }
        if !carry.isEmpty {
            input = carry + input
            carry = []
        }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 2 + 16)
        var outBuffer = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var consumed = 0
        while consumed < input.count {
            var inLeft = input.count - consumed
            var outLeft = outBuffer.count
            let result: Int = input.withUnsafeMutableBufferPointer { inBuf in
                outBuffer.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                }
            }
            let code = errno
            output += outBuffer[0..<(outBuffer.count - outLeft)]
            consumed = input.count - inLeft
            guard result == -1 else { break }
            switch code {
            case EINVAL where !isLast:
                carry = Array(input[consumed...])  // a character continues in the next chunk
                consumed = input.count
            case E2BIG:
                continue
            default:
                // A byte (in UTF-16, a code unit such as a lone surrogate) with no character in
                // this encoding, or cut off at the very end: U+FFFD, which the rules flag.
                let skipped = min(encoding.unitSize, input.count - consumed)
                output += [0xEF, 0xBF, 0xBD]
                replacedBytes += skipped
                consumed += skipped
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        return output
    }
}

import CZlib

/// gzip and raw deflate through zlib, which selects the framing by its window-bits parameter.
struct Zlib: BlockCodec {
    enum Format {
        case gzip
        case rawDeflate

        var windowBits: Int32 { self == .gzip ? 15 + 16 : -15 }
    }

    let format: Format

    var codec: CompressionCodec { format == .gzip ? .gzip : .deflate }

    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] {
        let level = Int32(clamping: level ?? Int(Z_DEFAULT_COMPRESSION))
        guard level == Z_DEFAULT_COMPRESSION || (0...9).contains(level) else {
            throw CompressionError.libraryFailure(codec: codec, detail: "level \(level) outside 0...9")
        }
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CompressionError.libraryFailure(codec: codec, detail: "deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        return try makeOutput(capacity: bound) { output in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(output.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else {
                throw CompressionError.libraryFailure(codec: codec, detail: "deflate did not finish")
            }
            return Int(stream.total_out)
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, format.windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CompressionError.libraryFailure(codec: codec, detail: "inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        var result: [UInt8] = []
        result.reserveCapacity(min(uncompressedSize ?? input.count * 4, limit))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let status: Int32 = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            result.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
            guard result.count <= limit else {
                throw CompressionError.outputTooLarge(codec: codec, size: result.count, limit: limit)
            }
            switch status {
            case Z_STREAM_END:
                // Hadoop and pigz write several gzip members back to back; read them all.
                guard format == .gzip, stream.avail_in > 0 else { return result }
                guard inflateReset(&stream) == Z_OK else {
                    throw CompressionError.libraryFailure(codec: codec, detail: "inflateReset failed")
                }
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw CompressionError.corruptInput(codec: codec, detail: "truncated stream")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw CompressionError.corruptInput(codec: codec, detail: message)
            }
        }
    }
}

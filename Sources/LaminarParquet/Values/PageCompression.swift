import LaminarCompression

/// Maps Parquet's codec ids onto `LaminarCompression` and applies them to page bodies.
enum PageCompression {
    static func parquetCodec(_ codec: CompressionCodec) throws(ParquetError) -> ParquetCodec {
        switch codec {
        case .uncompressed: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        case .lz4Raw: .lz4Raw
        case .brotli: .brotli
        case .deflate: throw .invalidArgument("Parquet has no raw deflate codec; use gzip")
        }
    }

    static func compress(_ bytes: [UInt8], codec: CompressionCodec, level: Int?) throws(ParquetError) -> [UInt8] {
        guard codec != .uncompressed else { return bytes }
        do {
            return try codec.compress(bytes, level: level)
        } catch {
            throw ParquetError(.io("\(codec) compression failed: \(error)"))
        }
    }

    /// Hands `body` a page's decompressed bytes: decompressed into `scratch`, which grows as needed and is reused
    /// from page to page (a fresh allocation per page costs more in page faults than the decompression itself);
    /// uncompressed pages are handed over in place.
    static func withDecompressed<R>(_ bytes: UnsafeRawBufferPointer, codec: ParquetCodec, uncompressedSize: Int,
                                    scratch: inout [UInt8],
                                    _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R) throws(ParquetError) -> R
    {
        let library: CompressionCodec
        switch codec {
        case .uncompressed:
            guard bytes.count == uncompressedSize else {
                throw .corruptPage("uncompressed page holds \(bytes.count) bytes, its header says \(uncompressedSize)")
            }
            return try body(bytes)
        case .snappy: library = .snappy
        case .zstd: library = .zstd
        case .lz4Raw: library = .lz4Raw
        default:
            let data = try decompress(bytes, codec: codec, uncompressedSize: uncompressedSize)
            return try data.withParquetBytes(body)
        }
        guard uncompressedSize >= 0, uncompressedSize <= CompressionLimits.maxOutputSize else {
            throw .corruptPage("impossible uncompressed page size \(uncompressedSize)")
        }
        if scratch.count < uncompressedSize {
            // Left uninitialized: the codec must fill all of it or throw, and a hostile header's size then costs
            // address space rather than zeroed memory.
            scratch = [UInt8](unsafeUninitializedCapacity: uncompressedSize) { _, initialized in
                initialized = uncompressedSize
            }
        }
        return try scratch.withParquetElements { (buffer: UnsafeMutableBufferPointer<UInt8>) throws(ParquetError) -> R in
            let output = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[..<uncompressedSize])
            do {
                try library.decompress(bytes, into: output)
            } catch {
                throw decompressionFailure(error)
            }
            return try body(UnsafeRawBufferPointer(output))
        }
    }

    /// Decompresses a page body to exactly `uncompressedSize` bytes.
    static func decompress(_ bytes: UnsafeRawBufferPointer, codec: ParquetCodec, uncompressedSize: Int)
        throws(ParquetError) -> [UInt8]
    {
        let library: CompressionCodec
        switch codec {
        case .uncompressed:
            guard bytes.count == uncompressedSize else {
                throw .corruptPage("uncompressed page holds \(bytes.count) bytes, its header says \(uncompressedSize)")
            }
            return Array(bytes)
        case .snappy: library = .snappy
        case .gzip: library = .gzip
        case .zstd: library = .zstd
        case .lz4Raw: library = .lz4Raw
        case .brotli: library = .brotli
        case .lz4: return try hadoopLZ4(bytes, uncompressedSize: uncompressedSize)
        default: throw .unsupported("compression codec \(codec.rawValue)")
        }
        do {
            return try library.decompress(bytes, uncompressedSize: uncompressedSize)
        } catch {
            throw decompressionFailure(error)
        }
    }

    private static func decompressionFailure(_ error: any Error) -> ParquetError {
        if let error = error as? CompressionError { return ParquetError(error) }
        return ParquetError(.decompression(String(describing: error)))
    }

    /// The deprecated LZ4 codec: Hadoop's framing (big-endian decompressed and compressed sizes before each LZ4
    /// block), or, as some writers produced, one bare LZ4 block; Arrow reads both the same way.
    private static func hadoopLZ4(_ bytes: UnsafeRawBufferPointer, uncompressedSize: Int) throws(ParquetError)
        -> [UInt8]
    {
        var output: [UInt8] = []
        var position = 0
        var framed = true
        while position < bytes.count, framed {
            guard bytes.count - position >= 8 else { framed = false; break }
            let size = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            let compressed = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self)))
            guard compressed <= bytes.count - position - 8, output.count + size <= uncompressedSize,
                  let block = try? CompressionCodec.lz4Raw.decompress(
                      UnsafeRawBufferPointer(rebasing: bytes[(position + 8)..<(position + 8 + compressed)]),
                      uncompressedSize: size)
            else {
                framed = false
                break
            }
            output += block
            position += 8 + compressed
        }
        if framed, output.count == uncompressedSize { return output }
        do {
            return try CompressionCodec.lz4Raw.decompress(bytes, uncompressedSize: uncompressedSize)
        } catch {
            throw .corruptPage("LZ4 page is neither Hadoop-framed nor a raw block: \(error)")
        }
    }
}

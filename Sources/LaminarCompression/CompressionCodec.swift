/// The block compression codecs used by Parquet, Avro and the lake formats' metadata files.
public enum CompressionCodec: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case uncompressed
    case snappy
    /// RFC 1952 gzip members (Parquet's GZIP); concatenated members decompress as one stream.
    case gzip
    /// RFC 1951 raw deflate without header (Avro's `deflate` codec).
    case deflate
    case zstd
    /// LZ4 block format without framing (Parquet's LZ4_RAW).
    case lz4Raw
    case brotli

    public var description: String { rawValue }

    /// The implementation behind this codec.
    public var implementation: any BlockCodec {
        switch self {
        case .uncompressed: Uncompressed()
        case .snappy: Snappy()
        case .gzip: Zlib(format: .gzip)
        case .deflate: Zlib(format: .rawDeflate)
        case .zstd: Zstd()
        case .lz4Raw: LZ4Raw()
        case .brotli: Brotli()
        }
    }

    /// Compresses `input`. Throws `CompressionError`; `level` is the codec's own scale (zstd 1…22, gzip/deflate 0…9, brotli 0…11) and is
    /// ignored by codecs without levels.
    public func compress(_ input: UnsafeRawBufferPointer, level: Int? = nil) throws -> [UInt8] {
        try implementation.compress(input, level: level)
    }

    public func compress(_ input: [UInt8], level: Int? = nil) throws -> [UInt8] {
        try input.withUnsafeBytes { try compress($0, level: level) }
    }

    /// Decompresses `input`. `uncompressedSize`, when the container records it (Parquet page headers do), is
    /// checked against the output and bounds the allocation; LZ4 raw requires it.
    ///
    /// Throws `CompressionError`.
    public func decompress(
        _ input: UnsafeRawBufferPointer, uncompressedSize: Int? = nil, limit: Int = CompressionLimits.maxOutputSize
    ) throws -> [UInt8] {
        if let uncompressedSize, uncompressedSize < 0 || uncompressedSize > limit {
            throw CompressionError.outputTooLarge(codec: self, size: uncompressedSize, limit: limit)
        }
        let output = try implementation.decompress(input, uncompressedSize: uncompressedSize, limit: limit)
        if let uncompressedSize, output.count != uncompressedSize {
            throw CompressionError.sizeMismatch(codec: self, expected: uncompressedSize, actual: output.count)
        }
        return output
    }

    /// Decompresses `input` into `output`, which must be exactly the uncompressed size (as Parquet page
    /// headers record it): reusing one buffer across pages avoids an allocation per page.
    ///
    /// Throws `CompressionError`, `sizeMismatch` when the stream holds fewer bytes than `output`.
    public func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        let written = try implementation.decompress(input, into: output)
        guard written == output.count else {
            throw CompressionError.sizeMismatch(codec: self, expected: output.count, actual: written)
        }
    }

    public func decompress(
        _ input: [UInt8], uncompressedSize: Int? = nil, limit: Int = CompressionLimits.maxOutputSize
    ) throws -> [UInt8] {
        try input.withUnsafeBytes { try decompress($0, uncompressedSize: uncompressedSize, limit: limit) }
    }
}

/// Bounds that keep a corrupt or hostile header from making us allocate without limit.
public enum CompressionLimits {
    /// Largest output a single decompression may produce unless the caller passes another limit.
    public static let maxOutputSize = 1 << 31
}

import CLZ4

/// The LZ4 block format through liblz4. Blocks carry no length, so decompression needs the uncompressed size.
struct LZ4Raw: BlockCodec {
    var codec: CompressionCodec { .lz4Raw }

    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] {
        guard input.count <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw CompressionError.outputTooLarge(codec: codec, size: input.count, limit: Int(LZ4_MAX_INPUT_SIZE))
        }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        return try makeOutput(capacity: bound) { output in
            let written = LZ4_compress_default(
                input.baseAddress?.assumingMemoryBound(to: CChar.self),
                output.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(input.count), Int32(output.count))
            guard written > 0 || input.isEmpty else {
                throw CompressionError.libraryFailure(codec: codec, detail: "compression failed")
            }
            return Int(written)
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws -> [UInt8] {
        guard let size = uncompressedSize else { throw CompressionError.missingUncompressedSize(codec: codec) }
        guard size <= limit, size <= Int(Int32.max), input.count <= Int(Int32.max) else {
            throw CompressionError.outputTooLarge(codec: codec, size: size, limit: min(limit, Int(Int32.max)))
        }
        return try makeOutput(capacity: size) { try decompress(input, into: $0) }
    }

    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard output.count <= Int(Int32.max), input.count <= Int(Int32.max) else {
            throw CompressionError.outputTooLarge(codec: codec, size: output.count, limit: Int(Int32.max))
        }
        let written = LZ4_decompress_safe(
            input.baseAddress?.assumingMemoryBound(to: CChar.self),
            output.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(input.count), Int32(output.count))
        guard written >= 0 else {
            throw CompressionError.corruptInput(codec: codec, detail: "malformed block (code \(written))")
        }
        return Int(written)
    }
}

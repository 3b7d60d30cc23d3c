import CSnappy

/// Snappy raw format through libsnappy; the stream records its own uncompressed length.
struct Snappy: BlockCodec {
    var codec: CompressionCodec { .snappy }

    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] {
        let bound = snappy_max_compressed_length(input.count)
        return try makeOutput(capacity: bound) { output in
            var length = output.count
            let status = snappy_compress(
                input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                output.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            guard status == SNAPPY_OK else {
                throw CompressionError.libraryFailure(codec: codec, detail: "status \(status.rawValue)")
            }
            return length
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws -> [UInt8] {
        let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK else {
            throw CompressionError.corruptInput(codec: codec, detail: "invalid length header")
        }
        guard length <= limit else { throw CompressionError.outputTooLarge(codec: codec, size: length, limit: limit) }
        guard snappy_validate_compressed_buffer(source, input.count) == SNAPPY_OK else {
            throw CompressionError.corruptInput(codec: codec, detail: "invalid compressed stream")
        }
        return try makeOutput(capacity: length) { output in
            var written = output.count
            guard snappy_uncompress(source, input.count, output.baseAddress?.assumingMemoryBound(to: CChar.self),
                                    &written) == SNAPPY_OK
            else { throw CompressionError.corruptInput(codec: codec, detail: "invalid compressed stream") }
            return written
        }
    }
}

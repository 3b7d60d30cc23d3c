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
        var length = 0
        guard snappy_uncompressed_length(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                         &length) == SNAPPY_OK
        else { throw CompressionError.corruptInput(codec: codec, detail: "invalid length header") }
        guard length <= limit else { throw CompressionError.outputTooLarge(codec: codec, size: length, limit: limit) }
        return try makeOutput(capacity: length) { try decompress(input, into: $0) }
    }

    /// libsnappy checks every copy against both buffers' ends while decoding, so a separate validation pass
    /// (which costs as much as decoding) is not needed for safety.
    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        var length = 0
        guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK else {
            throw CompressionError.corruptInput(codec: codec, detail: "invalid length header")
        }
        guard length <= output.count else {
            throw CompressionError.outputTooLarge(codec: codec, size: length, limit: output.count)
        }
        var written = output.count
        guard snappy_uncompress(source, input.count, output.baseAddress?.assumingMemoryBound(to: CChar.self),
                                &written) == SNAPPY_OK
        else { throw CompressionError.corruptInput(codec: codec, detail: "invalid compressed stream") }
        return written
    }
}

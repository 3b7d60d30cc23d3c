/// Identity codec, so callers need no special case for uncompressed data.
struct Uncompressed: BlockCodec {
    var codec: CompressionCodec { .uncompressed }
    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8] { Array(input) }
    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws
        -> [UInt8]
    {
        guard input.count <= limit else { throw CompressionError.outputTooLarge(codec: codec, size: input.count, limit: limit) }
        return Array(input)
    }

    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard input.count <= output.count else {
            throw CompressionError.outputTooLarge(codec: codec, size: input.count, limit: output.count)
        }
        output.copyMemory(from: input)
        return input.count
    }
}

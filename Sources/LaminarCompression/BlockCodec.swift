/// One compression library behind a uniform, whole-buffer interface.
/// Implementations throw `CompressionError` only.
public protocol BlockCodec: Sendable {
    var codec: CompressionCodec { get }
    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8]
    /// `uncompressedSize` is a hint when known; output beyond `limit` bytes is an error.
    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws
        -> [UInt8]
    /// Decompresses into caller-owned memory of exactly the uncompressed size, so a reader decoding page after
    /// page can reuse one buffer instead of faulting in a fresh allocation per page. Returns the bytes written.
    func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int
}

extension BlockCodec {
    /// For streaming codecs without a one-shot API: decompress to an array, then copy.
    public func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        let bytes = try decompress(input, uncompressedSize: output.count, limit: output.count)
        guard bytes.count <= output.count else {
            throw CompressionError.outputTooLarge(codec: codec, size: bytes.count, limit: output.count)
        }
        bytes.withUnsafeBytes { output.copyMemory(from: $0) }
        return bytes.count
    }
}

/// Allocates an output array of `capacity` bytes, lets `fill` write into it and return the length it used.
func makeOutput(capacity: Int, _ fill: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
    var failure: (any Error)?
    let output = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, initialized in
        do {
            initialized = try fill(UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: capacity))
        } catch {
            failure = error
            initialized = 0
        }
    }
    if let failure { throw failure }
    return output
}

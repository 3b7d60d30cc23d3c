/// One compression library behind a uniform, whole-buffer interface.
/// Implementations throw `CompressionError` only.
public protocol BlockCodec: Sendable {
    var codec: CompressionCodec { get }
    func compress(_ input: UnsafeRawBufferPointer, level: Int?) throws -> [UInt8]
    /// `uncompressedSize` is a hint when known; output beyond `limit` bytes is an error.
    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int?, limit: Int) throws
        -> [UInt8]
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

import LaminarArrow

/// Variable-length values being decoded: Arrow-layout offsets (`Int32`, starting at 0) and the bytes they
/// index, so a decoded page becomes a `BinaryArray` or `StringArray` without another copy.
final class ByteArrayValues {
    let offsets: MutableBuffer
    let data: MutableBuffer
    /// Bumped once per value by decoders; see `MutableBuffer` on why its accesses go unchecked.
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 0, byteCapacity: Int = 0) {
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        data = MutableBuffer(capacity: byteCapacity)
        offsets.append(Int32(0))
    }

    /// Appends one value; throws rather than let the offsets overflow `Int32`.
    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) throws(ParquetError) {
        guard data.byteCount + bytes.count <= Int(Int32.max) else {
            throw .unsupported("more than 2 GiB of variable-length values in one column batch")
        }
        data.append(contentsOf: bytes)
        offsets.append(Int32(truncatingIfNeeded: data.byteCount))
        count += 1
    }

    /// Appends `count` values of `totalBytes` bytes in all. `fill` gets where the end offsets go, where the bytes
    /// go and the offset of the first byte, and writes both; decoders size a page in one pass and copy in a
    /// second so the copy loop touches no object state.
    func appendBulk(
        count added: Int, totalBytes: Int,
        _ fill: (_ ends: UnsafeMutablePointer<Int32>, _ bytes: UnsafeMutableRawPointer, _ base: Int32) -> Void
    ) throws(ParquetError) {
        guard data.byteCount + totalBytes <= Int(Int32.max) else {
            throw .unsupported("more than 2 GiB of variable-length values in one column batch")
        }
        let base = Int32(data.byteCount)
        data.append(uninitialized: totalBytes) { (bytes: UnsafeMutableRawBufferPointer) -> Int in
            offsets.append(uninitialized: added * 4) { (ends: UnsafeMutableRawBufferPointer) -> Int in
                guard let endsBase = ends.baseAddress, let bytesBase = bytes.baseAddress else { return 0 }
                fill(endsBase.bindMemory(to: Int32.self, capacity: added), bytesBase, base)
                return added * 4
            }
            return totalBytes
        }
        count += added
    }

    /// The value at `index`, valid while this object is alive and unchanged.
    @inline(__always)
    func bytes(at index: Int) -> UnsafeRawBufferPointer {
        let base = UnsafeRawPointer(offsets.baseAddress)
        let start = Int(base.load(fromByteOffset: index * 4, as: Int32.self))
        let end = Int(base.load(fromByteOffset: index * 4 + 4, as: Int32.self))
        return UnsafeRawBufferPointer(start: UnsafeRawPointer(data.baseAddress) + start, count: end - start)
    }
}

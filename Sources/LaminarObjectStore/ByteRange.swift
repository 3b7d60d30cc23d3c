/// Which bytes of an object a `get` returns, in the three forms HTTP range requests know.
public enum ByteRange: Hashable, Sendable {
    /// Bytes `lowerBound..<upperBound`, clamped to the object's end.
    case bounded(Range<Int64>)
    /// From an offset to the end.
    case from(Int64)
    /// The last `n` bytes (a Parquet footer read).
    case suffix(Int64)

    /// The `Range` header value, e.g. `bytes=0-99`.
    public var httpHeaderValue: String {
        switch self {
        case .bounded(let range): "bytes=\(range.lowerBound)-\(range.upperBound - 1)"
        case .from(let offset): "bytes=\(offset)-"
        case .suffix(let count): "bytes=-\(count)"
        }
    }

    /// The concrete byte offsets this range covers in an object of `size` bytes.
    public func resolved(size: Int64) -> Range<Int64> {
        switch self {
        case .bounded(let range): min(range.lowerBound, size)..<min(range.upperBound, size)
        case .from(let offset): min(offset, size)..<size
        case .suffix(let count): max(0, size - max(0, count))..<size
        }
    }
}

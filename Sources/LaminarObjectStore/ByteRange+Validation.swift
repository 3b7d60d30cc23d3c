extension ByteRange {
    /// The offsets to read from an object of `size` bytes, after rejecting negative offsets and counts, which
    /// no backend can serve and which would otherwise wrap into ranges that trap.
    func checkedOffsets(size: Int64, path: ObjectPath) throws(ObjectStoreError) -> Range<Int64> {
        let valid = switch self {
        case .bounded(let range): range.lowerBound >= 0
        case .from(let offset): offset >= 0
        case .suffix(let count): count >= 0
        }
        guard valid else {
            throw ObjectStoreError(.unsupported, path: path.rawValue, detail: "negative byte range \(httpHeaderValue)")
        }
        return resolved(size: size)
    }
}

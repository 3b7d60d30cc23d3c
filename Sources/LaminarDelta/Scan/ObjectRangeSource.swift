import LaminarObjectStore
import LaminarParquet

/// An object read by byte ranges, so a large Parquet file on object storage is fetched footer first, then
/// row group by row group, never whole.
struct ObjectRangeSource: RandomAccessSource {
    let store: any ObjectStore
    let path: ObjectPath
    /// The object's size as the log records it (`add.size`), which saves a `head` request.
    let knownSize: Int

    func size() async throws -> Int { knownSize }

    func read(_ range: Range<Int>) async throws -> [UInt8] {
        guard !range.isEmpty else { return [] }
        let bytes = try await store.get(path, range: .bounded(Int64(range.lowerBound)..<Int64(range.upperBound)))
        guard bytes.count == range.count else {
            throw ObjectStoreError(.io, path: path.rawValue, detail: "asked for \(range.count) bytes at \(range.lowerBound), got \(bytes.count); the object is smaller than the log says")
        }
        return bytes
    }
}

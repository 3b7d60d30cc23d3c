import Foundation
import Synchronization

/// A store in process memory with the same semantics as the others, for tests and for `memory://`
/// locations. One lock guards all objects, so `putIfAbsent` checks and inserts in one step.
public final class InMemoryObjectStore: ObjectStore {
    private struct Object {
        var bytes: [UInt8]
        var meta: ObjectMeta
    }

    private struct State {
        var objects: [ObjectPath: Object] = [:]
        /// Bumped on every write and used as the eTag, so each version of an object has its own.
        var version: UInt64 = 0

        mutating func store(_ bytes: [UInt8], at path: ObjectPath) {
            version += 1
            objects[path] = Object(bytes: bytes, meta: ObjectMeta(path: path, size: Int64(bytes.count),
                                                                   lastModified: Date(), eTag: String(version)))
        }
    }

    /// How many entries one `list` page holds.
    public let pageSize: Int
    private let state = Mutex(State())

    public init(pageSize: Int = 1000) throws {
        guard pageSize > 0 else { throw ObjectStoreError.invalidPageSize(pageSize) }
        self.pageSize = pageSize
    }

    private static func checkKey(_ path: ObjectPath) throws(ObjectStoreError) {
        guard !path.isRoot else { throw ObjectStoreError.rootIsNotAnObject }
    }

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        try Self.checkKey(path)
        guard let bytes = state.withLock({ $0.objects[path]?.bytes }) else { throw ObjectStoreError.noSuchObject(path) }
        let offsets = try (range ?? .from(0)).checkedOffsets(size: Int64(bytes.count), path: path)
        return Array(bytes[Int(offsets.lowerBound)..<Int(offsets.upperBound)])
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        try Self.checkKey(path)
        guard let meta = state.withLock({ $0.objects[path]?.meta }) else { throw ObjectStoreError.noSuchObject(path) }
        return meta
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try Self.checkKey(path)
        state.withLock { $0.store(bytes, at: path) }
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try Self.checkKey(path)
        let created = state.withLock { state in
            guard state.objects[path] == nil else { return false }
            state.store(bytes, at: path)
            return true
        }
        guard created else { throw ObjectStoreError.objectExists(path) }
    }

    /// Pages are cut from a fresh snapshot each time, after the token's key, so concurrent writes show up
    /// the way they do in a bucket listing and a listing can be iterated again.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let keyPrefix = prefix.map { $0.isRoot ? "" : $0.rawValue + "/" } ?? ""
        return ObjectListing { [self] token in
            let metas = state.withLock { state in state.objects.values.map(\.meta) }
            var items: [ListingItem] = []
            var folded: Set<String> = []
            for meta in metas where KeyOrder.hasPrefix(meta.path.rawValue, keyPrefix) {
                let rest = meta.path.rawValue.utf8.dropFirst(keyPrefix.utf8.count)
                if delimiter, let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                    let directory = String(decoding: meta.path.rawValue.utf8[..<slash], as: UTF8.self)
                    if folded.insert(directory).inserted { items.append(.commonPrefix(ObjectPath(stringLiteral: directory))) }
                } else {
                    items.append(.object(meta))
                }
            }
            let remaining = items.filter { token == nil || KeyOrder.precedes(token ?? "", $0.sortKey) }
                .sorted { KeyOrder.precedes($0.sortKey, $1.sortKey) }
            return ListingItem.page(of: Array(remaining.prefix(pageSize + 1)), pageSize: pageSize)
        }
    }

    public func delete(_ path: ObjectPath) async throws {
        try Self.checkKey(path)
        _ = state.withLock { $0.objects.removeValue(forKey: path) }
    }

    public func delete(_ paths: [ObjectPath]) async throws {
        for path in paths { try Self.checkKey(path) }
        state.withLock { state in
            for path in paths { state.objects.removeValue(forKey: path) }
        }
    }

    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        try Self.checkKey(source)
        try Self.checkKey(destination)
        let copied = state.withLock { state in
            guard let bytes = state.objects[source]?.bytes else { return false }
            state.store(bytes, at: destination)
            return true
        }
        guard copied else { throw ObjectStoreError.noSuchObject(source) }
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        try Self.checkKey(path)
        return InMemoryMultipartUpload(store: self, path: path)
    }
}

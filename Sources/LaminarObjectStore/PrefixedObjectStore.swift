/// Another store seen from inside one of its directories: every path is taken relative to `prefix`. This is
/// how `memory://name/prefix` locations share one in-memory store, and how a component confines itself to
/// its part of a bucket (`checkpoints/`, `_delta_log/`) whatever backend holds it.
public struct PrefixedObjectStore: ObjectStore, CustomStringConvertible {
    public let base: any ObjectStore
    public let prefix: ObjectPath

    public init(_ base: any ObjectStore, prefix: ObjectPath) {
        self.base = base
        self.prefix = prefix
    }

    public var description: String { "PrefixedObjectStore(\(base), prefix: \(prefix))" }

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        try await base.get(full(path), range: range)
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        try await base.head(full(path)).moved(to: path)
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try await base.put(full(path), bytes)
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try await base.putIfAbsent(full(path), bytes)
    }

    public func list(prefix listed: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let inner = base.list(prefix: ObjectPath(stringLiteral: prefix.listingPrefix(for: listed)), delimiter: delimiter)
        return ObjectListing { [prefix] token in
            let (page, next) = try await inner.page(after: token)
            let objects = page.objects.compactMap { meta in
                prefix.relativePath(ofKey: meta.path.rawValue).map { meta.moved(to: $0) }
            }
            let folders = page.commonPrefixes.compactMap { prefix.relativePath(ofKey: $0.rawValue) }
            return (ListPage(objects: objects, commonPrefixes: folders), next)
        }
    }

    public func delete(_ path: ObjectPath) async throws {
        try await base.delete(full(path))
    }

    public func delete(_ paths: [ObjectPath]) async throws {
        try await base.delete(paths.map(full))
    }

    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        try await base.copy(from: full(source), to: full(destination))
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        PrefixedUpload(inner: try await base.upload(full(path)), path: path)
    }

    /// Joining two canonical paths gives a canonical one, so the literal initializer's normalization suffices.
    private func full(_ path: ObjectPath) throws(ObjectStoreError) -> ObjectPath {
        ObjectPath(stringLiteral: try prefix.key(for: path))
    }
}

/// An upload through a `PrefixedObjectStore`, reporting the path the caller used.
private final class PrefixedUpload: MultipartUpload {
    let inner: any MultipartUpload
    let path: ObjectPath

    init(inner: any MultipartUpload, path: ObjectPath) {
        self.inner = inner
        self.path = path
    }

    func write(_ bytes: [UInt8]) async throws { try await inner.write(bytes) }

    func complete() async throws -> ObjectMeta {
        try await inner.complete().moved(to: path)
    }

    func abort() async throws { try await inner.abort() }
}

extension ObjectMeta {
    func moved(to path: ObjectPath) -> ObjectMeta {
        var meta = self
        meta.path = path
        return meta
    }
}

/// The one contract every storage backend implements. Lake table commit protocols rest on `putIfAbsent`:
/// creating an object only if it does not exist is the primitive that makes one of several racing writers win.
///
/// Every method throws `ObjectStoreError`.
public protocol ObjectStore: Sendable {
    /// The whole object, or the bytes in `range` (clamped to the object's end, as HTTP range reads are).
    func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8]
    /// Size and version of an object; `.notFound` when there is none.
    func head(_ path: ObjectPath) async throws -> ObjectMeta
    /// Writes the object atomically: readers see the old bytes or the new ones, never a mix.
    func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws
    /// Creates the object only if nothing exists at `path`; `.alreadyExists` otherwise. Exactly one of several
    /// racing callers succeeds. A timeout after the request was sent is `.unknownOutcome`, never retried.
    func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws
    /// Objects under `prefix`, page by page. With `delimiter`, one level only: deeper keys are folded into
    /// `ListPage.commonPrefixes`.
    func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing
    /// Deletes one object; deleting a missing object is not an error.
    func delete(_ path: ObjectPath) async throws
    /// Deletes many objects, in batches where the backend supports it.
    func delete(_ paths: [ObjectPath]) async throws
    /// Copies an object within the store, replacing any object at `destination`.
    func copy(from source: ObjectPath, to destination: ObjectPath) async throws
    /// Starts a streaming upload for large objects. Nothing is visible at `path` until `complete()`;
    /// `abort()` discards the parts.
    func upload(_ path: ObjectPath) async throws -> any MultipartUpload
}

/// A large object written in parts. The object appears atomically at `complete()`.
public protocol MultipartUpload: AnyObject, Sendable {
    /// Appends bytes; the upload buffers them into parts of the backend's minimum size.
    func write(_ bytes: [UInt8]) async throws
    /// Flushes the last part and makes the object visible.
    func complete() async throws -> ObjectMeta
    /// Discards everything written; no object appears.
    func abort() async throws
}

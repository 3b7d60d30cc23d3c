/// Passes an upload's calls through its store's fault plan, so faults can hit the parts and the completion.
final class FaultInjectingUpload: MultipartUpload {
    private let inner: any MultipartUpload
    private let store: FaultInjectingObjectStore
    private let path: ObjectPath

    init(inner: any MultipartUpload, store: FaultInjectingObjectStore, path: ObjectPath) {
        self.inner = inner
        self.store = store
        self.path = path
    }

    func write(_ bytes: [UInt8]) async throws {
        try await store.perform(.uploadWrite, path: path.rawValue) { try await inner.write(bytes) }
    }

    func complete() async throws -> ObjectMeta {
        try await store.perform(.completeUpload, path: path.rawValue) { try await inner.complete() }
    }

    func abort() async throws {
        try await store.perform(.abortUpload, path: path.rawValue) { try await inner.abort() }
    }
}

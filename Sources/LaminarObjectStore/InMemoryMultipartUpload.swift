import Synchronization

/// Buffers the parts and stores them with one `put` at `complete`, so the object appears whole or not at all.
final class InMemoryMultipartUpload: MultipartUpload {
    private struct State {
        var bytes: [UInt8] = []
        var finished = false
    }

    private let store: InMemoryObjectStore
    private let path: ObjectPath
    private let state = Mutex(State())

    init(store: InMemoryObjectStore, path: ObjectPath) {
        self.store = store
        self.path = path
    }

    func write(_ bytes: [UInt8]) async throws {
        try state.withLock { state in
            guard !state.finished else { throw ObjectStoreError.uploadFinished(path) }
            state.bytes += bytes
        }
    }

    func complete() async throws -> ObjectMeta {
        let bytes = try state.withLock { state in
            guard !state.finished else { throw ObjectStoreError.uploadFinished(path) }
            state.finished = true
            defer { state.bytes = [] }
            return state.bytes
        }
        try await store.put(path, bytes)
        return try await store.head(path)
    }

    func abort() async throws {
        state.withLock { state in
            state.finished = true
            state.bytes = []
        }
    }
}

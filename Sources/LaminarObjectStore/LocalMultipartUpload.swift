import Synchronization

/// A streaming upload into one temporary file beside the destination: parts are appended as they come, and
/// `complete` publishes the file with the same fsync-and-rename as `put`, so nothing is visible before.
final class LocalMultipartUpload: MultipartUpload {
    private enum State {
        case writing(TemporaryFile, written: Int64)
        case finished
    }

    private let store: LocalObjectStore
    private let path: ObjectPath
    private let file: String
    private let state: Mutex<State>

    init(store: LocalObjectStore, path: ObjectPath, file: String, temporary: TemporaryFile) {
        self.store = store
        self.path = path
        self.file = file
        state = Mutex(.writing(temporary, written: 0))
    }

    /// An upload dropped without `complete` or `abort` must not leave its temporary file behind.
    deinit {
        state.withLock { state in
            if case .writing(let temporary, _) = state { discard(temporary) }
            state = .finished
        }
    }

    /// Removes the temporary file and the directories that were created only to hold it.
    private func discard(_ temporary: TemporaryFile) {
        temporary.discard()
        store.pruneEmptyDirectories(above: temporary.path)
    }

    func write(_ bytes: [UInt8]) async throws {
        try state.withLock { state in
            guard case .writing(let temporary, let written) = state else { throw ObjectStoreError.uploadFinished(path) }
            try temporary.write(bytes, at: written)
            state = .writing(temporary, written: written + Int64(bytes.count))
        }
    }

    func complete() async throws -> ObjectMeta {
        let temporary = try state.withLock { state in
            guard case .writing(let temporary, _) = state else { throw ObjectStoreError.uploadFinished(path) }
            state = .finished
            return temporary
        }
        try temporary.finish()
        try temporary.publish(as: file)
        return try await store.head(path)
    }

    func abort() async throws {
        let temporary: TemporaryFile? = state.withLock { state in
            defer { state = .finished }
            guard case .writing(let temporary, _) = state else { return nil }
            return temporary
        }
        if let temporary { discard(temporary) }
    }
}

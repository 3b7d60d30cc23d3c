import Foundation

/// A streaming upload to a block blob. Bytes are cut into blocks of `blockSize`, each staged with Put Block
/// in the background, up to `uploadConcurrency` at once; `complete()` commits them in order with Put Block
/// List, which is when the object appears. An upload that never filled one block is a single Put Blob.
///
/// Staged blocks are invisible, and Azure deletes uncommitted blocks by itself (after a week, or as soon as
/// any block list is committed to the blob), so `abort()` and failures only stop the blocks in flight:
/// there is nothing to clean up, and nothing ever becomes visible.
actor AzureBlockUpload: MultipartUpload {
    private enum State {
        case open
        case finishing
        case finished
    }

    private let store: AzureObjectStore
    private let path: ObjectPath
    private let blob: String
    private let uploadID = UUID()
    private var buffer: [UInt8] = []
    private var state = State.open
    private var nextIndex = 0
    private var inFlight: [Task<Void, any Error>] = []
    private var blockIDs: [String] = []

    init(store: AzureObjectStore, path: ObjectPath, blob: String) {
        self.store = store
        self.path = path
        self.blob = blob
    }

    func write(_ bytes: [UInt8]) async throws {
        guard state == .open else { throw ObjectStoreError.uploadFinished(path) }
        buffer += bytes
        let blockSize = store.configuration.blockSize
        do {
            // Every full block is cut before the first suspension, so that a reentrant call cannot cut the same
            // bytes twice; the buffer is shifted once, not once per block.
            var cut = 0
            while buffer.count - cut >= blockSize {
                try startBlock(Array(buffer[cut..<(cut + blockSize)]))
                cut += blockSize
            }
            buffer.removeFirst(cut)
            while inFlight.count >= store.configuration.uploadConcurrency { try await finishOldestBlock() }
        } catch {
            await discard()
            throw error
        }
    }

    func complete() async throws -> ObjectMeta {
        guard state == .open else { throw ObjectStoreError.uploadFinished(path) }
        state = .finishing
        guard nextIndex > 0 else {
            let bytes = buffer
            buffer = []
            state = .finished
            try await store.put(path, bytes)
            return try await store.head(path)
        }
        do {
            if !buffer.isEmpty { try startBlock(buffer) }
            buffer = []
            while !inFlight.isEmpty { try await finishOldestBlock() }
            try await store.putBlockList(blob: blob, path: path, blockIDs: blockIDs)
        } catch {
            await discard()
            throw error
        }
        state = .finished
        return try await store.head(path)
    }

    func abort() async throws {
        guard state != .finished else { return }
        await discard()
    }

    /// Queues the staging of the next block; block ids follow the order bytes were written in.
    private func startBlock(_ bytes: [UInt8]) throws {
        guard nextIndex < AzureConfiguration.maximumBlockCount else {
            throw ObjectStoreError(
                .unsupported, path: path.rawValue,
                detail: "the upload needs more than \(AzureConfiguration.maximumBlockCount) blocks of "
                    + "\(store.configuration.blockSize) bytes; configure a larger block size"
            )
        }
        let id = AzureObjectStore.blockID(uploadID: uploadID, index: nextIndex)
        nextIndex += 1
        blockIDs.append(id)
        let (store, blob, path) = (store, blob, path)
        inFlight.append(Task { try await store.putBlock(blob: blob, path: path, blockID: id, bytes: bytes) })
    }

    private func finishOldestBlock() async throws {
        try await inFlight.removeFirst().value
    }

    /// Stops the blocks still uploading and forgets the rest; no request is needed to discard staged blocks.
    private func discard() async {
        state = .finished
        buffer = []
        let pending = inFlight
        inFlight = []
        for task in pending {
            task.cancel()
            _ = try? await task.value
        }
    }
}

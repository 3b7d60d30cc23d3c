/// A multipart upload to S3. The S3 upload is created only when the first full part is cut, so an object that
/// fits in one part costs a single PUT and an abandoned small upload leaves nothing behind. Parts upload in
/// the background, up to `uploadConcurrency` at once; a failed part aborts the whole upload, so no parts are
/// left accruing storage charges.
actor S3MultipartUpload: MultipartUpload {
    private enum State {
        case open
        case finishing
        case finished
    }

    private let store: S3ObjectStore
    private let path: ObjectPath
    private let key: String
    private var buffer: [UInt8] = []
    private var state = State.open
    private var nextPartNumber = 1
    private var creation: Task<String, any Error>?
    private var inFlight: [(number: Int, task: Task<String, any Error>)] = []
    private var uploaded: [(number: Int, eTag: String)] = []

    init(store: S3ObjectStore, path: ObjectPath, key: String) {
        self.store = store
        self.path = path
        self.key = key
    }

    func write(_ bytes: [UInt8]) async throws {
        guard state == .open else { throw ObjectStoreError.uploadFinished(path) }
        buffer += bytes
        let partSize = store.configuration.partSize
        do {
            while buffer.count >= partSize {
                guard nextPartNumber < S3ObjectStore.maximumPartCount else {
                    throw ObjectStoreError(
                        .unsupported, path: path.rawValue,
                        detail: "the upload outgrows S3's \(S3ObjectStore.maximumPartCount) parts of \(partSize) bytes; "
                            + "configure a larger part size"
                    )
                }
                startPart(Array(buffer[..<partSize]))
                buffer.removeFirst(partSize)
            }
            while inFlight.count >= store.configuration.uploadConcurrency { try await finishOldestPart() }
        } catch {
            try? await discard()
            throw error
        }
    }

    func complete() async throws -> ObjectMeta {
        guard state == .open else { throw ObjectStoreError.uploadFinished(path) }
        state = .finishing
        guard let creation else {
            let bytes = buffer
            buffer = []
            state = .finished
            try await store.put(path, bytes)
            return try await store.head(path)
        }
        if !buffer.isEmpty { startPart(buffer) }
        buffer = []
        do {
            while !inFlight.isEmpty { try await finishOldestPart() }
            let uploadID = try await creation.value
            try await store.completeMultipartUpload(key: key, path: path, uploadID: uploadID, parts: uploaded)
        } catch {
            try? await discard()
            throw error
        }
        state = .finished
        return try await store.head(path)
    }

    func abort() async throws {
        guard state != .finished else { return }
        try await discard()
    }

    /// Queues the upload of the next part; part numbers follow the order bytes were written in.
    private func startPart(_ bytes: [UInt8]) {
        let number = nextPartNumber
        nextPartNumber += 1
        let creation = uploadCreation()
        let (store, key, path) = (store, key, path)
        let task = Task {
            let uploadID = try await creation.value
            return try await store.uploadPart(key: key, path: path, uploadID: uploadID, number: number, bytes: bytes)
        }
        inFlight.append((number, task))
    }

    /// The task creating the S3 upload, started by the first part.
    private func uploadCreation() -> Task<String, any Error> {
        if let creation { return creation }
        let (store, key, path) = (store, key, path)
        let task = Task { try await store.createMultipartUpload(key: key, path: path) }
        creation = task
        return task
    }

    private func finishOldestPart() async throws {
        let (number, task) = inFlight.removeFirst()
        uploaded.append((number, try await task.value))
    }

    /// Stops the parts still uploading and aborts the S3 upload, if one was created. After a failure this is
    /// best effort, since the caller already has an error to report, and a bucket lifecycle rule reaps uploads
    /// that outlive a failed abort.
    private func discard() async throws {
        state = .finished
        buffer = []
        let pending = inFlight
        inFlight = []
        for part in pending {
            part.task.cancel()
            _ = try? await part.task.value
        }
        guard let creation, let uploadID = try? await creation.value else { return }
        try await store.abortMultipartUpload(key: key, path: path, uploadID: uploadID)
    }
}

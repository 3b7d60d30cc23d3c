import Foundation

/// A resumable upload to GCS. The session is opened only when the first full chunk is cut, so an object that
/// fits in one chunk costs a single request and an abandoned small upload leaves nothing behind. Chunks go up
/// one after another (a session accepts bytes only in order); GCS makes the object visible when the last
/// chunk, the one that states the total size, arrives. An aborted session is deleted, and one that is never
/// finished expires after a week without ever becoming an object.
actor GCSResumableUpload: MultipartUpload {
    private let store: GCSObjectStore
    private let path: ObjectPath
    private let key: String
    private var buffer: [UInt8] = []
    private var finished = false
    private var session: SignableRequest?
    /// Bytes the server has confirmed; `buffer` holds everything after them.
    private var persisted: Int64 = 0

    init(store: GCSObjectStore, path: ObjectPath, key: String) {
        self.store = store
        self.path = path
        self.key = key
    }

    func write(_ bytes: [UInt8]) async throws {
        guard !finished else { throw ObjectStoreError.uploadFinished(path) }
        buffer += bytes
        let chunkSize = store.configuration.chunkSize
        do {
            while buffer.count >= chunkSize {
                _ = try await send(count: chunkSize, total: nil)
            }
        } catch {
            await discard()
            throw error
        }
    }

    func complete() async throws -> ObjectMeta {
        guard !finished else { throw ObjectStoreError.uploadFinished(path) }
        finished = true
        guard session != nil else {
            let bytes = buffer
            buffer = []
            return try await store.upload(path, bytes)
        }
        do {
            let total = persisted + Int64(buffer.count)
            while true {
                if let meta = try await send(count: buffer.count, total: total) { return meta }
            }
        } catch {
            await discard()
            throw error
        }
    }

    func abort() async throws {
        guard !finished || session != nil else { return }
        finished = true
        buffer = []
        guard let request = session else { return }
        session = nil
        try await cancel(request)
    }

    /// Sends the first `count` buffered bytes, stating the object's size when `total` is given. Returns the
    /// object's metadata once GCS has all of it; otherwise drops what the server confirmed from the buffer
    /// (which may be less than was sent) and returns `nil`.
    private func send(count: Int, total: Int64?) async throws -> ObjectMeta? {
        var request = try await openSession()
        request.method = "PUT"
        let last = persisted + Int64(count) - 1
        let range = count == 0 ? "*" : "\(persisted)-\(last)"
        request.setHeader("Content-Range", "bytes \(range)/" + (total.map(String.init) ?? "*"))
        request.body = Array(buffer[..<count])
        let response = try await store.send(request, path: path)
        switch response.status {
        case 200, 201:
            guard total != nil else {
                throw GCSJSON.malformed(response, path, "the upload finished before its last chunk was sent")
            }
            buffer = []
            return try GCSObjectStore.meta(response, path: path)
        case 308:
            let confirmed = try confirmedLength(response)
            guard confirmed > persisted || count == 0, confirmed <= last + 1 else {
                throw GCSJSON.malformed(response, path, "the server confirmed no progress (\(confirmed) bytes)")
            }
            buffer.removeFirst(Int(confirmed - persisted))
            persisted = confirmed
            return nil
        default:
            throw GCSErrorResponse.error(for: response, path: path)
        }
    }

    /// The length a 308 answer's `Range: bytes=0-N` header confirms; no header means nothing was kept.
    private func confirmedLength(_ response: TransportResponse) throws(ObjectStoreError) -> Int64 {
        guard let range = response.header("Range") else { return 0 }
        guard range.hasPrefix("bytes=0-"), let end = Int64(range.dropFirst("bytes=0-".count)), end >= 0 else {
            throw GCSJSON.malformed(response, path, "a Range header `\(range)` that is not `bytes=0-N`")
        }
        return end + 1
    }

    /// The session URI, opened on first use. GCS hands it out in `Location`; it must point at the store's own
    /// endpoint, since requests to it carry the store's credentials.
    private func openSession() async throws -> SignableRequest {
        if let session { return session }
        let request = store.endpoint.request(
            "POST", path: "/upload/storage/v1/b/\(store.configuration.bucket)/o",
            query: [("uploadType", "resumable"), ("name", key)],
            headers: [("X-Upload-Content-Type", "application/octet-stream")]
        )
        let response = try await store.send(request, path: path)
        guard response.isSuccess else { throw GCSErrorResponse.error(for: response, path: path) }
        guard let location = response.header("Location"), let components = URLComponents(string: location),
            components.scheme?.lowercased() == store.endpoint.scheme, components.host == store.endpoint.host,
            components.port == store.endpoint.port
        else {
            throw GCSJSON.malformed(response, path, "no session URI on the store's endpoint in Location")
        }
        var opened = SignableRequest(
            method: "PUT", scheme: store.endpoint.scheme, host: store.endpoint.host, port: store.endpoint.port,
            path: components.path, query: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }
        )
        opened.percentEncodedPath = components.percentEncodedPath
        session = opened
        return opened
    }

    /// Deletes the session; GCS answers 499 to say it was cancelled.
    private func cancel(_ session: SignableRequest) async throws {
        var request = session
        request.method = "DELETE"
        let response = try await store.send(request, path: path)
        guard response.isSuccess || [404, 410, 499].contains(response.status) else {
            throw GCSErrorResponse.error(for: response, path: path)
        }
    }

    /// Best-effort cleanup after a failure, which the caller is already reporting.
    private func discard() async {
        finished = true
        buffer = []
        guard let request = session else { return }
        session = nil
        try? await cancel(request)
    }
}

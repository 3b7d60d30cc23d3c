import LaminarObjectStore
import LaminarParquet

/// Streams a Parquet file into an object-store upload, which becomes visible, whole, at `close()`.
final class UploadByteSink: ByteSink {
    let upload: any MultipartUpload
    private(set) var meta: ObjectMeta?

    init(_ upload: any MultipartUpload) { self.upload = upload }

    func write(_ bytes: [UInt8]) async throws { try await upload.write(bytes) }
    func close() async throws { meta = try await upload.complete() }
}

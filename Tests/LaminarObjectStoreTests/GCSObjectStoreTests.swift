import Foundation
@testable import LaminarObjectStore
import Testing

/// `GCSObjectStore` against fake-gcs-server, a GCS emulator speaking the JSON API. Each test uses a bucket
/// of its own.
@Suite(.fakeGCS) struct GCSObjectStoreTests {
    @Test(arguments: [nil, 2] as [Int?])
    func conformance(pageSize: Int?) async throws {
        let store = try await FakeGCSScope.current().makeStore(listPageSize: pageSize)
        try await ObjectStoreConformance.run(store: store)
    }

    @Test func conformanceUnderAPrefix() async throws {
        let store = try await FakeGCSScope.current().makeStore(prefix: "tables/t1")
        try await ObjectStoreConformance.run(store: store)
    }

    /// Sixteen writers race for one key through `ifGenerationMatch=0`, fifty times: one winner every time.
    @Test func putIfAbsentRaces() async throws {
        let store = try await FakeGCSScope.current().makeStore()
        try await ObjectStoreConformance.putIfAbsentRaces(store, rounds: 50)
    }

    /// A resumable upload of several 256 KiB chunks written in uneven pieces is invisible until `complete()`.
    @Test func resumableUploadInChunks() async throws {
        let store = try await FakeGCSScope.current().makeStore()
        let path: ObjectPath = "big/object.bin"
        let chunk = GCSConfiguration.chunkGranularity
        let bytes = pseudoRandomBytes(count: 3 * chunk + 1234, seed: 42)
        let upload = try await store.upload(path)
        var offset = 0
        for piece in [100_000, 300_000, 5, bytes.count] {
            let end = min(offset + piece, bytes.count)
            try await upload.write(Array(bytes[offset..<end]))
            offset = end
        }
        await expectError(.notFound, "before complete") { try await store.head(path) }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
        let meta = try await upload.complete()
        #expect(meta.size == Int64(bytes.count))
        #expect(try await store.get(path, range: nil) == bytes)
        #expect(try await store.get(path, range: .bounded(Int64(chunk - 2)..<Int64(chunk + 2)))
            == Array(bytes[(chunk - 2)..<(chunk + 2)]))
        await expectError(.unsupported, "write after complete") { try await upload.write([1]) }
    }

    /// An upload exactly a whole number of chunks long ends with an empty request that states the size.
    @Test func resumableUploadOfWholeChunks() async throws {
        let store = try await FakeGCSScope.current().makeStore()
        let bytes = pseudoRandomBytes(count: 2 * GCSConfiguration.chunkGranularity, seed: 8)
        let upload = try await store.upload("whole.bin")
        try await upload.write(bytes)
        #expect(try await upload.complete().size == Int64(bytes.count))
        #expect(try await store.get("whole.bin", range: nil) == bytes)
    }

    @Test func abortedResumableUploadLeavesNothing() async throws {
        let store = try await FakeGCSScope.current().makeStore()
        let upload = try await store.upload("aborted.bin")
        try await upload.write(pseudoRandomBytes(count: GCSConfiguration.chunkGranularity + 10, seed: 7))
        try await upload.abort()
        await expectError(.notFound, "after abort") { try await store.head("aborted.bin") }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    @Test func twoHundredMegabyteUpload() async throws {
        let store = try await FakeGCSScope.current().makeStore(chunkSize: 16 * 1024 * 1024)
        try await ObjectStoreConformance.largeUpload(store, megabytes: 200)
    }

    /// 1,005 objects need two pages of 1,000, GCS's default page size, which is set explicitly because
    /// fake-gcs-server has no default and answers in one page. (It also counts only objects, not prefixes,
    /// against `maxResults`, so the mixed-page check the other backends run does not apply to it.)
    @Test func listingOverAThousandKeys() async throws {
        let store = try await FakeGCSScope.current().makeStore(listPageSize: 1000)
        let paths = try (0..<1005).map { try ObjectPath(String(format: "many/%04d", $0)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in stride(from: 0, to: paths.count, by: 100) {
                group.addTask {
                    for path in paths[slice..<min(slice + 100, paths.count)] { try await store.put(path, [1]) }
                }
            }
            try await group.waitForAll()
        }
        let listing = try await CollectedListing(store.list(prefix: "many", delimiter: false))
        #expect(listing.pages.count == 2)
        #expect(listing.keys == paths.map(\.rawValue))
        try await store.delete(paths)
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    /// Names that need percent-encoding (the object name is one path segment, its `/` encoded) survive every
    /// operation.
    @Test func namesWithSpecialCharacters() async throws {
        let store = try await FakeGCSScope.current().makeStore()
        let path: ObjectPath = "dir with space/a+b=c&d?e#f%g/naïve 日本.bin"
        try await store.put(path, [1, 2, 3])
        #expect(try await store.get(path, range: nil) == [1, 2, 3])
        #expect(try await store.head(path).size == 3)
        try await store.copy(from: path, to: "copy/é.bin")
        #expect(try await store.get("copy/é.bin", range: nil) == [1, 2, 3])
        #expect(try await CollectedListing(store.list(prefix: nil, delimiter: false)).keys
            == sortedByBytes(["copy/é.bin", path.rawValue]))
        try await store.delete([path, "copy/é.bin"])
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    @Test func aMissingBucketIsAnError() async throws {
        let server = try FakeGCSScope.current()
        let configuration = GCSConfiguration(bucket: "no-such-bucket-here", endpoint: server.endpoint, allowHTTP: true)
        let store = try GCSObjectStore(configuration: configuration, signer: UnsignedRequests())
        await expectError(.notFound, "put") { try await store.put("a", [1]) }
        await expectError(.notFound, "list") { try await store.list(prefix: nil, delimiter: false).allObjects() }
    }

    @Test func storeFromLocationAndEmulatorVariable() async throws {
        let server = try FakeGCSScope.current()
        let bucket = try await server.createBucket()
        let environment = ["STORAGE_EMULATOR_HOST": "127.0.0.1:\(server.port)"]
        let store = try GCSObjectStore(
            location: StoreLocation("gs://\(bucket)/warehouse/t1"), options: StorageOptions(), environment: environment
        )
        try await store.put("_delta_log/00000000000000000000.json", Array("{}".utf8))
        let raw = try GCSObjectStore(
            location: StoreLocation("gs://\(bucket)"), options: StorageOptions(), environment: environment
        )
        #expect(try await raw.get("warehouse/t1/_delta_log/00000000000000000000.json", range: nil) == Array("{}".utf8))
    }

    @Test func invalidConfigurationsAreRejectedUpFront() throws {
        let bad: [GCSConfiguration] = [
            GCSConfiguration(bucket: "b", endpoint: "http://127.0.0.1:1"),
            GCSConfiguration(bucket: "b", chunkSize: 1000),
            GCSConfiguration(bucket: "bad/bucket"),
            GCSConfiguration(bucket: "b", listPageSize: 0),
        ]
        for configuration in bad {
            #expect(throws: ObjectStoreError.self, "\(configuration)") {
                try GCSObjectStore(configuration: configuration, signer: UnsignedRequests())
            }
        }
        #expect(throws: ObjectStoreError.self) {
            try GCSObjectStore(location: StoreLocation("gs://bucket"), options: StorageOptions(), environment: [:])
        }
    }
}

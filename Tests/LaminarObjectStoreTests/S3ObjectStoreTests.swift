import Foundation
@testable import LaminarObjectStore
import Testing

/// `S3ObjectStore` against moto, a real S3-compatible server. Each test uses a bucket of its own.
@Suite(.moto) struct S3ObjectStoreTests {
    @Test(arguments: [nil, 2] as [Int?])
    func conformance(pageSize: Int?) async throws {
        let store = try await MotoScope.current().makeStore(listPageSize: pageSize)
        try await ObjectStoreConformance.run(store: store)
    }

    @Test func conformanceUnderAPrefix() async throws {
        let store = try await MotoScope.current().makeStore(prefix: "tables/t1")
        try await ObjectStoreConformance.run(store: store)
    }

    /// Sixteen writers race for one key through `If-None-Match: *`, fifty times: one winner every time.
    @Test func putIfAbsentRaces() async throws {
        let store = try await MotoScope.current().makeStore()
        try await ObjectStoreConformance.putIfAbsentRaces(store, rounds: 50)
    }

    @Test func twoHundredMegabyteUpload() async throws {
        let store = try await MotoScope.current().makeStore(partSize: 16 * 1024 * 1024)
        try await ObjectStoreConformance.largeUpload(store, megabytes: 200)
    }

    /// Several 5 MiB parts plus a short last one: the object is a real multipart object (its ETag names the
    /// part count) and appears only at `complete()`.
    @Test func multipartUploadInParts() async throws {
        let store = try await MotoScope.current().makeStore()
        let path: ObjectPath = "big/object.bin"
        let partSize = S3Configuration.minimumPartSize
        let bytes = pseudoRandomBytes(count: 2 * partSize + 1234, seed: 42)
        let upload = try await store.upload(path)
        var offset = 0
        for chunk in [1_000_000, 3_000_000, 4_000_000, bytes.count] {
            let end = min(offset + chunk, bytes.count)
            try await upload.write(Array(bytes[offset..<end]))
            offset = end
        }
        await expectError(.notFound, "before complete") { try await store.head(path) }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
        let meta = try await upload.complete()
        #expect(meta.size == Int64(bytes.count))
        #expect(meta.eTag?.hasSuffix("-3\"") == true, "ETag \(meta.eTag ?? "nil") of a three-part upload")
        #expect(try await store.get(path, range: nil) == bytes)
        #expect(try await store.get(path, range: .bounded(Int64(partSize - 2)..<Int64(partSize + 2)))
            == Array(bytes[(partSize - 2)..<(partSize + 2)]))
        await expectError(.unsupported, "write after complete") { try await upload.write([1]) }
    }

    @Test func abortedMultipartUploadLeavesNothing() async throws {
        let store = try await MotoScope.current().makeStore()
        let path: ObjectPath = "aborted.bin"
        let upload = try await store.upload(path)
        try await upload.write(pseudoRandomBytes(count: S3Configuration.minimumPartSize + 10, seed: 7))
        let deadline = ContinuousClock.now + .seconds(10)
        while try await pendingUploads(store).isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await pendingUploads(store) == ["aborted.bin"], "a part was cut, so S3 holds an upload")
        try await upload.abort()
        await expectError(.notFound, "after abort") { try await store.head(path) }
        #expect(try await pendingUploads(store).isEmpty)
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
        try await upload.abort()
    }

    /// Keys of in-progress multipart uploads, by ListMultipartUploads.
    func pendingUploads(_ store: S3ObjectStore) async throws -> [String] {
        let response = try await store.send(store.makeRequest("GET", key: nil, query: [("uploads", "")]), path: nil)
        #expect(response.status == 200)
        return try XMLTreeNode.parse(response.body).children("Upload").compactMap { $0.childText("Key") }
    }

    @Test func listingPagesThroughContinuationTokens() async throws {
        let server = try MotoScope.current()
        let store = try await server.makeStore(prefix: "root", listPageSize: 2)
        let keys = ["a", "b/1", "b/2", "c", "d/e/f", "g"]
        for key in keys { try await store.put(ObjectPath(key), Array(key.utf8)) }
        let flat = try await CollectedListing(store.list(prefix: nil, delimiter: false))
        #expect(flat.pages.map(\.objects.count) == [2, 2, 2])
        #expect(flat.keys == keys)
        let folded = try await CollectedListing(store.list(prefix: nil, delimiter: true))
        #expect(folded.pages.count > 1)
        #expect(folded.keys == ["a", "c", "g"])
        #expect(folded.commonPrefixes == ["b", "d"])
        let under = try await CollectedListing(store.list(prefix: "b", delimiter: false))
        #expect(under.keys == ["b/1", "b/2"])
    }

    /// Keys that need percent-encoding survive every operation, including XML batch deletes and copy sources.
    @Test func keysWithSpecialCharacters() async throws {
        let store = try await MotoScope.current().makeStore()
        let names = ["a+b", "c%d", "e&f<g>", "h?i#j", "~tilde", "sp ace", "ünï/cødé", "quote\"'", "x=1;y=2,z"]
        let paths = try names.map { try ObjectPath("dir/" + $0) }
        for path in paths { try await store.put(path, Array(path.rawValue.utf8)) }
        for path in paths { #expect(try await store.get(path, range: nil) == Array(path.rawValue.utf8)) }
        let listed = try await store.list(prefix: "dir", delimiter: false).allObjects().map(\.path)
        #expect(Set(listed) == Set(paths))
        try await store.copy(from: paths[2], to: "copied/e&f<g>")
        #expect(try await store.get("copied/e&f<g>", range: nil) == Array(paths[2].rawValue.utf8))
        try await store.delete(paths + ["copied/e&f<g>"])
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    /// More than one DeleteObjects batch.
    @Test func batchDeleteOverAThousandKeys() async throws {
        let store = try await MotoScope.current().makeStore()
        let paths = try (0..<1005).map { try ObjectPath(String(format: "many/%04d", $0)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in stride(from: 0, to: paths.count, by: 100) {
                group.addTask {
                    for path in paths[slice..<min(slice + 100, paths.count)] { try await store.put(path, [1]) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().count == 1005)
        try await store.delete(paths)
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    @Test func aMissingBucketIsAConfigurationError() async throws {
        let server = try MotoScope.current()
        let store = try S3ObjectStore(
            configuration: S3Configuration(bucket: "no-such-bucket-here", endpoint: server.endpoint, allowHTTP: true),
            credentials: MotoS3Server.credentials
        )
        await expectError(.invalidConfiguration) { try await store.get("k", range: nil) }
        await expectError(.invalidConfiguration) { try await store.put("k", [1]) }
    }

    @Test func errorsNameMethodURLAndStatus() async throws {
        let store = try await MotoScope.current().makeStore()
        do {
            _ = try await store.get("missing/key", range: nil)
            Issue.record("expected notFound")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .notFound)
            #expect(error.status == 404)
            #expect(error.path == "missing/key")
            #expect(error.detail.hasPrefix("GET http://127.0.0.1:"))
            #expect(error.detail.contains("/missing/key: NoSuchKey"))
        }
    }

    @Test func invalidConfigurationsAreRejectedUpFront() {
        let credentials = MotoS3Server.credentials
        let bad = [
            S3Configuration(bucket: "b", endpoint: "http://127.0.0.1:9"),
            S3Configuration(bucket: "b", endpoint: "ftp://host"),
            S3Configuration(bucket: "b", endpoint: "not a url"),
            S3Configuration(bucket: "b", endpoint: "https://user:pass@host"),
            S3Configuration(bucket: "", endpoint: "https://host"),
            S3Configuration(bucket: "a/b"),
            S3Configuration(bucket: "b", region: "us east"),
            S3Configuration(bucket: "b", partSize: 1024),
        ]
        for configuration in bad {
            #expect(throws: ObjectStoreError.self, "\(configuration)") {
                try S3ObjectStore(configuration: configuration, credentials: credentials)
            }
        }
    }

    @Test func theRootIsNotAnObject() async throws {
        let store = try await MotoScope.current().makeStore()
        await expectError(.invalidPath) { try await store.put(.root, [1]) }
        await expectError(.invalidPath) { try await store.get(.root, range: nil) }
    }

    @Test func storeFromLocationAndOptions() async throws {
        let server = try MotoScope.current()
        let bucket = "laminar-options-" + UUID().uuidString.lowercased().prefix(8)
        try await server.createBucket(bucket, credentials: MotoS3Server.credentials)
        let store = try S3ObjectStore(
            location: StoreLocation("s3://\(bucket)/table"),
            options: ["aws_endpoint_url": server.endpoint, "allow_http": "true", "aws_access_key_id": "AKIDOPT",
                      "aws_secret_access_key": "option-secret"],
            environment: [:]
        )
        try await store.put("part-0", [1, 2])
        #expect(store.configuration.prefix == "table")
        #expect(try await store.head("part-0").size == 2)
        #expect(!store.description.contains("option-secret"))
    }
}

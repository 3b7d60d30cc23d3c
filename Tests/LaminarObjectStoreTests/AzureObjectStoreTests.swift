import Foundation
@testable import LaminarObjectStore
import Testing

/// `AzureObjectStore` against the loopback Blob emulator, which verifies every signature with the Azure SDK.
/// Each test uses a container of its own.
@Suite(.azureEmulator) struct AzureObjectStoreTests {
    @Test(arguments: [nil, 2] as [Int?])
    func conformance(pageSize: Int?) async throws {
        let store = try await AzureEmulatorScope.current().makeStore(listPageSize: pageSize)
        try await ObjectStoreConformance.run(store: store)
    }

    @Test func conformanceUnderAPrefix() async throws {
        let store = try await AzureEmulatorScope.current().makeStore(prefix: "tables/t1")
        try await ObjectStoreConformance.run(store: store)
    }

    @Test func twoEntriesPerPage() async throws {
        let store = try await AzureEmulatorScope.current().makeStore(listPageSize: 2)
        try await ObjectStoreConformance.twoEntriesPerPage(store)
    }

    /// Sixteen writers race for one name through `If-None-Match: *`, fifty times: exactly one wins each round.
    @Test func putIfAbsentRace() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        for round in 0..<50 {
            try await ObjectStoreConformance.putIfAbsentRace(store, ObjectPath("round-\(round)"))
        }
    }

    /// 1,050 blobs listed 100 a page through `NextMarker`, and in one page with Azure's default page size.
    @Test func listingOverAThousandKeysAcrossPages() async throws {
        let emulator = try AzureEmulatorScope.current()
        let store = try await emulator.makeStore(prefix: "root", listPageSize: 100)
        let keys = (0..<1050).map { String(format: "many/%02d/%04d", $0 % 7, $0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in stride(from: 0, to: keys.count, by: 150) {
                group.addTask {
                    for key in keys[slice..<min(slice + 150, keys.count)] { try await store.put(ObjectPath(key), [1]) }
                }
            }
            try await group.waitForAll()
        }
        let paged = try await CollectedListing(store.list(prefix: "many", delimiter: false))
        #expect(paged.pages.map(\.objects.count) == Array(repeating: 100, count: 10) + [50])
        #expect(paged.keys == sortedByBytes(keys))
        #expect(Set(paged.objects.map(\.size)) == [1])

        let folded = try await CollectedListing(store.list(prefix: "many", delimiter: true))
        #expect(folded.keys == [])
        #expect(folded.commonPrefixes == (0..<7).map { String(format: "many/%02d", $0) })

        let whole = try emulator.store(container: store.configuration.container, prefix: "root")
        let single = try await CollectedListing(whole.list(prefix: nil, delimiter: false))
        #expect(single.pages.count == 1)
        #expect(single.keys == sortedByBytes(keys))
        try await store.delete(keys.map { try ObjectPath($0) })
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
    }

    /// Ranges Azure cannot express (suffixes) or that select nothing, on a blob several blocks long.
    @Test func rangedReads() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        let path: ObjectPath = "ranges/data.bin"
        let bytes = pseudoRandomBytes(count: 200_000, seed: 11)
        try await store.put(path, bytes)
        #expect(try await store.get(path, range: .suffix(70_000)) == Array(bytes[130_000...]))
        #expect(try await store.get(path, range: .suffix(0)) == [])
        #expect(try await store.get(path, range: .bounded(199_990..<250_000)) == Array(bytes[199_990...]))
        #expect(try await store.get(path, range: .bounded(65_530..<65_540)) == Array(bytes[65_530..<65_540]))
        #expect(try await store.get(path, range: .from(200_000)) == [])
        #expect(try await store.get(path, range: .bounded(5..<5)) == [])
        await expectError(.unsupported) { try await store.get(path, range: .from(-1)) }

        let empty: ObjectPath = "ranges/empty"
        try await store.put(empty, [])
        #expect(try await store.get(empty, range: .suffix(10)) == [])
        #expect(try await store.get(empty, range: .from(0)) == [])
        await expectError(.notFound) { try await store.get("ranges/missing", range: .suffix(3)) }
    }

    /// Several 64 KiB blocks plus a short last one, written in chunks that do not line up with blocks: the
    /// blob is committed from four blocks of the expected sizes and appears only at `complete()`.
    @Test func multipartUploadInBlocks() async throws {
        let store = try await AzureEmulatorScope.current().makeStore(blockSize: 64 * 1024)
        let path: ObjectPath = "big/object.bin"
        let bytes = pseudoRandomBytes(count: 3 * 65_536 + 1234, seed: 42)
        let upload = try await store.upload(path)
        var offset = 0
        for chunk in [10_000, 100_000, 50_000, bytes.count] {
            let end = min(offset + chunk, bytes.count)
            try await upload.write(Array(bytes[offset..<end]))
            offset = end
        }
        try await waitFor { try await blockList(store, path).uncommitted.count == 3 }
        await expectError(.notFound, "before complete") { try await store.head(path) }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)

        let meta = try await upload.complete()
        #expect(meta.size == Int64(bytes.count))
        #expect(try await store.get(path, range: nil) == bytes)
        let blocks = try await blockList(store, path)
        #expect(blocks.committed.map(\.size) == [65_536, 65_536, 65_536, 1234])
        #expect(blocks.uncommitted.isEmpty)
        let ids = blocks.committed.map(\.id)
        #expect(Set(ids.map(\.count)).count == 1, "every block id has the same length")
        let decoded = ids.compactMap { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }
        #expect(decoded.map { String($0.suffix(6)) } == ["000000", "000001", "000002", "000003"])
        await expectError(.unsupported, "write after complete") { try await upload.write([1]) }
    }

    /// An upload that never fills a block is one Put Blob, with no block list.
    @Test func smallUploadIsOnePutBlob() async throws {
        let store = try await AzureEmulatorScope.current().makeStore(blockSize: 64 * 1024)
        let upload = try await store.upload("small")
        try await upload.write(Array("tiny".utf8))
        #expect(try await upload.complete().size == 4)
        #expect(try await store.get("small", range: nil) == Array("tiny".utf8))
        #expect(try await blockList(store, "small").committed.isEmpty)
    }

    @Test func abortedUploadLeavesNothingVisible() async throws {
        let store = try await AzureEmulatorScope.current().makeStore(blockSize: 64 * 1024)
        let path: ObjectPath = "aborted.bin"
        let upload = try await store.upload(path)
        try await upload.write(pseudoRandomBytes(count: 2 * 65_536 + 10, seed: 7))
        try await waitFor { try await blockList(store, path).uncommitted.count == 2 }
        try await upload.abort()
        await expectError(.notFound, "after abort") { try await store.head(path) }
        #expect(try await store.list(prefix: nil, delimiter: false).allObjects().isEmpty)
        #expect(try await blockList(store, path).committed.isEmpty, "nothing was committed")
        await expectError(.unsupported, "write after abort") { try await upload.write([1]) }
        try await upload.abort()

        // The staged blocks of the aborted upload do not leak into a later upload to the same name.
        let later = try await store.upload(path)
        try await later.write(pseudoRandomBytes(count: 65_536 + 5, seed: 8))
        let meta = try await later.complete()
        #expect(meta.size == 65_541)
        #expect(try await blockList(store, path).committed.count == 2)
        #expect(try await store.get(path, range: nil) == pseudoRandomBytes(count: 65_541, seed: 8))
    }

    /// Names that need percent-encoding, and one with a control character that List Blobs can only send
    /// percent-encoded (`Encoded="true"`), survive every operation.
    @Test func namesWithSpecialCharacters() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        let names = ["a+b", "c%d", "e&f<g>", "h?i#j", "~tilde", "sp ace", "ünï/cødé", "quote\"'", "x=1;y=2,z",
                     "ctl\u{1}char", "emoji 🦀"]
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

    /// A copy Azure reports as pending is polled until it succeeds; one that fails is an error.
    @Test func pendingCopiesAreAwaited() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        let bytes = pseudoRandomBytes(count: 5000, seed: 3)
        try await store.put("src/copy-pending.bin", bytes)
        try await store.copy(from: "src/copy-pending.bin", to: "dst/done.bin")
        #expect(try await store.get("dst/done.bin", range: nil) == bytes)

        try await store.put("src/copy-fails.bin", bytes)
        await expectError(.io, "a failed copy") {
            try await store.copy(from: "src/copy-fails.bin", to: "dst/failed.bin")
        }
    }

    @Test func aMissingContainerIsAConfigurationError() async throws {
        let store = try AzureEmulatorScope.current().store(container: "no-such-container")
        await expectError(.invalidConfiguration) { try await store.get("k", range: nil) }
        await expectError(.invalidConfiguration) { try await store.head("k") }
        await expectError(.invalidConfiguration) { try await store.put("k", [1]) }
        await expectError(.invalidConfiguration) { try await store.delete("k") }
        await expectError(.invalidConfiguration) { try await store.list(prefix: nil, delimiter: false).allObjects() }
    }

    @Test func errorsNameMethodURLAndStatus() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        do {
            _ = try await store.get("missing/key", range: nil)
            Issue.record("expected notFound")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .notFound)
            #expect(error.status == 404)
            #expect(error.path == "missing/key")
            #expect(error.detail.hasPrefix("GET http://127.0.0.1:"))
            #expect(error.detail.contains("/missing/key: BlobNotFound: The specified blob does not exist."))
        }
        await expectError(.notFound, "copy names the source") {
            try await store.copy(from: "missing/source", to: "somewhere")
        }
    }

    /// A wrong key is rejected by the SDK's signature check, and the error keeps the code and message but not
    /// the `AuthenticationErrorDetail`, which quotes the signature and the server's string-to-sign.
    @Test func aWrongKeyIsPermissionDenied() async throws {
        let emulator = try AzureEmulatorScope.current()
        let container = try await emulator.makeStore().configuration.container
        let wrong = try AzureCredentials.sharedKey(
            account: AzureConfiguration.emulatorAccount, base64Key: Data(repeating: 7, count: 64).base64EncodedString()
        )
        let store = try emulator.store(container: container, credentials: wrong)
        do {
            try await store.put("k", [1])
            Issue.record("expected permissionDenied")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .permissionDenied)
            #expect(error.status == 403)
            #expect(error.detail.contains("AuthenticationFailed"))
            #expect(!error.detail.contains("MAC signature"))
            #expect(!error.detail.contains("string to sign"))
        }
    }

    @Test func invalidConfigurationsAreRejectedUpFront() {
        let bad = [
            AzureConfiguration(account: "acct", container: "c1c", endpoint: "http://127.0.0.1:9/acct"),
            AzureConfiguration(account: "acct", container: "c1c", endpoint: "ftp://host"),
            AzureConfiguration(account: "acct", container: "c1c", endpoint: "not a url"),
            AzureConfiguration(account: "acct", container: "c1c", endpoint: "https://host/acct?sv=1&sig=x"),
            AzureConfiguration(account: "Upper", container: "c1c"),
            AzureConfiguration(account: "acct", container: "Bad_Name"),
            AzureConfiguration(account: "acct", container: "a--b"),
            AzureConfiguration(account: "acct", container: "c1c", blockSize: 0),
            AzureConfiguration(account: "acct", container: "c1c", uploadConcurrency: 0),
        ]
        for configuration in bad {
            #expect(throws: ObjectStoreError.self, "\(configuration)") {
                try AzureObjectStore(configuration: configuration, credentials: .anonymous)
            }
        }
        #expect(throws: ObjectStoreError.self, "a key of another account") {
            try AzureObjectStore(configuration: AzureConfiguration(account: "other", container: "c1c"),
                                 credentials: .emulator)
        }
    }

    @Test func theRootIsNotAnObject() async throws {
        let store = try await AzureEmulatorScope.current().makeStore()
        await expectError(.invalidPath) { try await store.put(.root, [1]) }
        await expectError(.invalidPath) { try await store.get(.root, range: nil) }
        await expectError(.invalidPath) { try await store.upload(.root) }
    }

    @Test func storeFromLocationAndOptions() async throws {
        let emulator = try AzureEmulatorScope.current()
        let container = try await emulator.makeStore().configuration.container
        let store = try AzureObjectStore(
            location: StoreLocation("az://\(container)/table"),
            options: ["azure_storage_use_emulator": "true", "azure_storage_endpoint": emulator.endpoint],
            environment: [:]
        )
        try await store.put("part-0", [1, 2])
        #expect(store.configuration.prefix == "table")
        #expect(store.configuration.account == AzureConfiguration.emulatorAccount)
        #expect(try await store.head("part-0").size == 2)
        #expect(!store.description.contains(AzureConfiguration.emulatorAccountKey))
    }

    // MARK: Helpers

    /// Get Block List: the committed and the staged blocks of `path`, in order.
    func blockList(_ store: AzureObjectStore, _ path: ObjectPath) async throws
        -> (committed: [(id: String, size: Int)], uncommitted: [(id: String, size: Int)])
    {
        let request = store.makeRequest(
            "GET", blob: try store.blobName(path), query: [("comp", "blocklist"), ("blocklisttype", "all")]
        )
        let response = try await store.send(request, path: path)
        if response.status == 404 { return ([], []) }
        #expect(response.status == 200)
        let root = try XMLTreeNode.parse(response.body)
        func blocks(_ name: String) -> [(id: String, size: Int)] {
            (root.child(name)?.children("Block") ?? []).map {
                ($0.childText("Name") ?? "", Int($0.childText("Size") ?? "") ?? -1)
            }
        }
        return (blocks("CommittedBlocks"), blocks("UncommittedBlocks"))
    }

    /// Polls `condition` for up to ten seconds.
    func waitFor(_ condition: () async throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition not met within 10 s", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

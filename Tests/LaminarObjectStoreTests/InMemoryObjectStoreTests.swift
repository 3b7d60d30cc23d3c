import LaminarObjectStore
import Testing

@Suite struct InMemoryObjectStoreTests {
    @Test(arguments: [1, 2, 1000])
    func conformance(pageSize: Int) async throws {
        let store = try InMemoryObjectStore(pageSize: pageSize)
        try await ObjectStoreConformance.run(store: store)
        #expect(try await CollectedListing(store.list(prefix: nil, delimiter: false)).keys == [])
    }

    @Test func pagesHoldAtMostThePageSize() async throws {
        try await ObjectStoreConformance.twoEntriesPerPage(InMemoryObjectStore(pageSize: 2))
    }

    @Test func anExactlyFullLastPageEndsTheListing() async throws {
        let store = try InMemoryObjectStore(pageSize: 2)
        for key in ["a", "b", "c", "d"] { try await store.put(ObjectPath(key), [0]) }
        let listing = try await CollectedListing(store.list(prefix: nil, delimiter: false))
        #expect(listing.pages.map(\.objects.count) == [2, 2])
    }

    /// Unlike a file system, a bucket holds `a` and `a/b` side by side; listing under `a` shows only `a/b`.
    @Test func anObjectAndAPrefixMayShareAName() async throws {
        let store = try InMemoryObjectStore()
        try await store.put("a", [1])
        try await store.put("a/b", [2])
        #expect(try await CollectedListing(store.list(prefix: "a", delimiter: false)).keys == ["a/b"])
        let top = try await CollectedListing(store.list(prefix: nil, delimiter: true))
        #expect(top.keys == ["a"])
        #expect(top.commonPrefixes == ["a"])
    }

    @Test func eachWriteGetsANewETag() async throws {
        let store = try InMemoryObjectStore()
        try await store.put("x", [1])
        let first = try await store.head("x").eTag
        try await store.put("x", [1])
        let second = try await store.head("x").eTag
        #expect(first != nil)
        #expect(first != second)
    }

    @Test func uploadRefusesUseAfterFinishing() async throws {
        let store = try InMemoryObjectStore()
        let upload = try await store.upload("once")
        try await upload.abort()
        await expectError(.unsupported) { try await upload.write([1]) }
        await expectError(.unsupported) { try await upload.complete() }
        await expectError(.notFound) { try await store.head("once") }
    }
}

import Foundation
import LaminarObjectStore
import Testing

@Suite struct LocalObjectStoreTests {
    @Test(arguments: [1, 2, 1000])
    func conformance(pageSize: Int) async throws {
        try await withTemporaryDirectory { directory in
            try await ObjectStoreConformance.run(store: LocalObjectStore(root: directory, pageSize: pageSize))
            #expect(entriesOnDisk(directory) == [], "no temporary files and no emptied directories remain")
        }
    }

    /// Sixteen writers race for one file through `link(2)`, fifty times: one winner every time.
    @Test func putIfAbsentRaces() async throws {
        try await withTemporaryDirectory { directory in
            try await ObjectStoreConformance.putIfAbsentRaces(LocalObjectStore(root: directory), rounds: 50)
        }
    }

    /// 1,005 files list in two pages of 1,000.
    @Test func listingOverAThousandKeys() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory, pageSize: 1000)
            let paths = try (0..<1005).map { try ObjectPath(String(format: "many/%04d", $0)) }
            for path in paths { try await store.put(path, [1]) }
            let listing = try await CollectedListing(store.list(prefix: "many", delimiter: false))
            #expect(listing.pages.count == 2)
            #expect(listing.keys == paths.map(\.rawValue))
        }
    }

    @Test func twoHundredMegabyteUpload() async throws {
        try await withTemporaryDirectory { directory in
            try await ObjectStoreConformance.largeUpload(LocalObjectStore(root: directory), megabytes: 200)
        }
    }

    @Test func objectsArePlainFilesOtherToolsCanRead() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            try await store.put("table/year=2024/part-0.parquet", Array("PAR1".utf8))
            #expect(FileManager.default.contents(atPath: directory + "/table/year=2024/part-0.parquet") == Data("PAR1".utf8))
            try Data("written elsewhere".utf8).write(to: URL(fileURLWithPath: directory + "/table/external.txt"))
            #expect(try await store.get("table/external.txt", range: nil) == Array("written elsewhere".utf8))
        }
    }

    @Test func writesLeaveNoTemporaryFiles() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            try await store.put("a/one", [1])
            try await store.put("a/one", [2])
            try await store.putIfAbsent("a/two", [3])
            await expectError(.alreadyExists) { try await store.putIfAbsent("a/two", [4]) }
            try await store.copy(from: "a/one", to: "b/three")
            let upload = try await store.upload("c/four")
            try await upload.write([5, 6])
            _ = try await upload.complete()
            let aborted = try await store.upload("c/five")
            try await aborted.write([7])
            try await aborted.abort()
            await expectError(.notFound) { try await store.copy(from: "missing", to: "d/six") }
            #expect(entriesOnDisk(directory) == ["a", "a/one", "a/two", "b", "b/three", "c", "c/four"])
        }
    }

    @Test func inProgressUploadsAreInvisibleToListings() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            try await store.put("visible", [1])
            let upload = try await store.upload("pending/object.bin")
            try await upload.write([1, 2, 3])
            let onDisk = entriesOnDisk(directory).filter { $0.hasPrefix("pending/") }
            #expect(onDisk.count == 1)
            #expect(onDisk.allSatisfy { $0.hasPrefix("pending/.object.bin.laminar-tmp-") }, "\(onDisk)")

            let recursive = try await CollectedListing(store.list(prefix: nil, delimiter: false))
            #expect(recursive.keys == ["visible"])
            let folded = try await CollectedListing(store.list(prefix: nil, delimiter: true))
            #expect(folded.keys == ["visible"])
            #expect(folded.commonPrefixes == [], "a directory holding only a temporary file is no prefix")

            try await upload.abort()
            #expect(entriesOnDisk(directory).filter { $0.contains(".laminar-tmp-") } == [])
        }
    }

    @Test func droppedUploadRemovesItsTemporaryFile() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            var upload: (any MultipartUpload)? = try await store.upload("dropped")
            try await upload?.write([1])
            #expect(entriesOnDisk(directory).count == 1)
            upload = nil
            #expect(entriesOnDisk(directory) == [])
        }
    }

    @Test func uploadRefusesUseAfterFinishing() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            let upload = try await store.upload("once")
            try await upload.write([1])
            _ = try await upload.complete()
            await expectError(.unsupported) { try await upload.write([2]) }
            await expectError(.unsupported) { try await upload.complete() }
            try await upload.abort()
            #expect(try await store.get("once", range: nil) == [1], "abort after complete keeps the object")
        }
    }

    @Test func keysShapedLikeTemporaryFilesAreRefused() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            await expectError(.invalidPath) { try await store.put("dir/.x.laminar-tmp-123", [1]) }
            await expectError(.invalidPath) { try await store.put(".y.laminar-tmp-1/z", [1]) }
            await expectError(.invalidPath) { try await store.get(.root, range: nil) }
            #expect(entriesOnDisk(directory) == [])
        }
    }

    @Test func directoriesAreNotObjects() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            try await store.put("d/x", [1])
            await expectError(.notFound) { try await store.get("d", range: nil) }
            await expectError(.notFound) { try await store.head("d") }
            await expectError(.notFound) { try await store.head("d/x/y") }
            try await store.delete("d")
            #expect(try await store.get("d/x", range: nil) == [1])
        }
    }

    @Test func writingThroughAFileIsAnIOError() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            try await store.put("f", [1])
            do {
                try await store.put("f/x", [2])
                Issue.record("a key below an object's file was written")
            } catch let error as ObjectStoreError {
                #expect(error.kind == .io)
                #expect(error.description.contains("Not a directory"), "\(error)")
                #expect(error.description.contains(directory), "names the file: \(error)")
            }
            #expect(entriesOnDisk(directory) == ["f"])
        }
    }

    @Test func deletePrunesEmptyDirectoriesButNotTheRoot() async throws {
        try await withTemporaryDirectory { directory in
            let root = directory + "/root"
            let store = try LocalObjectStore(root: root)
            try await store.put("p/q/r", [1])
            try await store.put("p/s", [2])
            try await store.delete("p/q/r")
            #expect(entriesOnDisk(root) == ["p", "p/s"])
            try await store.delete("p/s")
            #expect(entriesOnDisk(root) == [])
            #expect(FileManager.default.fileExists(atPath: root))
        }
    }

    /// Concurrent `put`s to one key each replace the whole file: a reader sees exactly one writer's bytes.
    @Test func concurrentPutsNeverTear() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(root: directory)
            let versions = (0..<8).map { pseudoRandomBytes(count: 200_000, seed: UInt64($0)) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for version in versions { group.addTask { try await store.put("contended", version) } }
                group.addTask {
                    for _ in 0..<20 {
                        if let bytes = try? await store.get("contended", range: nil) {
                            #expect(versions.contains(bytes), "a torn read of \(bytes.count) bytes")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(versions.contains(try await store.get("contended", range: nil)))
            #expect(entriesOnDisk(directory) == ["contended"])
        }
    }

    @Test func pagesHoldAtMostThePageSize() async throws {
        try await withTemporaryDirectory { directory in
            try await ObjectStoreConformance.twoEntriesPerPage(LocalObjectStore(root: directory, pageSize: 2))
        }
    }

    @Test func rejectsBadConfigurationAndRanges() async throws {
        try await withTemporaryDirectory { directory in
            #expect(throws: ObjectStoreError.self) { try LocalObjectStore(root: directory, pageSize: 0) }
            let store = try LocalObjectStore(root: directory)
            try await store.put("x", [1, 2, 3])
            await expectError(.unsupported) { try await store.get("x", range: .suffix(-1)) }
            await expectError(.unsupported) { try await store.get("x", range: .from(-1)) }
            try await store.put("file", [1])
            await expectError(.invalidConfiguration) { try LocalObjectStore(root: directory + "/file") }
        }
    }

    @Test func opensFileLocations() async throws {
        try await withTemporaryDirectory { directory in
            let store = try LocalObjectStore(location: StoreLocation("file://" + directory + "/sub"))
            #expect(store.root == directory + "/sub")
            await expectError(.invalidConfiguration) { try LocalObjectStore(location: StoreLocation("s3://bucket/x")) }
        }
    }
}

import Foundation
import LaminarObjectStore
import Testing

/// The behaviour every `ObjectStore` shares, run against each backend: the local and in-memory stores
/// here, S3, GCS and Azure against their emulators. Each run works under a fresh prefix and removes what it
/// wrote, so a shared bucket can be reused; expected values are computed here, never asked of the store.
enum ObjectStoreConformance {
    static func run(store: any ObjectStore) async throws {
        let base = try ObjectPath("conformance-" + UUID().uuidString.lowercased())
        do {
            try await roundTrip(store, base.appending("round-trip"))
            try await rangedGets(store, base.appending("ranges"))
            try await missingObjects(store, base.appending("missing"))
            try await putIfAbsentRace(store, base.appending("race"))
            try await listing(store, base.appending("list"))
            try await deletion(store, base.appending("delete"))
            try await copying(store, base.appending("copy"))
            try await multipartComplete(store, base.appending("upload"))
            try await multipartAbort(store, base.appending("aborted"))
        } catch {
            try? await removeAll(under: base, in: store)
            throw error
        }
        try await removeAll(under: base, in: store)
        #expect(try await CollectedListing(store.list(prefix: base, delimiter: false)).keys == [])
    }

    static func roundTrip(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("year=2024/part 0 naïve.bin")
        let bytes = pseudoRandomBytes(count: 300_000, seed: 1)
        try await store.put(path, bytes)
        #expect(try await store.get(path, range: nil) == bytes)
        let meta = try await store.head(path)
        #expect(meta.path == path)
        #expect(meta.size == Int64(bytes.count))

        let replacement = Array("replaced".utf8)
        try await store.put(path, replacement)
        #expect(try await store.get(path, range: nil) == replacement)
        let replaced = try await store.head(path)
        #expect(replaced.size == Int64(replacement.count))
        if let before = meta.eTag, let after = replaced.eTag { #expect(before != after) }

        let empty = try base.appending("empty")
        try await store.put(empty, [])
        #expect(try await store.get(empty, range: nil) == [])
        #expect(try await store.head(empty).size == 0)
    }

    static func rangedGets(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("hundred")
        let bytes = (0..<100).map { UInt8($0) }
        try await store.put(path, bytes)
        let cases: [(ByteRange, ArraySlice<UInt8>)] = [
            (.bounded(10..<20), bytes[10..<20]),
            (.bounded(0..<1), bytes[0..<1]),
            (.from(90), bytes[90...]),
            (.from(0), bytes[...]),
            (.suffix(5), bytes[95...]),
            (.suffix(500), bytes[...]),
            (.bounded(95..<200), bytes[95...]),
            (.from(100), []),
            (.bounded(150..<160), []),
        ]
        for (range, expected) in cases {
            #expect(try await store.get(path, range: range) == Array(expected), "\(range)")
        }
    }

    static func missingObjects(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("never-written")
        await expectError(.notFound, "get") { try await store.get(path, range: nil) }
        await expectError(.notFound, "ranged get") { try await store.get(path, range: .bounded(0..<10)) }
        await expectError(.notFound, "head") { try await store.head(path) }
        await expectError(.notFound, "copy") { try await store.copy(from: path, to: base.appending("copy")) }
        await expectError(.notFound, "copy destination") { try await store.head(base.appending("copy")) }
    }

    /// Sixteen writers create one commit file at once: exactly one wins, the others learn they lost, and
    /// the file holds the winner's bytes.
    static func putIfAbsentRace(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("_delta_log/00000000000000000001.json")
        let outcomes = await withTaskGroup(of: (Int, ObjectStoreError?).self) { group in
            for writer in 0..<16 {
                group.addTask {
                    do {
                        try await store.putIfAbsent(path, Array("writer \(writer)".utf8))
                        return (writer, nil)
                    } catch let error as ObjectStoreError {
                        return (writer, error)
                    } catch {
                        return (writer, ObjectStoreError(.io, detail: "not an ObjectStoreError: \(error)"))
                    }
                }
            }
            var outcomes: [(Int, ObjectStoreError?)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        // A writer whose answer was lost (`unknownOutcome`, when a server drops a connection after reading the
        // request) does what the contract asks of callers: it reads what landed. It won if the bytes are its own.
        let landed = try await store.get(path, range: nil)
        var winners = outcomes.filter { $0.1 == nil }.map(\.0)
        for (writer, error) in outcomes where error?.kind == .unknownOutcome && landed == Array("writer \(writer)".utf8) {
            winners.append(writer)
        }
        #expect(winners.count == 1, "winners: \(winners)")
        for (writer, error) in outcomes where error != nil {
            #expect(
                error?.kind == .alreadyExists || error?.kind == .unknownOutcome,
                "writer \(writer): \(String(describing: error))"
            )
        }
        let winner = try #require(winners.first)
        #expect(landed == Array("writer \(winner)".utf8))

        // The late writer must lose. A lost answer is allowed on the same terms as above: reading back must
        // then show the winner's bytes, never the late writer's.
        do {
            try await store.putIfAbsent(path, Array("late".utf8))
            Issue.record("late writer: expected alreadyExists, the create succeeded")
        } catch let error as ObjectStoreError {
            #expect(error.kind == .alreadyExists || error.kind == .unknownOutcome, "late writer: \(error)")
        }
        #expect(try await store.get(path, range: nil) == Array("writer \(winner)".utf8))
    }

    /// The race of `putIfAbsentRace`, `rounds` times on fresh keys: a store that lets two writers win even
    /// once in a while would corrupt a table's log.
    static func putIfAbsentRaces(_ store: any ObjectStore, rounds: Int) async throws {
        let base = try ObjectPath("races-" + UUID().uuidString.lowercased())
        for round in 0..<rounds {
            try await putIfAbsentRace(store, base.appending("round-\(round)"))
        }
        try await removeAll(under: base, in: store)
    }

    /// A streaming upload of `megabytes` MiB written in uneven pieces, read back in full and by range.
    static func largeUpload(_ store: any ObjectStore, megabytes: Int) async throws {
        let path = try ObjectPath("large-" + UUID().uuidString.lowercased() + "/object.bin")
        let piece = pseudoRandomBytes(count: 3 * 1024 * 1024 + 17, seed: 11)
        let total = megabytes * 1024 * 1024
        let upload = try await store.upload(path)
        var written = 0
        while written < total {
            let count = min(piece.count, total - written)
            try await upload.write(Array(piece[..<count]))
            written += count
        }
        let meta = try await upload.complete()
        #expect(meta.size == Int64(total))
        let bytes = try await store.get(path, range: nil)
        #expect(bytes.count == total)
        let pieceAt = { (offset: Int) in piece[offset % piece.count] }
        #expect((0..<1000).allSatisfy { bytes[$0 * (total / 1000)] == pieceAt($0 * (total / 1000)) })
        let tailStart = Int64(total - 5000)
        #expect(try await store.get(path, range: .suffix(5000)) == (Int(tailStart)..<total).map(pieceAt))
        try await store.delete(path)
    }

    /// For an empty store that lists two entries per page: objects and folded prefixes alike fill the pages.
    static func twoEntriesPerPage(_ store: any ObjectStore) async throws {
        for key in ["e", "d/1", "c", "b/1", "a"] { try await store.put(ObjectPath(key), [0]) }
        let listing = try await CollectedListing(store.list(prefix: nil, delimiter: false))
        #expect(listing.pages.map(\.objects.count) == [2, 2, 1])
        #expect(listing.keys == ["a", "b/1", "c", "d/1", "e"])
        let folded = try await CollectedListing(store.list(prefix: nil, delimiter: true))
        #expect(folded.pages.map { $0.objects.count + $0.commonPrefixes.count } == [2, 2, 1])
        #expect(folded.keys == ["a", "c", "e"])
        #expect(folded.commonPrefixes == ["b", "d"])
    }

    static func listing(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let keys = ["a/b/1", "a/b/2", "a/b/deep/3", "a/bc", "a/c/4", "a-x", "a0", "z"]
        for key in keys { try await store.put(base.appending(key), Array(key.utf8)) }
        func full(_ keys: [String]) -> [String] { sortedByBytes(keys.map { base.rawValue + "/" + $0 }) }

        let everything = try await CollectedListing(store.list(prefix: base, delimiter: false))
        #expect(everything.keys == full(keys))
        #expect(everything.commonPrefixes == [])
        for meta in everything.objects {
            #expect(meta.size == Int64(meta.path.rawValue.utf8.count - base.rawValue.utf8.count - 1))
        }

        let underB = try await CollectedListing(store.list(prefix: base.appending("a/b"), delimiter: false))
        #expect(underB.keys == full(["a/b/1", "a/b/2", "a/b/deep/3"]), "`a/b` must not list `a/bc`")

        let top = try await CollectedListing(store.list(prefix: base, delimiter: true))
        #expect(top.keys == full(["a-x", "a0", "z"]))
        #expect(top.commonPrefixes == full(["a"]))

        let level = try await CollectedListing(store.list(prefix: base.appending("a"), delimiter: true))
        #expect(level.keys == full(["a/bc"]))
        #expect(level.commonPrefixes == full(["a/b", "a/c"]))

        let leaf = try await CollectedListing(store.list(prefix: base.appending("a/b"), delimiter: true))
        #expect(leaf.keys == full(["a/b/1", "a/b/2"]))
        #expect(leaf.commonPrefixes == full(["a/b/deep"]))

        let nothing = try await CollectedListing(store.list(prefix: base.appending("no/such/prefix"), delimiter: true))
        #expect(nothing.keys == [])
        #expect(nothing.commonPrefixes == [])
    }

    static func deletion(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let (x, y, z) = try (base.appending("x"), base.appending("sub/y"), base.appending("sub/z"))
        for path in [x, y, z] { try await store.put(path, Array(path.rawValue.utf8)) }
        try await store.delete(x)
        await expectError(.notFound, "deleted object") { try await store.head(x) }
        #expect(try await store.get(y, range: nil) == Array(y.rawValue.utf8))

        try await store.delete([y, z, base.appending("sub/missing")])
        await expectError(.notFound, "deleted y") { try await store.head(y) }
        await expectError(.notFound, "deleted z") { try await store.head(z) }
        try await store.delete(base.appending("missing"))
        try await store.delete([])
        let left = try await CollectedListing(store.list(prefix: base, delimiter: true))
        #expect(left.keys == [])
        #expect(left.commonPrefixes == [], "a prefix whose objects are all deleted is gone")
    }

    static func copying(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let (source, other, destination) = try (base.appending("source"), base.appending("other"),
                                                base.appending("nested/destination"))
        let sourceBytes = pseudoRandomBytes(count: 70_000, seed: 2)
        try await store.put(source, sourceBytes)
        try await store.put(other, Array("other".utf8))
        try await store.copy(from: source, to: destination)
        #expect(try await store.get(destination, range: nil) == sourceBytes)
        try await store.copy(from: other, to: destination)
        #expect(try await store.get(destination, range: nil) == Array("other".utf8), "copy replaces")
        #expect(try await store.get(source, range: nil) == sourceBytes, "source unchanged")
    }

    static func multipartComplete(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("big.bin")
        let parts = [pseudoRandomBytes(count: 100_000, seed: 3), [7], pseudoRandomBytes(count: 250_000, seed: 4)]
        let upload = try await store.upload(path)
        for part in parts { try await upload.write(part) }
        await expectError(.notFound, "before complete") { try await store.head(path) }
        #expect(try await CollectedListing(store.list(prefix: base, delimiter: false)).keys == [])
        let meta = try await upload.complete()
        let expected = parts.flatMap { $0 }
        #expect(meta.path == path)
        #expect(meta.size == Int64(expected.count))
        #expect(try await store.get(path, range: nil) == expected)
        #expect(try await CollectedListing(store.list(prefix: base, delimiter: false)).keys == [path.rawValue])
    }

    static func multipartAbort(_ store: any ObjectStore, _ base: ObjectPath) async throws {
        let path = try base.appending("discarded.bin")
        let upload = try await store.upload(path)
        try await upload.write(pseudoRandomBytes(count: 10_000, seed: 5))
        try await upload.abort()
        await expectError(.notFound, "after abort") { try await store.head(path) }
        let left = try await CollectedListing(store.list(prefix: base, delimiter: true))
        #expect(left.keys == [])
        #expect(left.commonPrefixes == [])
    }

    static func removeAll(under base: ObjectPath, in store: any ObjectStore) async throws {
        let keys = try await CollectedListing(store.list(prefix: base, delimiter: false)).objects.map(\.path)
        try await store.delete(keys)
    }
}

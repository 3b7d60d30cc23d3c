import Foundation
import LaminarObjectStore
import Testing

/// Expects `body` to throw an `ObjectStoreError` of `kind`; any other outcome is recorded as an issue.
func expectError<T>(_ kind: ObjectStoreError.Kind, _ note: String = "",
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ body: () async throws -> T) async {
    do {
        let value = try await body()
        Issue.record("expected \(kind) \(note), got \(value)", sourceLocation: sourceLocation)
    } catch let error as ObjectStoreError {
        #expect(error.kind == kind, "\(note): \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected ObjectStoreError \(kind) \(note), got \(error)", sourceLocation: sourceLocation)
    }
}

/// Deterministic bytes that no codec or store could produce by accident (an LCG, as in CompressionTests).
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed &+ 0x1234_5678
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

/// Keys in the byte order every cloud store lists in, computed independently of the stores' own sorting.
func sortedByBytes(_ keys: [String]) -> [String] {
    keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
}

/// Every page of a listing, and its objects and common prefixes in the order the pages gave them.
struct CollectedListing {
    var pages: [ListPage] = []
    var keys: [String] { pages.flatMap { $0.objects.map(\.path.rawValue) } }
    var objects: [ObjectMeta] { pages.flatMap(\.objects) }
    var commonPrefixes: [String] { pages.flatMap { $0.commonPrefixes.map(\.rawValue) } }

    init(_ listing: ObjectListing) async throws {
        for try await page in listing { pages.append(page) }
    }
}

/// Runs `body` with a fresh directory under the system's temporary directory and removes it afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.path + "/laminar-objectstore-" + UUID().uuidString.lowercased()
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// The paths of all files and directories below `directory`, relative to it, read with FileManager rather
/// than the store.
func entriesOnDisk(_ directory: String) -> [String] {
    (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
}

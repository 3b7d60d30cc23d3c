import Foundation
import LaminarDelta
import LaminarObjectStore
import LaminarTestSupport
import Testing

/// Log replay against delta-rs: the active files of every golden table, read from JSON commits, classic and
/// multi-part checkpoints.
@Suite struct SnapshotTests {
    static func load(_ table: URL) async throws -> Snapshot {
        try await DeltaLog(store: LocalObjectStore(root: table.path), location: table.path).snapshot()
    }

    static func replayJSONLog(_ table: URL) throws -> Snapshot {
        let log = table.appendingPathComponent("_delta_log")
        var commits: [(version: Int64, actions: [DeltaAction])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: log.path).sorted() {
            guard let version = CommitFile.version(ofName: name[...]) else { continue }
            commits.append((version, try CommitFile.decode(Array(try Data(contentsOf: log.appendingPathComponent(name))), name: name)))
        }
        return try Snapshot.replay(commits)
    }

    @Test func activeFilesMatchDeltaRs() async throws {
        let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")
        let tables = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
            .filter { $0 != "deltalog-invalid-protocol-version" }
        let output = try InteropEnvironment.runPython("""
            import json, os, sys
            from urllib.parse import unquote, urlparse
            from deltalake import DeltaTable
            result = {}
            for path in sys.argv[1:]:
                try:
                    table = DeltaTable(path)
                    uris = [unquote(urlparse(uri).path) if "://" in uri else uri for uri in table.file_uris()]
                    # Real paths on both sides: the golden folder may be reached through a symbolic link.
                    root = os.path.realpath(path)
                    files = sorted(os.path.relpath(os.path.realpath(uri), root) for uri in uris)
                    result[path] = {"version": table.version(), "files": files}
                except Exception as error:
                    result[path] = {"error": str(error)}
            print(json.dumps(result))
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: tables.map { root.appendingPathComponent($0).path })
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        var compared = 0
        for table in tables {
            let path = root.appendingPathComponent(table)
            guard let expected = reference[path.path], let files = expected["files"] as? [String],
                  let version = expected["version"] as? Int else { continue }
            let snapshot = try await Self.load(path)
            #expect(snapshot.version == Int64(version), "\(table)")
            let ours = Set(snapshot.files.values.map { $0.path.removingPercentEncoding ?? $0.path })
            #expect(ours == Set(files), "\(table)")
            compared += 1
        }
        #expect(compared >= 11, "delta-rs opened only \(compared) of \(tables.count) tables: \(reference)")
    }

    @Test func theNewestTransactionPerWriterWins() throws {
        func commit(_ json: String) throws -> [DeltaAction] { try CommitFile.decode(Array(json.utf8), name: "test") }
        let snapshot = try Snapshot.replay([
            (0, try commit(#"{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}"# + "\n" + #"{"metaData":{"id":"t","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":[],"configuration":{}}}"#)),
            (1, try commit(#"{"txn":{"appId":"sink-a","version":7}}"# + "\n" + #"{"add":{"path":"a.parquet","partitionValues":{},"size":1,"modificationTime":1,"dataChange":true}}"#)),
            (2, try commit(#"{"txn":{"appId":"sink-b","version":3}}"# + "\n" + #"{"remove":{"path":"a.parquet","deletionTimestamp":2,"dataChange":true}}"#)),
            (3, try commit(#"{"txn":{"appId":"sink-a","version":8}}"#)),
        ])
        #expect(snapshot.version == 3)
        #expect(snapshot.transactionVersion(appId: "sink-a") == 8)
        #expect(snapshot.transactionVersion(appId: "sink-b") == 3)
        #expect(snapshot.transactionVersion(appId: "sink-c") == nil)
        #expect(snapshot.files.isEmpty)
        #expect(snapshot.tombstones.keys.sorted() == ["a.parquet"])
        #expect(throws: DeltaError.self) { try Snapshot.replay([(1, [])]) }
    }

    /// Checkpointed tables: the checkpoint is what the snapshot starts from, and the transactions recorded in
    /// it are delta-rs's too.
    @Test func checkpointsAreRead() async throws {
        let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")
        for table in ["multi-part-checkpoint", "simple_table_with_checkpoint", "dv-partitioned-with-checkpoint"] {
            let path = root.appendingPathComponent(table)
            let log = DeltaLog(store: try LocalObjectStore(root: path.path), location: path.path)
            let listing = try await log.listing()
            let checkpoint = try #require(listing.checkpoint(atOrBefore: .max), "\(table)")
            let snapshot = try await log.snapshot()
            #expect(snapshot.version >= checkpoint.version)
            #expect(snapshot.metadata != nil && snapshot.protocolVersions != nil, "\(table)")
            #expect(!snapshot.files.isEmpty, "\(table)")
        }
    }

    /// A checkpoint written from a snapshot reads back as the same snapshot.
    @Test func checkpointRoundTrip() async throws {
        let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")
        for table in ["dv-partitioned-with-checkpoint", "data-reader-partition-values", "cdf-table"] {
            let path = root.appendingPathComponent(table)
            let snapshot = try await Self.load(path)
            let actions = snapshot.checkpointActions(tombstonesAfter: 0)
            let bytes = try await CheckpointFile.encode(actions)
            let decoded = try CheckpointFile.decode(bytes, name: "\(table) checkpoint")
            let reread = Snapshot(checkpoint: decoded, version: snapshot.version)
            #expect(reread.files == snapshot.files, "\(table)")
            #expect(reread.metadata == snapshot.metadata, "\(table)")
            #expect(reread.protocolVersions == snapshot.protocolVersions, "\(table)")
            #expect(reread.transactions == snapshot.transactions, "\(table)")
            #expect(reread.tombstones.keys.sorted() == snapshot.tombstones.keys.sorted(), "\(table)")
        }
    }
}

import Foundation
import LaminarDelta
import LaminarTestSupport
import Testing

/// Log replay against delta-rs: the active files of every golden table whose JSON log starts at version 0.
@Suite struct SnapshotTests {
    static func replayJSONLog(_ table: URL) throws -> Snapshot {
        let log = table.appendingPathComponent("_delta_log")
        var commits: [(version: Int64, actions: [DeltaAction])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: log.path).sorted() {
            guard let version = CommitFile.version(ofName: name[...]) else { continue }
            commits.append((version, try CommitFile.decode(Array(try Data(contentsOf: log.appendingPathComponent(name))), name: name)))
        }
        return try Snapshot.replay(commits)
    }

    @Test func activeFilesMatchDeltaRs() throws {
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
            """, arguments: tables.map { root.appendingPathComponent($0).path })
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        var compared = 0
        for table in tables {
            let path = root.appendingPathComponent(table)
            guard let expected = reference[path.path], let files = expected["files"] as? [String],
                  let version = expected["version"] as? Int else { continue }
            let snapshot = try Self.replayJSONLog(path)
            #expect(snapshot.version == Int64(version), "\(table)")
            let ours = Set(snapshot.files.values.map { $0.path.removingPercentEncoding ?? $0.path })
            #expect(ours == Set(files), "\(table)")
            compared += 1
        }
        #expect(compared >= 8, "delta-rs opened only \(compared) of \(tables.count) tables: \(reference)")
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
}

import Foundation
import LaminarArrow
import LaminarDelta
import LaminarObjectStore
import LaminarParquet
import Testing

/// Writing tables through `DeltaTable` alone: commits racing for versions, lost answers, conflicts,
/// checkpoints and log cleanup, on an in-memory store (the protocol is the same on any store).
@Suite struct DeltaTableWriteTests {
    static let schema = Schema([Field(name: "id", type: .int64), Field(name: "name", type: .utf8)])

    static func append(_ path: String, writer: String? = nil, version: Int64 = 0) -> CommitRequest {
        CommitRequest(actions: [.add(AddFile(path: path, size: 10, modificationTime: 1))], operation: "WRITE",
                      appTransaction: writer.map { TransactionAction(appId: $0, version: version) }, isBlindAppend: true)
    }

    @Test func racingWritersEachGetTheirOwnVersions() async throws {
        let store = try InMemoryObjectStore()
        _ = try await DeltaTable.create(store: store, location: "memory", schema: Self.schema)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<6 {
                group.addTask {
                    var table = try await DeltaTable.open(store: store, location: "memory")
                    for epoch in 1...4 {
                        let outcome = try await table.commit(Self.append("w\(writer)-\(epoch).parquet", writer: "w\(writer)", version: Int64(epoch)))
                        guard case .committed = outcome else { throw DeltaError(.conflict, "writer \(writer) epoch \(epoch): \(outcome)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let snapshot = try await DeltaLog(store: store, location: "memory").snapshot()
        #expect(snapshot.version == 24)
        #expect(snapshot.files.count == 24)
        for writer in 0..<6 { #expect(snapshot.transactionVersion(appId: "w\(writer)") == 4) }
    }

    @Test func aLostAnswerIsResolvedByReadingTheVersionBack() async throws {
        let faulty = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore())
        var table = try await DeltaTable.create(store: faulty, location: "memory", schema: Self.schema)
        faulty.setRules([FaultRule(.failAfterWrite(.unknownOutcome), on: [.putIfAbsent], trigger: .nextCalls(1))])
        let outcome = try await table.commit(Self.append("a.parquet", writer: "sink", version: 1))
        #expect(outcome == .committed(version: 1))
        #expect(faulty.injectedFaults(for: .putIfAbsent).failedAfterWrite == 1)
        let log = DeltaLog(store: faulty, location: "memory")
        #expect(try await log.latestVersion() == 1)
        // Retrying the same checkpoint finds it in the table and writes nothing.
        var reopened = try await DeltaTable.open(store: faulty, location: "memory")
        #expect(try await reopened.commit(Self.append("a-again.parquet", writer: "sink", version: 1)) == .alreadyCommitted)
        #expect(try await log.latestVersion() == 1)
    }

    @Test func aConcurrentSchemaChangeIsAConflict() async throws {
        let store = try InMemoryObjectStore()
        var mine = try await DeltaTable.create(store: store, location: "memory", schema: Self.schema)
        var theirs = try await DeltaTable.open(store: store, location: "memory")
        var metadata = try theirs.metadata
        metadata.schemaString = try DeltaSchema.json(for: Schema(Self.schema.fields + [Field(name: "extra", type: .int32)]))
        _ = try await theirs.commit(CommitRequest(actions: [.metadata(metadata)], operation: "ADD COLUMNS", isBlindAppend: false))
        let error = await #expect(throws: DeltaError.self) { try await mine.commit(Self.append("a.parquet")) }
        #expect(error?.kind == .conflict)
        #expect(error?.message.contains("metadata") == true)
    }

    @Test func checkpointsAndLogCleanupKeepEveryVersionRebuildable() async throws {
        let store = try InMemoryObjectStore()
        var table = try await DeltaTable.create(store: store, location: "memory", schema: Self.schema,
                                                configuration: ["delta.checkpointInterval": "5", "delta.logRetentionDuration": "interval 1 hour"])
        var checkpointed: [Int64] = []
        for index in 1...12 {
            _ = try await table.commit(Self.append("f\(index).parquet", writer: "sink", version: Int64(index)))
            if try await table.checkpointIfDue() { checkpointed.append(table.version) }
        }
        #expect(checkpointed == [5, 10])
        let log = DeltaLog(store: store, location: "memory")
        #expect(await log.lastCheckpoint()?.version == 10)
        try await table.cleanUpExpiredLogs(now: Date().addingTimeInterval(7200))
        let listing = try await log.listing()
        #expect(listing.commits.keys.sorted() == Array(10...12))
        #expect(listing.checkpointVersions == [10])
        let snapshot = try await log.snapshot()
        #expect(snapshot.version == 12)
        #expect(Set(snapshot.files.keys) == Set((1...12).map { "f\($0).parquet" }))
        #expect(snapshot.transactionVersion(appId: "sink") == 12)
        await #expect(throws: DeltaError.self) { try await log.snapshot(version: 9) }
    }

    @Test func partitionDirectoriesAndPathsMatchSparksEscaping() throws {
        // Directory names Spark wrote in the golden tables, and the values behind them.
        #expect(PartitionPath.directory(column: "_2", value: "bar+%21") == "_2=bar+%2521")
        #expect(PartitionPath.directory(column: "tsNtzPartition", value: "2013-07-05 17:01:00.123456")
                == "tsNtzPartition=2013-07-05 17%3A01%3A00.123456")
        #expect(PartitionPath.directory(column: "x", value: "A/A") == "x=A%2FA")
        #expect(PartitionPath.directory(column: "p", value: nil) == "p=__HIVE_DEFAULT_PARTITION__")
        // `add.path` is decoded exactly once by readers: Spark's own spellings decode to the directory.
        #expect(PartitionPath.uriDecode("_2=bar+%252521/part-0.parquet") == "_2=bar+%2521/part-0.parquet")
        #expect(PartitionPath.uriDecode("x=B%2520B/f.parquet") == "x=B%20B/f.parquet")
        for value in ["a b", "100%", "k=v", "héllo ✓", "x/y", "#?*[]{}^\\'\""] {
            let key = PartitionPath.directory(column: "p", value: value) + "/f.parquet"
            #expect(PartitionPath.uriDecode(PartitionPath.uriEncode(key)) == key)
            #expect(!PartitionPath.uriEncode(key).contains(" "))
        }
        #expect(PartitionPath.uriDecode("bad%2") == nil)
    }

    @Test func statisticsDescribeEachFile() async throws {
        let store = try InMemoryObjectStore()
        let schema = Schema([
            Field(name: "id", type: .int64), Field(name: "name", type: .utf8),
            Field(name: "ts", type: .timestamp(.microsecond, timeZone: "UTC")), Field(name: "part", type: .utf8),
        ])
        let long = String(repeating: "z", count: 40)
        let batch = try RecordBatch(schema: schema, columns: [
            Int64Array([5, nil, -3, 12]), StringArray(["b", "a", nil, long]),
            Int64Array([1_500_000, 2_000_999, nil, 500], type: .timestamp(.microsecond, timeZone: "UTC")),
            StringArray(["p", "p", "q", "p"]),
        ])
        let writer = try DataFileWriter(store: store, schema: schema, partitionColumns: ["part"], targetFileSize: 1 << 20,
                                        parquetOptions: ParquetWriterOptions(), indexedColumns: 32, namePrefix: "t")
        try await writer.write(batch)
        let files = try await writer.finish()
        #expect(files.count == 2)
        let p = try #require(files.first { $0.add.partitionValues["part"] == .some("p") })
        #expect(p.rowCount == 3)
        #expect(p.add.path.hasPrefix("part=p/part-00001-t-"))
        let stats = try #require(try JSONSerialization.jsonObject(with: Data((p.add.stats ?? "").utf8)) as? [String: Any])
        #expect(stats["numRecords"] as? Int == 3)
        let minimums = try #require(stats["minValues"] as? [String: Any])
        let maximums = try #require(stats["maxValues"] as? [String: Any])
        let nulls = try #require(stats["nullCount"] as? [String: Any])
        #expect(minimums["id"] as? Int == 5 && maximums["id"] as? Int == 12)
        #expect(minimums["name"] as? String == "a")
        #expect(maximums["name"] as? String == String(repeating: "z", count: 32) + "\u{10FFFF}")
        #expect(minimums["ts"] as? String == "1970-01-01T00:00:00.000Z")
        #expect(maximums["ts"] as? String == "1970-01-01T00:00:02.000Z")
        #expect(nulls["id"] as? Int == 1 && nulls["name"] as? Int == 0 && nulls["ts"] as? Int == 0)
        #expect(minimums["part"] == nil)
        // `delta.dataSkippingNumIndexedCols` limits the columns described.
        var first = FileStatisticsCollector(schema: Schema(Array(schema.fields.prefix(3))), indexedColumns: 1)
        first.add(try RecordBatch(schema: Schema(Array(schema.fields.prefix(3))), columns: Array(batch.columns.prefix(3))))
        let limited = try #require(try JSONSerialization.jsonObject(with: Data(first.json().utf8)) as? [String: Any])
        #expect((limited["nullCount"] as? [String: Any])?.keys.sorted() == ["id"])
        #expect((limited["minValues"] as? [String: Any])?.keys.sorted() == ["id"])
        // The file itself holds the data columns only, and reads back.
        let key = try #require(PartitionPath.uriDecode(p.add.path))
        let bytes = try await store.get(try ObjectPath(key), range: nil)
        let read = try ParquetFileReader(bytes: bytes, name: key)
        #expect(read.arrowSchema.fields.map(\.name) == ["id", "name", "ts"])
        #expect(read.rowCount == 3)
    }

    @Test func tablePropertiesParseSparksIntervals() throws {
        let properties = try TableProperties([
            "delta.logRetentionDuration": "interval 2 days 3 hours", "delta.deletedFileRetentionDuration": "interval 1 week",
            "delta.checkpointInterval": "7", "delta.dataSkippingNumIndexedCols": "-1", "delta.enableChangeDataFeed": "TRUE",
        ])
        #expect(properties.logRetentionMillis == (2 * 24 + 3) * 3_600_000)
        #expect(properties.deletedFileRetentionMillis == 7 * 86_400_000)
        #expect(properties.checkpointInterval == 7)
        #expect(properties.dataSkippingNumIndexedCols == -1)
        #expect(properties.enableChangeDataFeed)
        #expect(throws: DeltaError.self) { try TableProperties(["delta.logRetentionDuration": "interval 2 fortnights"]) }
        #expect(throws: DeltaError.self) { try TableProperties(["delta.checkpointInterval": "0"]) }
    }
}

import Foundation
import LaminarArrow
import LaminarConnectors
import LaminarCore
import LaminarParquet
import LaminarSQL
import LaminarStorage
import LaminarTestSupport
import Testing

/// Each ordering hazard of the two-phase commit, forced by a checkpoint store that "crashes" at one step
/// of one checkpoint; a second run over the real store must then deliver every row exactly once.
@Suite struct CheckpointRecoveryTests {
    enum Step: Sendable { case saveState, writeManifest, markComplete, markFinalized }

    /// The real store, failing once at `step` of checkpoint `checkpoint`, as a crash there would.
    struct CrashingStorage: CheckpointStorage {
        let inner: CheckpointStore
        let checkpoint: Int64
        let step: Step

        private func crash(_ id: Int64, _ here: Step) throws(EngineError) {
            if id == checkpoint && here == step { throw EngineError(.invalidState, "injected crash at \(here) of checkpoint \(id)") }
        }

        func recover() async throws(EngineError) -> RecoveryPlan { try await inner.recover() }
        func saveState(_ state: OperatorState, checkpointID: Int64, operator index: Int) async throws(EngineError) -> StateReference {
            let reference = try await inner.saveState(state, checkpointID: checkpointID, operator: index)
            try crash(checkpointID, .saveState)
            return reference
        }
        func loadState(_ reference: StateReference) async throws(EngineError) -> OperatorState { try await inner.loadState(reference) }
        func writeManifest(_ manifest: CheckpointManifest) async throws(EngineError) {
            try await inner.writeManifest(manifest)
            try crash(manifest.checkpointID, .writeManifest)
        }
        func markComplete(_ id: Int64) async throws(EngineError) {
            try crash(id, .markComplete)
            try await inner.markComplete(id)
        }
        func markFinalized(_ id: Int64) async throws(EngineError) {
            try crash(id, .markFinalized)
            try await inner.markFinalized(id)
        }
        func discard(_ id: Int64) async throws(EngineError) { try await inner.discard(id) }
        func prune(keeping: Int) async throws(EngineError) { try await inner.prune(keeping: keeping) }
    }

    struct Catalog: PlanningCatalog {
        let source: SourceDescriptor
        func relation(named name: String) -> CatalogRelation? { name == source.name ? .source(source) : nil }
    }

    /// A bounded generator of `rows` ids in batches of 100, with an event time advancing 10 ms per row.
    private func generator(rows: Int) async throws -> any PreparedSource {
        try await GeneratorConnector().prepare(SourceDefinition(
            name: "g",
            columns: Schema([Field(name: "id", type: .int64), Field(name: "ts", type: .timestamp(.microsecond, timeZone: nil))]),
            options: [WithOption("type", .string("generator")), WithOption("max_rows", .number(String(rows))),
                      WithOption("batch_size", .number("100")), WithOption("fields.id.kind", .string("sequence")),
                      WithOption("fields.ts.step", .string("10 ms"))]))
    }

    private func plan(_ sql: String, over source: any PreparedSource, watermark: Bool) throws -> LogicalPlan {
        var descriptor = SourceDescriptor(name: "g", schema: source.schema, isBounded: source.isBounded)
        if watermark {
            descriptor.watermark = try QueryPlanner.watermark(
                Watermark(column: "ts", expression: try Parser.parseExpression("ts")), schema: source.schema, source: "g")
        }
        return try QueryPlanner(catalog: Catalog(source: descriptor)).plan(try Parser.parseQuery(sql))
    }

    /// Runs the query into a Parquet directory, checkpointing after every batch.
    private func run(_ plan: LogicalPlan, _ source: any PreparedSource, output: String, storage: any CheckpointStorage)
        async throws
    {
        let sink = try await ParquetSinkConnector().prepare(
            name: "out", schema: plan.schema,
            options: [WithOption("type", .string("parquet")), WithOption("path", .string(output))]).makeSink()
        let pipeline = Pipeline(plan: plan, source: try await source.makeReader(), sink: sink,
                                checkpointing: Checkpointing(pipeline: "out", storage: storage, interval: .zero))
        try await pipeline.run()
    }

    /// Every committed row, as the first column and the rest.
    private func committed(_ output: String) async throws -> [[ScalarValue]] {
        var rows: [[ScalarValue]] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: output).sorted() where !name.hasPrefix(".") {
            for batch in try await ParquetFileReader(path: "\(output)/\(name)").read() {
                rows += (0..<batch.rowCount).map { batch.row($0) }
            }
        }
        return rows
    }

    @Test(arguments: [Step.saveState, .writeManifest, .markComplete, .markFinalized])
    func aCrashAtAnyStepLosesAndRepeatsNothing(step: Step) async throws {
        let directory = try TemporaryDirectory()
        let source = try await generator(rows: 1000)
        // The LIMIT gives the pipeline a stateful operator, so checkpoints save state too.
        let plan = try plan("SELECT id FROM g WHERE id % 2 = 0 LIMIT 100000", over: source, watermark: false)
        let store = try CheckpointStore(directory: directory.file("state"), pipeline: "out")
        await #expect(throws: EngineError.self) {
            try await run(plan, source, output: directory.file("out"), storage: CrashingStorage(inner: store, checkpoint: 4, step: step))
        }
        let visible = try await committed(directory.file("out")).count
        #expect(visible == (step == .markFinalized ? 200 : 150), "rows visible after the crash")
        try await run(plan, source, output: directory.file("out"), storage: store)
        let ids = try await committed(directory.file("out")).map { $0[0] }
        let expected = stride(from: 0, to: 1000, by: 2).map { ScalarValue.int64(Int64($0)) }
        let exactlyOnce = ids.sorted { ($0.int64Value ?? 0) < ($1.int64Value ?? 0) } == expected
        #expect(exactlyOnce, "\(ids.count) rows committed, \(expected.count) expected")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.file("out")).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func windowStateSurvivesACrash() async throws {
        let directory = try TemporaryDirectory()
        let source = try await generator(rows: 3000)
        let sql = "SELECT window_start, count(*) AS n, sum(id) AS total FROM g GROUP BY TUMBLE(ts, INTERVAL '3' SECOND)"
        let plan = try plan(sql, over: source, watermark: true)
        let store = try CheckpointStore(directory: directory.file("state"), pipeline: "out")
        await #expect(throws: EngineError.self) {
            try await run(plan, source, output: directory.file("out"), storage: CrashingStorage(inner: store, checkpoint: 17, step: .markComplete))
        }
        try await run(plan, source, output: directory.file("out"), storage: store)
        let windows = try await committed(directory.file("out"))
        // 3,000 rows 10 ms apart: ten 3-second windows of 300 rows each, every one exactly once.
        #expect(windows.count == 10)
        #expect(Set(windows.map { $0[0] }).count == 10)
        #expect(windows.allSatisfy { $0[1] == .int64(300) })
        #expect(windows.reduce(Int64(0)) { $0 + ($1[2].int64Value ?? 0) } == Int64(2999 * 3000 / 2))
    }

    @Test func aCorruptManifestIsSkippedWithAWarning() async throws {
        let directory = try TemporaryDirectory()
        let source = try await generator(rows: 500)
        let plan = try plan("SELECT id FROM g", over: source, watermark: false)
        let store = try CheckpointStore(directory: directory.file("state"), pipeline: "out")
        try await run(plan, source, output: directory.file("out"), storage: store)
        let before = try await store.recover()
        let latest = try #require(before.latest)
        let manifest = directory.file("state/checkpoints/out/chk-\(String(repeating: "0", count: 20 - String(latest.checkpointID).count))\(latest.checkpointID)/manifest.json")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: manifest))
        bytes[bytes.count - 5] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: manifest))
        let after = try await store.recover()
        #expect(after.latest?.checkpointID == latest.checkpointID - 1)
        #expect(after.warnings.count == 1)
        #expect(after.warnings.first?.contains("checksum") == true)
    }
}

/// Rows pushed from Swift survive a crash: the write-ahead log replays what the last checkpoint had not
/// covered, and nothing twice.
@Suite struct PushReplayTests {
    @Test func aRestartedPipelineReplaysTheLogFromItsCheckpoint() async throws {
        let directory = try TemporaryDirectory()
        let schema = Schema([Field(name: "id", type: .int64)])
        let definition = SourceDefinition(name: "events", columns: schema, options: [WithOption("type", .string("push"))],
                                          stateDirectory: directory.file("state"))
        let plan = LogicalPlan.scan(SourceDescriptor(name: "events", schema: schema, isBounded: false))
        let store = try CheckpointStore(directory: directory.file("state"), pipeline: "out")
        func sink() async throws -> any LakehouseSink {
            try await ParquetSinkConnector().prepare(
                name: "out", schema: schema,
                options: [WithOption("type", .string("parquet")), WithOption("path", .string(directory.file("out")))]).makeSink()
        }
        func batch(_ index: Int) throws -> RecordBatch {
            try RecordBatch(schema: schema, columns: [Int64Array(values: (0..<100).map { Int64(index * 100 + $0) })])
        }

        // First life: checkpoints after every batch; the one after the third batch crashes before completing.
        let first = try #require(try await PushSourceConnector().prepare(definition) as? PushSource)
        let crashing = CheckpointRecoveryTests.CrashingStorage(inner: store, checkpoint: 3, step: .markComplete)
        let doomed = Unchecked(Pipeline(plan: plan, source: try await first.makeReader(), sink: try await sink(),
                                        checkpointing: Checkpointing(pipeline: "out", storage: crashing, interval: .zero)))
        let run = Task { try await doomed.value.run() }
        for index in 0..<5 { try await first.push(try batch(index)) }
        await #expect(throws: EngineError.self) { try await run.value }
        for index in 5..<10 { try await first.push(try batch(index)) }

        // Second life: a new process opens the same log and store.
        let second = try #require(try await PushSourceConnector().prepare(definition) as? PushSource)
        let restarted = Unchecked(Pipeline(plan: plan, source: try await second.makeReader(), sink: try await sink(),
                                           checkpointing: Checkpointing(pipeline: "out", storage: store, interval: .zero)))
        let rerun = Task { try await restarted.value.run() }
        try await Task.sleep(for: .milliseconds(200))
        second.close()
        try await rerun.value

        var ids: [Int64] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.file("out")) where !name.hasPrefix(".") {
            for batch in try await ParquetFileReader(path: directory.file("out/\(name)")).read() {
                ids += (batch.columns[0] as? Int64Array)?.values.compactMap { $0 } ?? []
            }
        }
        let exactlyOnce = ids.sorted() == Array(0..<1000)
        #expect(exactlyOnce, "\(ids.count) rows committed for 1000 pushed")
    }
}

/// Hands a pipeline built here to the task that runs it; only that task uses it afterwards.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

import Foundation
import LaminarArrow
import LaminarCore
import LaminarStorage
import LaminarTestSupport
import Metrics
import MetricsTestKit
import Testing

/// The process-wide metrics backend of the tests: swift-metrics is bootstrapped once per process.
enum RecordedMetrics {
    static let shared: TestMetrics = {
        let metrics = TestMetrics()
        MetricsSystem.bootstrap(metrics)
        return metrics
    }()
}

@Suite struct CheckpointMetricsTests {
    /// Ten batches of ten rows.
    final class CountingSource: LakehouseSource {
        let schema = Schema([Field(name: "n", type: .int64)])
        var position: Int64 = 0
        func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) { position = checkpoint?.offset ?? 0 }
        func currentCheckpoint() -> SourceCheckpoint { SourceCheckpoint(offset: position) }
        func pollNext() async throws(EngineError) -> RecordBatch? {
            guard position < 100 else { return nil }
            defer { position += 10 }
            return try? RecordBatch(schema: schema, columns: [Int64Array(values: (position..<(position + 10)).map { $0 })])
        }
        func close() async {}
    }

    /// Keeps committed rows in memory; each prepared commit is one pretend file of 8 bytes per row.
    final class MemorySink: LakehouseSink {
        var pending = 0
        var committed = 0
        func initialize(schema: Schema) async throws(EngineError) {}
        func write(_ batch: RecordBatch) async throws(EngineError) { pending += batch.rowCount }
        func prepareCommit(checkpointID: Int64) async throws(EngineError) -> PreparedCommit {
            defer { pending = 0 }
            return PreparedCommit(sink: "memory", writerID: "memory", checkpointID: checkpointID, files: [
                DataFile(path: "epoch-\(checkpointID)", sizeBytes: Int64(pending * 8), rowCount: Int64(pending)),
            ])
        }
        func finalizeCommit(_ commit: PreparedCommit) async throws(EngineError) -> CommitInfo {
            committed += Int(commit.rowCount)
            return CommitInfo(checkpointID: commit.checkpointID, filesAdded: 1, rowsAdded: commit.rowCount, alreadyCommitted: false)
        }
        func abort(_ commit: PreparedCommit) async throws(EngineError) {}
        func close() async {}
    }

    @Test func checkpointsReportDurationsBytesAndRows() async throws {
        let metrics = RecordedMetrics.shared
        let directory = try TemporaryDirectory()
        let pipelineName = "metrics-\(UUID().uuidString.prefix(8))"
        let source = CountingSource()
        let plan = LogicalPlan.scan(SourceDescriptor(name: "n", schema: source.schema, isBounded: true))
        let sink = MemorySink()
        let storage = try CheckpointStore(directory: directory.path, pipeline: pipelineName)
        let pipeline = Pipeline(plan: plan, source: source, sink: sink,
                                checkpointing: Checkpointing(pipeline: pipelineName, storage: storage, interval: .zero))
        try await pipeline.run()
        #expect(sink.committed == 100)
        let dimensions = [("pipeline", pipelineName)]
        let checkpoints = try metrics.expectCounter("laminar_checkpoints_total", dimensions).totalValue
        // One after each of the ten batches, and the final one at the end of input.
        #expect(checkpoints == 11)
        #expect(try metrics.expectTimer("laminar_checkpoint_duration", dimensions).values.count == 11)
        #expect(try metrics.expectTimer("laminar_checkpoint_prepare_duration", dimensions).values.count == 11)
        #expect(try metrics.expectTimer("laminar_checkpoint_finalize_duration", dimensions).values.count == 11)
        #expect(try metrics.expectCounter("laminar_checkpoint_committed_rows", dimensions).totalValue == 100)
        #expect(try metrics.expectCounter("laminar_checkpoint_committed_bytes", dimensions).totalValue == 800)
        #expect(pipeline.metrics.snapshot.lastCheckpoint == 11)
    }
}

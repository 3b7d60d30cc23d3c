import Foundation
import LaminarArrow
import LaminarCore
import LaminarObjectStore
import LaminarStorage
import LaminarTestSupport
import Testing

/// The checkpoint store on S3 (a moto server on loopback): checkpoints written by one pipeline are found,
/// checked and restored by the next, exactly as on local disk.
@Suite(.serialized) struct CheckpointStoreS3Tests {
    @Test func checkpointsOnS3RecoverAcrossRuns() async throws {
        let server = try TestServers.moto()
        defer { server.stop() }
        let bucket = "laminar-checkpoints"
        try InteropEnvironment.runPython("""
            import boto3, sys
            boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="moto", aws_secret_access_key="moto",
                         region_name="us-east-1").create_bucket(Bucket=sys.argv[2])
            """, arguments: [server.endpoint, bucket])
        let options = StorageOptions([
            "aws_endpoint_url": server.endpoint, "aws_allow_http": "true", "aws_region": "us-east-1",
            "aws_access_key_id": "moto", "aws_secret_access_key": "moto",
        ])
        func store() throws -> CheckpointStore {
            CheckpointStore(store: try ObjectStores.open("s3://\(bucket)/pipelines/totals", options: options))
        }

        let source = CheckpointMetricsTests.CountingSource()
        let plan = LogicalPlan.scan(SourceDescriptor(name: "n", schema: source.schema, isBounded: true))
            .limited(to: 1_000)
        let sink = CheckpointMetricsTests.MemorySink()
        try await Pipeline(plan: plan, source: source, sink: sink,
                           checkpointing: Checkpointing(pipeline: "totals", storage: try store(), interval: .zero)).run()
        #expect(sink.committed == 100)

        let recovered = try await store().recover()
        let latest = try #require(recovered.latest)
        #expect(latest.checkpointID == 11)
        #expect(recovered.latestFinalized)
        #expect(latest.source.offset == 100)
        #expect(latest.commits.first?.checkpointID == 11)
        // The LIMIT's counters were saved on S3 and come back intact.
        let state = try #require(latest.operators.values.first)
        let restored = try await store().loadState(state)
        #expect(restored.values["remaining"] == "900")
        // Only the newest three complete checkpoints are kept.
        var folders: Set<String> = []
        for try await page in try ObjectStores.open("s3://\(bucket)/pipelines/totals", options: options).list(prefix: nil, delimiter: true) {
            folders.formUnion(page.commonPrefixes.map(\.rawValue))
        }
        #expect(folders.count == 3)
    }
}

extension LogicalPlan {
    /// The plan with a `LIMIT` on top, to give the pipeline a stateful operator.
    func limited(to count: Int) -> LogicalPlan { .limit(self, limit: count, offset: 0) }
}

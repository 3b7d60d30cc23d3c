import Foundation
import LaminarDB

/// Checkpoint latency of a Parquet file sink behind a `GROUP BY` whose state holds `groups` groups:
/// from the barrier to the finalized commit, as the pipeline measures it, best and median of `runs`.
func measureCheckpointLatency(groups: Int, runs: Int) async throws -> (stateBytes: Int64, best: Double, median: Double) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("laminar-checkpoint-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let db = try await LaminarDB.open(directory: root + "/state")
    try await db.execute("""
        CREATE SOURCE readings (sensor BIGINT, value DOUBLE)
        WITH (type = 'generator', seed = 3, batch_size = 65536,
              'fields.sensor.min' = 0, 'fields.sensor.max' = \(groups - 1));
        CREATE SINK totals WITH (type = 'parquet', path = '\(root)/out', checkpoint_interval = '1 hour')
        AS SELECT sensor, count(*) AS n, sum(value) AS total FROM readings GROUP BY sensor;
        """)
    guard let sink = await db.sink("totals") else { throw EngineBenchmarkError.missingSink }
    // Fill the state: enough rows that practically every sensor has been seen.
    while sink.metrics.snapshot.rowsIn < groups * 4 { try await Task.sleep(for: .milliseconds(50)) }
    var durations: [Double] = []
    var stateBytes: Int64 = 0
    for _ in 0..<runs {
        _ = try await sink.checkpoint()
        let snapshot = sink.metrics.snapshot
        stateBytes = snapshot.lastCheckpointStateBytes
        if let duration = snapshot.lastCheckpointDuration { durations.append(seconds(duration)) }
    }
    await db.shutdown()
    durations.sort()
    return (stateBytes, durations.first ?? .nan, durations.isEmpty ? .nan : durations[durations.count / 2])
}

enum EngineBenchmarkError: Error {
    case missingSink
}

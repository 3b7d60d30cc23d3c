import Foundation
import LaminarTestSupport
import Testing

/// `laminar run` killed with SIGKILL at random moments and restarted until it finishes: DuckDB must then
/// find every input row exactly once in the committed output, and every window exactly once.
/// `LAMINAR_CRASH_KILLS` sets how many kills to aim for (the 30 locally; fewer by default).
@Suite(.serialized) struct CrashTests {
    /// Runs `laminar run script` in `directory`, killing it with SIGKILL at random moments until `kills` kills
    /// have landed, then lets it finish.
    static func runWithKills(_ script: String, in directory: TemporaryDirectory, kills wantedKills: Int, seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        var kills = 0
        var finished = false
        var history: [String] = []
        for attempt in 0..<(wantedKills * 3 + 10) {
            let process = Process()
            process.executableURL = CommandLineTests.laminar
            process.arguments = ["run", script, "--state-dir", "state", "--no-status", "--checkpoint-interval", "200 ms"]
            process.currentDirectoryURL = directory.url
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            let errors = directory.file("stderr-\(attempt).txt")
            #expect(FileManager.default.createFile(atPath: errors, contents: nil))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
            let killAfter = kills < wantedKills ? Double.random(in: 0.15...0.9, using: &random) : 120
            // The kill is timed by a dispatch timer and the exit awaited through the termination handler, so
            // a busy test scheduler can delay neither.
            let exited = AsyncStream<Void> { continuation in
                process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
            }
            try process.run()
            let pid = process.processIdentifier
            let killer = DispatchWorkItem { kill(pid, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: killer)
            for await _ in exited {}
            killer.cancel()
            if process.terminationReason == .uncaughtSignal {
                kills += 1
                history.append("killed after \(killAfter) s")
                continue
            }
            let log = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            history.append("exited \(process.terminationStatus) before \(killAfter) s: \(log)")
            #expect(process.terminationStatus == 0, "run \(attempt) failed: \(log)")
            finished = process.terminationStatus == 0
            break
        }
        #expect(finished)
        #expect(kills >= wantedKills, "only \(kills) kills landed before the run finished: \(history)")
    }

    static var wantedKills: Int { Int(ProcessInfo.processInfo.environment["LAMINAR_CRASH_KILLS"] ?? "") ?? 6 }

    @Test func killedRunsDeliverEveryRowExactlyOnce() async throws {
        let directory = try TemporaryDirectory()
        // Enough rows that the run outlives the kills: about 12,000 rows of progress per killed run.
        let rows = max(60_000, Self.wantedKills * 12_000 / 2_000 * 2_000)
        let script = directory.file("pipeline.sql")
        try """
            CREATE SOURCE events (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
            WITH (type = 'generator', max_rows = \(rows), rows_per_second = 20000, batch_size = 500,
                  'fields.id.kind' = 'sequence', 'fields.ts.step' = '1 ms');
            CREATE SINK copied WITH (type = 'parquet', path = 'out/copied', target_file_size = '64KB')
            AS SELECT id, id * 2 AS doubled FROM events;
            CREATE SINK windows WITH (type = 'parquet', path = 'out/windows')
            AS SELECT window_start, count(*) AS n, min(id) AS first_id FROM events GROUP BY TUMBLE(ts, INTERVAL '2' SECOND);
            CREATE SINK lake WITH (type = 'delta', location = 'out/lake', partition_by = 'bucket', checkpoint_interval = 4,
                                   target_file_size = '64KB')
            AS SELECT id, id * 2 AS doubled, id % 4 AS bucket FROM events;
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try await Self.runWithKills(script, in: directory, kills: Self.wantedKills, seed: 20261201)

        let check = try InteropEnvironment.runPython("""
            import json, sys
            from laminar_interop import duckdb_connect
            con = duckdb_connect()
            root = sys.argv[1]
            copied = con.sql(f"SELECT count(*), count(DISTINCT id), min(id), max(id), sum(doubled) FROM read_parquet('{root}/out/copied/*.parquet')").fetchone()
            windows = con.sql(f"SELECT count(*), count(DISTINCT window_start), sum(n), min(n), max(n) FROM read_parquet('{root}/out/windows/*.parquet')").fetchone()
            lake = con.sql(f"SELECT count(*), count(DISTINCT id), min(id), max(id), sum(doubled) FROM delta_scan('{root}/out/lake')").fetchone()
            from deltalake import DeltaTable
            table = DeltaTable(f"{root}/out/lake").to_pyarrow_table()
            ids = table.column("id").to_pylist()
            print(json.dumps({"copied": [int(v) for v in copied], "windows": [int(v) for v in windows],
                              "lake": [int(v) for v in lake], "delta_rs": [len(ids), len(set(ids))]}))
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: [directory.path])
        let result = try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: [Int]]
        let total = rows * (rows - 1)
        #expect(result?["copied"] == [rows, rows, 0, rows - 1, total])
        // Rows 1 ms apart: 2-second windows of 2,000 rows, each committed once.
        #expect(result?["windows"] == [rows / 2000, rows / 2000, rows, 2000, 2000])
        #expect(result?["lake"] == [rows, rows, 0, rows - 1, total])
        #expect(result?["delta_rs"] == [rows, rows])
    }

    /// The same with a Delta table on S3 (moto): commits that may or may not have landed when the process
    /// died are recognised by the table's `txn`.
    @Test func killedRunsWriteEveryRowOnceToDeltaOnS3() async throws {
        let server = try TestServers.moto()
        defer { server.stop() }
        try InteropEnvironment.runPython("""
            import boto3, sys
            boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="moto", aws_secret_access_key="moto",
                         region_name="us-east-1").create_bucket(Bucket="crash")
            """, arguments: [server.endpoint])
        let directory = try TemporaryDirectory()
        let rows = max(40_000, Self.wantedKills * 8_000 / 1_000 * 1_000)
        let script = directory.file("pipeline.sql")
        try """
            CREATE SOURCE events (id BIGINT) WITH (type = 'generator', max_rows = \(rows), rows_per_second = 15000,
                batch_size = 500, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = 's3://crash/lake', checkpoint_interval = 5,
                aws_endpoint_url = '\(server.endpoint)', aws_allow_http = 'true', aws_region = 'us-east-1',
                aws_access_key_id = 'moto', aws_secret_access_key = 'moto')
            AS SELECT id, id * 2 AS doubled FROM events;
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try await Self.runWithKills(script, in: directory, kills: Self.wantedKills, seed: 20261202)
        let check = try InteropEnvironment.runPython("""
            import json, sys
            from deltalake import DeltaTable
            table = DeltaTable("s3://crash/lake", storage_options={
                "AWS_ENDPOINT_URL": sys.argv[1], "AWS_ALLOW_HTTP": "true", "AWS_REGION": "us-east-1",
                "AWS_ACCESS_KEY_ID": "moto", "AWS_SECRET_ACCESS_KEY": "moto"}).to_pyarrow_table()
            ids = table.column("id").to_pylist()
            print(json.dumps([len(ids), len(set(ids)), min(ids), max(ids), sum(table.column("doubled").to_pylist())]))
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: [server.endpoint])
        let result = try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [Int]
        #expect(result == [rows, rows, 0, rows - 1, rows * (rows - 1)])
    }
}

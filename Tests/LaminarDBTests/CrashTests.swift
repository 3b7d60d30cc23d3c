import Foundation
import LaminarTestSupport
import Testing

/// `laminar run` killed with SIGKILL at random moments and restarted until it finishes: DuckDB must then
/// find every input row exactly once in the committed output, and every window exactly once.
/// `LAMINAR_CRASH_KILLS` sets how many kills to aim for (the 30 locally; fewer by default).
@Suite(.serialized) struct CrashTests {
    @Test func killedRunsDeliverEveryRowExactlyOnce() async throws {
        let directory = try TemporaryDirectory()
        let wantedKills = Int(ProcessInfo.processInfo.environment["LAMINAR_CRASH_KILLS"] ?? "") ?? 6
        // Enough rows that the run outlives the kills: about 12,000 rows of progress per killed run.
        let rows = max(60_000, wantedKills * 12_000 / 2_000 * 2_000)
        let script = directory.file("pipeline.sql")
        try """
            CREATE SOURCE events (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
            WITH (type = 'generator', max_rows = \(rows), rows_per_second = 20000, batch_size = 500,
                  'fields.id.kind' = 'sequence', 'fields.ts.step' = '1 ms');
            CREATE SINK copied WITH (type = 'parquet', path = 'out/copied', target_file_size = '64KB')
            AS SELECT id, id * 2 AS doubled FROM events;
            CREATE SINK windows WITH (type = 'parquet', path = 'out/windows')
            AS SELECT window_start, count(*) AS n, min(id) AS first_id FROM events GROUP BY TUMBLE(ts, INTERVAL '2' SECOND);
            """.write(toFile: script, atomically: true, encoding: .utf8)
        var random = SeededGenerator(seed: 20261201)
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

        let check = try InteropEnvironment.runPython("""
            import json, sys
            from laminar_interop import duckdb_connect
            con = duckdb_connect()
            root = sys.argv[1]
            copied = con.sql(f"SELECT count(*), count(DISTINCT id), min(id), max(id), sum(doubled) FROM read_parquet('{root}/out/copied/*.parquet')").fetchone()
            windows = con.sql(f"SELECT count(*), count(DISTINCT window_start), sum(n), min(n), max(n) FROM read_parquet('{root}/out/windows/*.parquet')").fetchone()
            print(json.dumps({"copied": [int(v) for v in copied], "windows": [int(v) for v in windows]}))
            """, arguments: [directory.path])
        let result = try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [String: [Int]]
        let total = rows * (rows - 1)
        #expect(result?["copied"] == [rows, rows, 0, rows - 1, total], "kills: \(kills)")
        // Rows 1 ms apart: 2-second windows of 2,000 rows, each committed once.
        #expect(result?["windows"] == [rows / 2000, rows / 2000, rows, 2000, 2000], "kills: \(kills)")
    }
}

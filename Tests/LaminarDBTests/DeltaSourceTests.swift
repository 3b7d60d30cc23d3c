import Foundation
import LaminarArrow
import LaminarConnectors
import LaminarCore
import LaminarDB
import LaminarSQL
import LaminarTestSupport
import Testing

/// The Delta source against delta-rs: a table delta-rs wrote in several commits (appends, an update, a
/// delete, a log checkpoint, change data feed on) reads through SQL exactly as delta-rs reads it, at every
/// version and for every range of its change feed.
@Suite(.serialized) struct DeltaSourceTests {
    typealias JSONScalar = DeltaSinkTests.JSONScalar

    struct Fixture: Decodable {
        var latest: Int
        var versions: [String: [[JSONScalar]]]
        var changes: [String: [[JSONScalar]]]
    }

    static func fixture(at table: String) throws -> Fixture {
        let output = try InteropEnvironment.runPython(
            "import sys, delta_fixture; sys.argv = ['delta_fixture'] + sys.argv[1:]; delta_fixture.main()", arguments: [table])
        return try JSONDecoder().decode(Fixture.self, from: Data(output.utf8))
    }

    static func json(_ rows: [[ScalarValue]]) -> [[JSONScalar]] {
        rows.map { row in
            row.map { value -> JSONScalar in
                switch value {
                case .int64(let number): .int(number)
                case .int32(let number): .int(Int64(number))
                case .utf8(let text): .string(text)
                case .null: .null
                default: .string("\(value)")
                }
            }
        }.sorted { $0.description < $1.description }
    }

    static func sorted(_ rows: [[JSONScalar]]) -> [[JSONScalar]] { rows.sorted { $0.description < $1.description } }

    @Test func everyVersionAndChangeRangeReadsLikeDeltaRs() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let expected = try Self.fixture(at: table)
        #expect(expected.latest >= 4)
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.execute("CREATE SOURCE now WITH (type = 'delta', location = '\(table)')")
        let current = try #require(try await db.execute("SELECT id, name, region FROM now").result)
        #expect(Self.json(current.rows) == Self.sorted(expected.versions[String(expected.latest)] ?? []))
        for version in 0...expected.latest {
            _ = try await db.execute("CREATE SOURCE v\(version) WITH (type = 'delta', location = '\(table)', version = \(version))")
            let rows = try #require(try await db.execute("SELECT id, name, region FROM v\(version)").result)
            #expect(Self.json(rows.rows) == Self.sorted(expected.versions[String(version)] ?? []), "version \(version)")
        }
        for start in 0...expected.latest {
            for end in start...expected.latest {
                let name = "c\(start)_\(end)"
                _ = try await db.execute("""
                    CREATE SOURCE \(name) WITH (type = 'delta', location = '\(table)', mode = 'snapshot', version = \(end),
                                              change_data_feed = true, starting_version = \(start))
                    """)
                let rows = try #require(try await db.execute("SELECT _commit_version, id, _change_type, name FROM \(name)").result)
                #expect(Self.json(rows.rows) == Self.sorted(expected.changes["\(start)-\(end)"] ?? []), "changes \(start) to \(end)")
            }
        }
        // Time travel and change feeds by time, from the commit times delta-rs recorded.
        var stamps: [Int64] = []
        for version in 0...expected.latest {
            let name = String(format: "%020d.json", version)
            let text = try String(contentsOfFile: table + "/_delta_log/" + name, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.contains("\"commitInfo\"") })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])
            stamps.append(try #require((object["commitInfo"]?["timestamp"] as? NSNumber)?.int64Value))
        }
        #expect(zip(stamps, stamps.dropFirst()).allSatisfy { $0 < $1 }, "commit times \(stamps)")
        let at = Temporal.formatTimestamp(stamps[2], unit: .millisecond, utc: true)
        _ = try await db.execute("CREATE SOURCE t2 WITH (type = 'delta', location = '\(table)', timestamp = '\(at)')")
        let travelled = try #require(try await db.execute("SELECT id, name, region FROM t2").result)
        #expect(Self.json(travelled.rows) == Self.sorted(expected.versions["2"] ?? []))
        _ = try await db.execute("""
            CREATE SOURCE since2 WITH (type = 'delta', location = '\(table)', mode = 'incremental', change_data_feed = true,
                                       starting_timestamp = '\(at)')
            """)
        let sinceTwo = try #require(try await db.execute("SELECT _commit_version, id, _change_type, name FROM since2").result)
        #expect(Self.json(sinceTwo.rows) == Self.sorted(expected.changes["2-\(expected.latest)"] ?? []))
        // A stream of appends stops at the update, or skips the commits that changed rows.
        _ = try await db.execute("CREATE SOURCE appends WITH (type = 'delta', location = '\(table)', mode = 'incremental', starting_version = 0)")
        let refused = await #expect(throws: (any Error).self) { try await db.execute("SELECT id FROM appends") }
        #expect(String(describing: refused).contains("version 2 updated or deleted rows"), "\(String(describing: refused))")
        _ = try await db.execute("""
            CREATE SOURCE skipping WITH (type = 'delta', location = '\(table)', mode = 'incremental', starting_version = 0,
                                         skip_change_commits = true)
            """)
        let appended = try #require(try await db.execute("SELECT id, name FROM skipping").result)
        #expect(Self.json(appended.rows) == Self.sorted((1...8).map { [.int(Int64($0)), .string(["a", "b", "c", "d", "e", "f", "g", "h"][$0 - 1])] }))
        // The seed's query over a change feed.
        _ = try await db.execute("CREATE SOURCE feed WITH (type = 'delta', location = '\(table)', change_data_feed = true)")
        let counts = try #require(try await db.execute("""
            SELECT region, count(*) AS n FROM feed WHERE _change_type IN ('insert', 'update_postimage')
            GROUP BY region ORDER BY region
            """).result)
        let inserted = (expected.changes["0-\(expected.latest)"] ?? []).filter { $0[2] == .string("insert") || $0[2] == .string("update_postimage") }
        #expect(counts.rows.reduce(0) { $0 + Int($1[1].int64Value ?? 0) } == inserted.count)
        await db.shutdown()
    }

    @Test func sourceOptionsAreChecked() async throws {
        let directory = try TemporaryDirectory()
        let db = try await LaminarDB.open(directory: directory.file("state"))
        let golden = InteropEnvironment.goldenTables.appendingPathComponent("delta").path
        await #expect(throws: (any Error).self) {
            try await db.execute("CREATE SOURCE s WITH (type = 'delta', location = '\(golden)/deltalog-invalid-protocol-version')")
        }
        await #expect(throws: (any Error).self) {
            try await db.execute("CREATE SOURCE s WITH (type = 'delta', location = '\(golden)/cdf-table', mode = 'incremental')")
        }
        await #expect(throws: (any Error).self) {
            try await db.execute("CREATE SOURCE s WITH (type = 'delta', location = '\(golden)/cdf-table', version = 1, timestamp = '2024-01-01')")
        }
        await #expect(throws: (any Error).self) {
            try await db.execute("CREATE SOURCE s WITH (type = 'delta', location = '\(directory.path)/missing')")
        }
        _ = try await db.execute("CREATE SOURCE ok WITH (type = 'delta', location = '\(golden)/table-with-dv-small')")
        let count = try #require(try await db.execute("SELECT count(*) FROM ok").result)
        #expect(count.rows == [[.int64(8)]])
        await db.shutdown()
    }

    /// A continuous source picks up delta-rs's commits while it runs; stopped and started again from its
    /// checkpoint, it resumes where it stopped: the copy it feeds holds every row exactly once.
    @Test func continuousReadsFollowNewCommitsAndResume() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let copy = directory.file("copy")
        func append(_ ids: ClosedRange<Int>) throws {
            try InteropEnvironment.runPython("""
                import sys, pyarrow as pa
                from deltalake import write_deltalake
                from laminar_interop import exit_cleanly
                first, last = int(sys.argv[2]), int(sys.argv[3])
                write_deltalake(sys.argv[1], pa.table({"id": pa.array(range(first, last + 1), pa.int64()),
                                                       "name": [f"n{i}" for i in range(first, last + 1)]}), mode="append")
                exit_cleanly()
                """, arguments: [table, String(ids.lowerBound), String(ids.upperBound)])
        }
        func run(until rows: Int, while act: () throws -> Void = {}) async throws {
            let db = try await LaminarDB.open(directory: directory.file("state"))
            _ = try await db.executeScript("""
                SET checkpoint_interval = '100 ms';
                CREATE SOURCE changes WITH (type = 'delta', location = '\(table)', mode = 'continuous', poll_interval = '50 ms');
                CREATE SINK copied WITH (type = 'delta', location = '\(copy)') AS SELECT id, name FROM changes;
                """)
            let sink = try #require(await db.sink("copied"))
            try act()
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(30)
            while sink.metrics.snapshot.rowsOut < rows, clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(sink.metrics.snapshot.rowsOut == rows)
            _ = try await sink.checkpoint()
            await db.shutdown()
        }
        try append(1...3)
        // The first run copies the table, then the commit delta-rs makes while it runs.
        try await run(until: 5) {
            try append(4...5)
        }
        // Commits made while stopped are read by the next run, and nothing before them again.
        try append(6...7)
        try append(8...8)
        try await run(until: 3)
        let report = try DeltaSinkTests.read(copy)
        #expect(Set(report.rows) == Set((1...8).map { [JSONScalar.int(Int64($0)), .string("n\($0)")] }))
        #expect(report.rows.count == 8)
    }

    /// A reader stopped after any batch and started again from its checkpoint returns the rest, and only the
    /// rest: cut inside files of several row groups, in the snapshot phase and in the change feed.
    @Test(arguments: [false, true]) func restartingFromAnyCheckpointNeitherSkipsNorRepeats(changeFeed: Bool) async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.executeScript("""
            SET checkpoint_interval = '1 hour';
            CREATE SOURCE numbers (id BIGINT) WITH (type = 'generator', max_rows = 900, batch_size = 300, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = '\(table)', row_group_size = 100, partition_by = 'odd',
                                   change_data_feed = true)
            AS SELECT id, id % 2 AS odd FROM numbers;
            """)
        try await db.waitForSinks()
        await db.shutdown()

        var options = [WithOption("type", .string("delta")), WithOption("location", .string(table))]
        if changeFeed { options.append(WithOption("change_data_feed", .boolean(true))) }
        let prepared = try await Connectors.source(for: options).prepare(SourceDefinition(name: "t", columns: nil, options: options))
        func ids(_ batch: RecordBatch) -> [Int64] {
            guard let column = batch.column(named: "id") as? Int64Array else { return [] }
            return (0..<batch.rowCount).compactMap { column[$0] }
        }
        var all: [Int64] = []
        let whole = try await prepared.makeReader()
        try await whole.start(from: nil)
        var batches = 0
        while let batch = try await whole.pollNext() {
            all += ids(batch)
            batches += 1
        }
        #expect(all.sorted() == Array(0..<900))
        #expect(batches >= 9)
        for cut in 1..<batches {
            let first = try await prepared.makeReader()
            try await first.start(from: nil)
            var seen: [Int64] = []
            for _ in 0..<cut { if let batch = try await first.pollNext() { seen += ids(batch) } }
            let checkpoint = first.currentCheckpoint()
            let second = try await prepared.makeReader()
            try await second.start(from: checkpoint)
            while let batch = try await second.pollNext() { seen += ids(batch) }
            #expect(seen.sorted() == Array(0..<900), "cut after batch \(cut): \(checkpoint)")
        }
    }

    /// `WHERE` conjuncts on partition columns and on columns with statistics skip files: a query whose
    /// predicate rules out a damaged file succeeds, one that needs it fails.
    @Test func partitionsAndStatisticsSkipFiles() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.executeScript("""
            CREATE SOURCE numbers (id BIGINT) WITH (type = 'generator', max_rows = 8000, batch_size = 250, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = '\(table)', partition_by = 'part', target_file_size = '4KB')
            AS SELECT id, 'p' || CAST(id % 4 AS VARCHAR) AS part FROM numbers;
            """)
        try await db.waitForSinks()
        // The p2 file holding the smallest ids, found from the log's statistics, is damaged.
        var adds: [(path: String, min: Int, max: Int)] = []
        let log = URL(fileURLWithPath: table).appendingPathComponent("_delta_log")
        for name in try FileManager.default.contentsOfDirectory(atPath: log.path) where name.hasSuffix(".json") {
            for line in try String(contentsOf: log.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let add = object["add"] as? [String: Any], let path = add["path"] as? String, path.hasPrefix("part=p2/"),
                      let statsText = add["stats"] as? String,
                      let stats = try JSONSerialization.jsonObject(with: Data(statsText.utf8)) as? [String: Any],
                      let low = (stats["minValues"] as? [String: Any])?["id"] as? Int,
                      let high = (stats["maxValues"] as? [String: Any])?["id"] as? Int else { continue }
                adds.append((path, low, high))
            }
        }
        #expect(adds.count > 2)
        let victim = try #require(adds.min { $0.min < $1.min })
        try Data("not parquet".utf8).write(to: URL(fileURLWithPath: table).appendingPathComponent(victim.path))
        _ = try await db.execute("CREATE SOURCE t WITH (type = 'delta', location = '\(table)')")
        let otherPartition = try #require(try await db.execute("SELECT count(*) FROM t WHERE part = 'p1'").result)
        #expect(otherPartition.rows == [[.int64(2000)]])
        let later = try #require(try await db.execute("SELECT count(*) FROM t WHERE part = 'p2' AND id > \(victim.max)").result)
        #expect(later.rows == [[.int64(Int64((victim.max + 1..<8000).filter { $0 % 4 == 2 }.count))]])
        let flipped = try #require(try await db.execute("SELECT count(*) FROM t WHERE \(victim.max) < id AND 'p2' = part").result)
        #expect(flipped.rows == later.rows)
        await #expect(throws: (any Error).self) { try await db.execute("SELECT count(*) FROM t WHERE part = 'p2'") }
        await #expect(throws: (any Error).self) { try await db.execute("SELECT count(*) FROM t WHERE id <= \(victim.max)") }
        await db.shutdown()
    }
}

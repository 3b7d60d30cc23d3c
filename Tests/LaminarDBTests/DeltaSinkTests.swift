import Foundation
import LaminarArrow
import LaminarDB
import LaminarTestSupport
import Testing

/// The Delta sink against the readers users trust: tables written through SQL are read back by delta-rs and
/// by DuckDB's `delta_scan`, row for row, on local disk and on S3 (moto).
@Suite(.serialized) struct DeltaSinkTests {
    struct TableReport: Decodable {
        var version: Int
        var columns: [String]
        var rows: [[JSONScalar]]
        var operations: [String?]
        var partition_columns: [String]
        var `protocol`: [Int]
        var transaction_version: Int?
        var duckdb_columns: [String]?
        var duckdb_rows: [[JSONScalar]]?
        var readers: [String]
    }

    /// A JSON value of a row as the checker prints it.
    enum JSONScalar: Decodable, Hashable, CustomStringConvertible {
        case null, int(Int64), double(Double), string(String), bool(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int64.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else { self = .string(try container.decode(String.self)) }
        }

        var description: String {
            switch self {
            case .null: "null"
            case .int(let value): String(value)
            case .double(let value): String(value)
            case .string(let value): value
            case .bool(let value): String(value)
            }
        }
    }

    static func read(_ table: String, writer: String? = nil, options: [String: String] = [:]) throws -> TableReport {
        let arguments = ["read", table] + (writer.map { [$0] } ?? []) + options.map { "\($0.key)=\($0.value)" }.sorted()
        let output = try InteropEnvironment.runPython(
            "import sys, delta_check; sys.argv = ['delta_check'] + sys.argv[1:]; delta_check.main()", arguments: arguments)
        return try JSONDecoder().decode(TableReport.self, from: Data(output.utf8))
    }

    /// The partition value each id gets: spaces, `/`, `%`, `=`, unicode, null and the empty string (which
    /// Delta stores as null).
    static let partitionSQL = """
        CASE id % 7 WHEN 0 THEN 'a b' WHEN 1 THEN 'x/y' WHEN 2 THEN '100%' WHEN 3 THEN 'k=v'
                    WHEN 4 THEN 'héllo ✓' WHEN 5 THEN NULL ELSE '' END
        """

    static func partition(_ id: Int) -> JSONScalar {
        switch id % 7 {
        case 0: .string("a b")
        case 1: .string("x/y")
        case 2: .string("100%")
        case 3: .string("k=v")
        case 4: .string("héllo ✓")
        default: .null
        }
    }

    @Test func rowsAndPartitionValuesSurviveInDeltaRsAndDuckDB() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("lake/events")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        let rows = 6_000
        _ = try await db.executeScript("""
            SET checkpoint_interval = '30 ms';
            CREATE SOURCE events (id BIGINT, price DOUBLE) WITH (type = 'generator', max_rows = \(rows),
                rows_per_second = 40000, batch_size = 500, 'fields.id.kind' = 'sequence', 'fields.price.min' = 1, 'fields.price.max' = 2);
            CREATE SINK lake WITH (type = 'delta', location = '\(table)', partition_by = 'part', checkpoint_interval = 3,
                                   target_file_size = '8KB')
            AS SELECT id, id * 2 AS doubled, \(Self.partitionSQL) AS part FROM events;
            """)
        try await db.waitForSinks()
        await db.shutdown()

        let report = try Self.read(table, writer: "lake")
        let expected = (0..<rows).map { [JSONScalar.int(Int64($0)), .int(Int64($0 * 2)), Self.partition($0)] }
        #expect(report.columns == ["id", "doubled", "part"])
        #expect(report.partition_columns == ["part"])
        #expect(Set(report.rows) == Set(expected))
        #expect(report.rows.count == rows)
        #expect(report.duckdb_columns == ["id", "doubled", "part"])
        #expect(Set(report.duckdb_rows ?? []) == Set(expected))
        #expect((report.duckdb_rows ?? []).count == rows)
        #expect(report.protocol == [1, 2])
        // Readers skip files by our statistics and partition values: filtered scans must still find every row.
        let filtered = try InteropEnvironment.runPython("""
            import json, sys
            from deltalake import DeltaTable
            from laminar_interop import duckdb_connect, exit_cleanly
            con = duckdb_connect()
            path = sys.argv[1]
            duck = [con.sql(f"SELECT count(*) FROM delta_scan('{path}') WHERE {predicate}").fetchone()[0]
                    for predicate in ["id >= 1000 AND id < 1100", "doubled > 11000", "part = 'x/y'", "part IS NULL"]]
            table = DeltaTable(path)
            rs = [table.to_pyarrow_table(filters=[("id", ">=", 1000), ("id", "<", 1100)]).num_rows,
                  table.to_pyarrow_table(partitions=[("part", "=", "x/y")]).num_rows]
            print(json.dumps(duck + rs))
            exit_cleanly()
            """, arguments: [table])
        let nulls = (0..<rows).filter { Self.partition($0) == .null }.count
        let slashes = (0..<rows).filter { $0 % 7 == 1 }.count
        #expect(try JSONDecoder().decode([Int].self, from: Data(filtered.utf8)) == [100, rows - 5501, slashes, nulls, 100, slashes])
        // Several commits, each recorded for the writer; the last one's checkpoint id is the txn version.
        let streaming = report.operations.filter { $0 == "STREAMING UPDATE" }.count
        #expect(report.operations.first == "CREATE TABLE")
        #expect(streaming >= 3, "\(report.operations)")
        #expect(report.transaction_version ?? 0 >= Int(streaming))

        // Log checkpoints were written every 3 commits, and delta-rs reads the table from the newest one alone.
        let log = URL(fileURLWithPath: table).appendingPathComponent("_delta_log")
        let names = try FileManager.default.contentsOfDirectory(atPath: log.path)
        let checkpoints = names.filter { $0.hasSuffix(".checkpoint.parquet") }.sorted()
        #expect(checkpoints.count == report.version / 3, "\(names.sorted())")
        #expect(names.contains("_last_checkpoint"))
        let copy = directory.file("copy")
        try FileManager.default.copyItem(atPath: table, toPath: copy)
        let newest = try #require(checkpoints.last.flatMap { Int($0.prefix(20)) })
        for name in names where name.hasSuffix(".json") && (Int(name.prefix(20)) ?? .max) <= newest {
            try FileManager.default.removeItem(atPath: copy + "/_delta_log/" + name)
        }
        let fromCheckpoint = try Self.read(copy)
        #expect(Set(fromCheckpoint.rows) == Set(expected))
        #expect(fromCheckpoint.version == report.version)
    }

    @Test func deltaRsAppendsAndTheSinkContinues() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        func runSink(from start: Int, count: Int, writer: String) async throws {
            let db = try await LaminarDB.open(directory: directory.file("state"))
            _ = try await db.executeScript("""
                CREATE SOURCE s\(start) (id BIGINT) WITH (type = 'generator', max_rows = \(count), 'fields.id.kind' = 'sequence', 'fields.id.start' = \(start));
                CREATE SINK lake\(start) WITH (type = 'delta', location = '\(table)', writer_id = '\(writer)')
                AS SELECT id, CAST(id AS VARCHAR) AS label FROM s\(start);
                """)
            try await db.waitForSinks()
            await db.shutdown()
        }
        try await runSink(from: 0, count: 100, writer: "ingest")
        try InteropEnvironment.runPython("""
            import sys, pyarrow as pa
            from deltalake import write_deltalake
            write_deltalake(sys.argv[1], pa.table({"id": pa.array(range(100, 150), pa.int64()),
                                                   "label": [str(i) for i in range(100, 150)]}), mode="append")
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: [table])
        try await runSink(from: 150, count: 100, writer: "backfill")
        let report = try Self.read(table, writer: "backfill")
        let expected = (0..<250).map { [JSONScalar.int(Int64($0)), .string(String($0))] }
        #expect(Set(report.rows) == Set(expected))
        #expect(report.rows.count == 250)
        #expect(report.operations == ["CREATE TABLE", "STREAMING UPDATE", "WRITE", "STREAMING UPDATE"])
        #expect(report.transaction_version == 1)

        // A new pipeline reusing a writer id starts its checkpoints over: its first commit must not be taken
        // for the old pipeline's, which the table's txn already records.
        let failure = await #expect(throws: (any Error).self) { try await runSink(from: 500, count: 10, writer: "ingest") }
        #expect(String(describing: failure).contains("writer_id 'ingest' has already committed"), "\(String(describing: failure))")
        #expect(try Self.read(table).rows.count == 250)
    }

    @Test func schemaMismatchesAreClearAndEvolutionAddsColumns() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        try InteropEnvironment.runPython("""
            import sys, pyarrow as pa
            from deltalake import write_deltalake
            write_deltalake(sys.argv[1], pa.table({"id": pa.array([1, 2], pa.int64()), "name": ["a", "b"]}))
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: [table])
        let db = try await LaminarDB.open(directory: directory.file("state"))
        try await db.execute("CREATE SOURCE s (id BIGINT) WITH (type = 'generator', max_rows = 10, 'fields.id.kind' = 'sequence', 'fields.id.start' = 3)")
        try await db.execute("""
            CREATE SINK wrong WITH (type = 'delta', location = '\(table)') AS SELECT CAST(id AS VARCHAR) AS id, id AS extra FROM s
            """)
        let failure = await #expect(throws: (any Error).self) { try await db.waitForSinks() }
        let message = String(describing: failure)
        #expect(message.contains("column id: the stream has"), "\(message)")
        #expect(message.contains("column extra is not in the table"), "\(message)")
        try await db.execute("DROP SINK wrong")

        try await db.execute("""
            CREATE SINK evolving WITH (type = 'delta', location = '\(table)', schema_evolution = true)
            AS SELECT id, 'n' || CAST(id AS VARCHAR) AS name, id * 10 AS score FROM s
            """)
        try await db.waitForSinks()
        await db.shutdown()
        let report = try Self.read(table)
        #expect(report.columns == ["id", "name", "score"])
        var expected: Set<[JSONScalar]> = [[.int(1), .string("a"), .null], [.int(2), .string("b"), .null]]
        for id in 3..<13 { expected.insert([.int(Int64(id)), .string("n\(id)"), .int(Int64(id * 10))]) }
        #expect(Set(report.rows) == expected)
        #expect(report.operations.contains("ADD COLUMNS"))

        // Our source reads the evolved table, and its change feed from before the new column.
        let reader = try await LaminarDB.open(directory: directory.file("state-read"))
        _ = try await reader.execute("CREATE SOURCE back WITH (type = 'delta', location = '\(table)')")
        let back = try #require(try await reader.execute("SELECT id, name, score FROM back").result)
        #expect(Set(DeltaSourceTests.json(back.rows)) == expected)
        // Reading only a column the older file lacks still counts that file's rows.
        let missing = try #require(try await reader.execute("SELECT count(*) FROM back WHERE score IS NULL").result)
        #expect(missing.rows == [[.int64(2)]])
        _ = try await reader.execute("CREATE SOURCE feed WITH (type = 'delta', location = '\(table)', change_data_feed = true)")
        let feed = try #require(try await reader.execute("SELECT id, score, _change_type FROM feed").result)
        #expect(feed.rowCount == 12)
        #expect(Set(feed.rows.map { $0[2] }) == [.utf8("insert")])
        await reader.shutdown()
    }

    @Test func tablesOnS3ReadBackInDeltaRsAndDuckDB() async throws {
        let server = try TestServers.moto()
        defer { server.stop() }
        try InteropEnvironment.runPython("""
            import boto3, sys
            boto3.client("s3", endpoint_url=sys.argv[1], aws_access_key_id="moto", aws_secret_access_key="moto",
                         region_name="us-east-1").create_bucket(Bucket="lake")
            """, arguments: [server.endpoint])
        let directory = try TemporaryDirectory()
        let db = try await LaminarDB.open(directory: directory.file("state"))
        let storage = "aws_endpoint_url = '\(server.endpoint)', aws_allow_http = 'true', aws_region = 'us-east-1', "
            + "aws_access_key_id = 'moto', aws_secret_access_key = 'moto'"
        _ = try await db.executeScript("""
            SET checkpoint_interval = '30 ms';
            CREATE SOURCE events (id BIGINT) WITH (type = 'generator', max_rows = 3000, rows_per_second = 30000,
                batch_size = 300, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = 's3://lake/tables/events', partition_by = 'part',
                                   checkpoint_interval = 2, \(storage))
            AS SELECT id, \(Self.partitionSQL) AS part FROM events;
            """)
        try await db.waitForSinks()
        await db.shutdown()
        let report = try Self.read("s3://lake/tables/events", writer: "lake", options: [
            "AWS_ENDPOINT_URL": server.endpoint, "AWS_ALLOW_HTTP": "true", "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "moto", "AWS_SECRET_ACCESS_KEY": "moto", "AWS_S3_ALLOW_UNSAFE_RENAME": "true",
        ])
        let expected = Set((0..<3000).map { [JSONScalar.int(Int64($0)), Self.partition($0)] })
        #expect(Set(report.rows) == expected)
        #expect(report.rows.count == 3000)
        #expect(Set(report.duckdb_rows ?? []) == expected)
        #expect((report.duckdb_rows ?? []).count == 3000)
        #expect(report.transaction_version != nil)
        #expect(report.operations.filter { $0 == "STREAMING UPDATE" }.count >= 2)

        // Our own Delta source reads the table back from S3, with partition pruning.
        let reader = try await LaminarDB.open(directory: directory.file("state-read"))
        _ = try await reader.execute("CREATE SOURCE back WITH (type = 'delta', location = 's3://lake/tables/events', \(storage))")
        let all = try #require(try await reader.execute("SELECT count(*), count(DISTINCT id) FROM back").result)
        #expect(all.rows == [[.int64(3000), .int64(3000)]])
        let slashes = try #require(try await reader.execute("SELECT count(*) FROM back WHERE part = 'x/y'").result)
        #expect(slashes.rows == [[.int64(Int64((0..<3000).filter { $0 % 7 == 1 }.count))]])
        await reader.shutdown()
    }

    /// `laminar table optimize|vacuum|history|info` on a table the sink wrote in many small commits: the rows
    /// stay the same for delta-rs and DuckDB, the files shrink to one per partition, and vacuum deletes
    /// exactly the compacted files.
    @Test func optimizeAndVacuumFromTheCommandLine() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.executeScript("""
            SET checkpoint_interval = '20 ms';
            CREATE SOURCE events (id BIGINT) WITH (type = 'generator', max_rows = 4000, rows_per_second = 40000,
                batch_size = 200, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = '\(table)', partition_by = 'bucket')
            AS SELECT id, id % 3 AS bucket FROM events;
            """)
        try await db.waitForSinks()
        await db.shutdown()
        let before = try Self.read(table)
        let dataFiles = { () throws -> [String] in
            try FileManager.default.subpathsOfDirectory(atPath: table).filter { $0.hasSuffix(".parquet") && !$0.hasPrefix("_delta_log") }
        }
        let filesBefore = try dataFiles()
        #expect(filesBefore.count > 3)

        func laminar(_ arguments: [String]) throws -> String {
            let result = try InteropEnvironment.run(CommandLineTests.laminar, arguments: arguments, timeout: 120)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        let optimized = try laminar(["table", "optimize", table])
        #expect(optimized.contains("\(filesBefore.count) files"), "\(optimized)")
        #expect(optimized.contains("compacted into 3 "), "\(optimized)")
        let info = try laminar(["table", "info", table])
        #expect(info.contains("files: 3,"), "\(info)")
        #expect(info.contains("partitioned by: bucket"), "\(info)")
        #expect(info.contains("lake: "), "\(info)")
        let afterOptimize = try Self.read(table)
        #expect(Set(afterOptimize.rows) == Set(before.rows))
        #expect(Set(afterOptimize.duckdb_rows ?? []) == Set(before.rows))
        #expect(afterOptimize.operations.last == "OPTIMIZE")

        // The default retention (7 days) protects the replaced files; a forced zero retention removes them.
        let refused = try InteropEnvironment.run(CommandLineTests.laminar, arguments: ["table", "vacuum", table, "--retention-hours", "0"], timeout: 60)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("shorter than the table's delta.deletedFileRetentionDuration"), "\(refused.stderr)")
        let dryRun = try laminar(["table", "vacuum", table, "--retention-hours", "0", "--force", "--dry-run"])
        #expect(dryRun.contains("\(filesBefore.count) files would be deleted"), "\(dryRun)")
        #expect(try dataFiles().count == filesBefore.count + 3)
        _ = try laminar(["table", "vacuum", table, "--retention-hours", "0", "--force"])
        let remaining = try dataFiles()
        #expect(remaining.count == 3)
        #expect(Set(remaining).isDisjoint(with: filesBefore))
        let afterVacuum = try Self.read(table)
        #expect(Set(afterVacuum.rows) == Set(before.rows))
        let history = try laminar(["table", "history", table, "--limit", "2"])
        #expect(history.split(separator: "\n").first?.contains("VACUUM END") == true, "\(history)")
        #expect(history.contains("OPTIMIZE"))
    }

    @Test func optimizeAndVacuumAsSQL() async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.executeScript("""
            SET checkpoint_interval = '20 ms';
            CREATE SOURCE events (id BIGINT) WITH (type = 'generator', max_rows = 2000, rows_per_second = 40000,
                batch_size = 100, 'fields.id.kind' = 'sequence');
            CREATE SINK lake WITH (type = 'delta', location = '\(table)') AS SELECT id FROM events;
            """)
        try await db.waitForSinks()
        guard case .done(let optimized) = try await db.execute("OPTIMIZE lake") else { Issue.record("no summary"); return }
        #expect(optimized.contains("compacted into 1"), "\(optimized)")
        let dryRun = try #require(try await db.execute("VACUUM lake RETAIN 0 HOURS DRY RUN WITH (retention_check = false)").result)
        let lines = dryRun.rows.compactMap { row -> String? in if case .utf8(let text) = row[0] { text } else { nil } }
        #expect(lines.last?.contains("would delete \(lines.count - 1) files") == true, "\(lines)")
        #expect(lines.count > 2)
        guard case .done(let refused) = try await db.execute("VACUUM '\(table)'") else { Issue.record("no summary"); return }
        #expect(refused.contains("deleted 0 files"), "\(refused)")
        await #expect(throws: (any Error).self) { try await db.execute("VACUUM lake RETAIN 0 HOURS") }
        await #expect(throws: (any Error).self) { try await db.execute("OPTIMIZE nosuchsink") }
        await db.shutdown()
        #expect(Set(try Self.read(table).rows) == Set((0..<2000).map { [JSONScalar.int(Int64($0))] }))
    }

    /// Upserts by key with deletes, one table commit per checkpoint: delta-rs sees the final rows, and its
    /// change data feed reports each change with the type Spark would give it.
    /// The same, once by copy-on-write and once with deletion vectors (`delta.enableDeletionVectors`).
    @Test(arguments: [false, true]) func upsertsAndTheChangeDataFeed(deletionVectors: Bool) async throws {
        let directory = try TemporaryDirectory()
        let table = directory.file("table")
        let db = try await LaminarDB.open(directory: directory.file("state"))
        _ = try await db.executeScript("""
            SET checkpoint_interval = '1 hour';
            CREATE SOURCE changes (id BIGINT, name VARCHAR, region VARCHAR, op VARCHAR) WITH (type = 'push');
            CREATE SINK accounts WITH (type = 'delta', location = '\(table)', write_mode = 'upsert', key_columns = 'id',
                                       op_column = 'op', partition_by = 'region', change_data_feed = true,
                                       'delta.enableDeletionVectors' = '\(deletionVectors)')
            AS SELECT id, name, region, op FROM changes;
            """)
        let source = try await db.source("changes")
        let sink = try #require(await db.sink("accounts"))
        var pushed = 0
        func step(_ rows: [(Int64, String, String, String)]) async throws {
            try await source.push(rows: rows.map { [.int64($0.0), .utf8($0.1), .utf8($0.2), .utf8($0.3)] })
            pushed += rows.count
            for _ in 0..<500 where sink.metrics.snapshot.rowsOut < pushed { try await Task.sleep(for: .milliseconds(10)) }
            #expect(sink.metrics.snapshot.rowsOut == pushed)
            _ = try await sink.checkpoint()
        }
        try await step((1...6).map { ($0, "n\($0)", $0 % 2 == 0 ? "east" : "west", "c") })
        try await step([(2, "n2-v2", "east", "u"), (3, "", "west", "d"), (7, "n7", "west", "c"),
                        (4, "n4-v2", "east", "u"), (4, "n4-v3", "east", "u"), (5, "n5-moved", "east", "u")])
        try await step([(7, "", "west", "d"), (3, "n3-back", "west", "c")])
        source.close()
        try await db.waitForSinks()
        await db.shutdown()

        let report = try Self.read(table, writer: "accounts")
        #expect(report.columns == ["id", "name", "region"])
        let expected: Set<[JSONScalar]> = [
            [.int(1), .string("n1"), .string("west")], [.int(2), .string("n2-v2"), .string("east")],
            [.int(3), .string("n3-back"), .string("west")], [.int(4), .string("n4-v3"), .string("east")],
            [.int(5), .string("n5-moved"), .string("east")], [.int(6), .string("n6"), .string("east")],
        ]
        #expect(Set(report.rows) == expected)
        #expect(Set(report.duckdb_rows ?? []) == expected)
        #expect(report.operations == ["CREATE TABLE", "MERGE", "MERGE", "MERGE"])
        #expect(report.protocol == (deletionVectors ? [3, 7] : [1, 4]))
        // With deletion vectors, rows leave files by a vector, not by rewriting the file.
        let log = try String(contentsOfFile: table + "/_delta_log/00000000000000000002.json", encoding: .utf8)
        #expect(log.contains("\"deletionVector\":{") == deletionVectors, "\(log)")

        let feed = try InteropEnvironment.runPython("""
            import json, sys
            from deltalake import DeltaTable
            from laminar_interop import exit_cleanly
            changes = DeltaTable(sys.argv[1]).load_cdf(starting_version=0).read_all()
            rows = sorted([changes.column("_commit_version")[i].as_py(), changes.column("id")[i].as_py(),
                           changes.column("_change_type")[i].as_py(), changes.column("name")[i].as_py()]
                          for i in range(changes.num_rows))
            print(json.dumps(rows))
            exit_cleanly()
            """, arguments: [table])
        let decoded = try JSONDecoder().decode([[JSONScalar]].self, from: Data(feed.utf8))
        let expectedFeed: [[JSONScalar]] = ((1...6).map { [.int(1), .int(Int64($0)), .string("insert"), .string("n\($0)")] } + [
            [.int(2), .int(2), .string("update_postimage"), .string("n2-v2")], [.int(2), .int(2), .string("update_preimage"), .string("n2")],
            [.int(2), .int(3), .string("delete"), .string("n3")],
            [.int(2), .int(4), .string("update_postimage"), .string("n4-v3")], [.int(2), .int(4), .string("update_preimage"), .string("n4")],
            [.int(2), .int(5), .string("update_postimage"), .string("n5-moved")], [.int(2), .int(5), .string("update_preimage"), .string("n5")],
            [.int(2), .int(7), .string("insert"), .string("n7")],
            [.int(3), .int(3), .string("insert"), .string("n3-back")], [.int(3), .int(7), .string("delete"), .string("n7")],
        ]).sorted { $0.description < $1.description }
        #expect(decoded.sorted { $0.description < $1.description } == expectedFeed)
    }
}

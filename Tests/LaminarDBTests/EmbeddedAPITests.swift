import Foundation
import LaminarArrow
import LaminarCore
import LaminarDB
import LaminarParquet
import LaminarSQL
import LaminarTestSupport
import Testing

@Suite struct EmbeddedAPITests {
    private func database() async throws -> (LaminarDB, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try await LaminarDB.open(directory: directory.file("state")), directory)
    }

    @Test func generatorsReplayTheSameRowsForTheSameSeed() async throws {
        let (db, _) = try await database()
        let columns = "(id BIGINT, symbol VARCHAR, price DOUBLE, n INTEGER, ts TIMESTAMP)"
        let options = "type = 'generator', max_rows = 3000, 'fields.id.kind' = 'sequence', 'fields.id.start' = 7, "
            + "'fields.symbol.values' = 'A, B ,C', 'fields.price.min' = 5, 'fields.price.max' = 6, "
            + "'fields.n.min' = -3, 'fields.n.max' = 3, 'fields.ts.step' = '250 ms'"
        try await db.execute("""
            CREATE SOURCE g1 \(columns) WITH (\(options), seed = 1);
            CREATE SOURCE g2 \(columns) WITH (\(options), seed = 1);
            CREATE SOURCE g3 \(columns) WITH (\(options), seed = 2);
            """)
        let first = try #require(try await db.execute("SELECT * FROM g1").result?.rows)
        let second = try #require(try await db.execute("SELECT * FROM g2").result?.rows)
        let other = try #require(try await db.execute("SELECT * FROM g3").result?.rows)
        #expect(first.count == 3000)
        #expect(first == second)
        #expect(first != other)
        #expect(first.map { $0[0] } == (7..<3007).map { ScalarValue.int64(Int64($0)) })
        #expect(Set(first.map { $0[1] }) == [.utf8("A"), .utf8("B"), .utf8("C")])
        #expect(first.allSatisfy { ($0[2].doubleValue ?? 0) >= 5 && ($0[2].doubleValue ?? 0) < 6 })
        #expect(Set(first.map { $0[3] }) == Set((-3...3).map { ScalarValue.int32(Int32($0)) }))
        let start = try #require(Temporal.parseTimestamp("2024-01-01 00:00:00", unit: .microsecond)?.ticks)
        #expect(first[4][4] == .timestamp(start + 4 * 250_000, .microsecond, timeZone: nil))
    }

    @Test func aSequenceWithAnEndBoundsTheSource() async throws {
        let (db, _) = try await database()
        try await db.execute("""
            CREATE SOURCE s (id INT) WITH (type = 'generator', 'fields.id.kind' = 'sequence', 'fields.id.start' = 1, 'fields.id.end' = 10);
            """)
        let result = try #require(try await db.execute("SELECT sum(id), count(*) FROM s").result)
        #expect(result.rows == [[.int64(55), .int64(10)]])
    }

    @Test func unknownOptionsListTheValidOnes() async throws {
        let (db, _) = try await database()
        let error = await #expect(throws: SQLError.self) {
            try await db.execute("CREATE SOURCE s (id INT) WITH (type = 'generator', rows_per_sec = 5)")
        }
        #expect(error?.kind == .invalidOption)
        #expect(error?.message.contains("rows_per_sec") == true)
        #expect(error?.message.contains("rows_per_second") == true)
        #expect(error?.location.line == 1)
        #expect(error?.location.column == 52)
        let badValue = await #expect(throws: SQLError.self) {
            try await db.execute("CREATE SOURCE s (id INT) WITH (type = 'generator', max_rows = 'many')")
        }
        #expect(badValue?.message.contains("max_rows") == true)
        let badType = await #expect(throws: SQLError.self) {
            try await db.execute("CREATE SOURCE s (id INT) WITH (type = 'kafka')")
        }
        #expect(badType?.message.contains("generator") == true)
    }

    @Test func planningErrorsPointAtTheExpression() async throws {
        let (db, _) = try await database()
        try await db.execute("CREATE SOURCE s (id INT, name VARCHAR) WITH (type = 'generator', max_rows = 5)")
        let unknown = await #expect(throws: SQLError.self) { try await db.execute("SELECT id,\n  nme FROM s") }
        #expect(unknown?.kind == .semantic)
        #expect(unknown?.location.line == 2)
        #expect(unknown?.location.column == 3)
        #expect(unknown?.description.contains("^^^") == true)
        let grouping = await #expect(throws: SQLError.self) { try await db.execute("SELECT name, count(*) FROM s GROUP BY id") }
        #expect(grouping?.message.contains("GROUP BY") == true)
        let types = await #expect(throws: SQLError.self) { try await db.execute("SELECT id + name FROM s") }
        #expect(types?.message.contains("cannot apply") == true)
    }

    @Test func catalogStatements() async throws {
        let (db, _) = try await database()
        try await db.execute("""
            CREATE SOURCE s (id BIGINT NOT NULL, name VARCHAR) WITH (type = 'generator', max_rows = 5);
            CREATE STREAM evens AS SELECT id, name FROM s WHERE id % 2 = 0;
            """)
        let sources = try #require(try await db.execute("SHOW SOURCES").result?.rows)
        #expect(sources.map { $0[0] } == [.utf8("s")])
        let described = try #require(try await db.execute("DESCRIBE s").result?.rows)
        #expect(described == [[.utf8("id"), .utf8("int64"), .utf8("NO")], [.utf8("name"), .utf8("string"), .utf8("YES")]])
        let plan = try #require(try await db.execute("EXPLAIN SELECT name FROM evens WHERE id > 2").result?.rows)
        let text = plan.map { $0[0].description }.joined(separator: "\n")
        #expect(text.contains("Filter"))
        #expect(text.contains("Scan: s"))
        await #expect(throws: SQLError.self) { try await db.execute("CREATE SOURCE s (x INT) WITH (type = 'push')") }
        try await db.execute("CREATE SOURCE IF NOT EXISTS s (x INT) WITH (type = 'push')")
        try await db.execute("DROP STREAM evens; DROP SOURCE s; DROP SOURCE IF EXISTS s")
        await #expect(throws: SQLError.self) { try await db.execute("DROP SOURCE s") }
        #expect(try await db.execute("SHOW SOURCES").result?.rowCount == 0)
    }

    @Test func unboundedQueriesNeedASinkASubscriptionOrALimit() async throws {
        let (db, _) = try await database()
        try await db.execute("CREATE SOURCE forever (id BIGINT) WITH (type = 'generator', 'fields.id.kind' = 'sequence')")
        await #expect(throws: EngineError.self) { try await db.execute("SELECT * FROM forever") }
        await #expect(throws: SQLError.self) { try await db.execute("SELECT * FROM forever ORDER BY id") }
        let limited = try #require(try await db.execute("SELECT id FROM forever WHERE id % 3 = 0 LIMIT 4").result)
        #expect(limited.rows == [[.int64(0)], [.int64(3)], [.int64(6)], [.int64(9)]])
    }

    @Test func pushedRowsReachASubscription() async throws {
        let (db, _) = try await database()
        try await db.execute("CREATE SOURCE events (id BIGINT, name VARCHAR) WITH (type = 'push')")
        let subscription = try await db.subscribe("SELECT id * 10 AS tens, upper(name) AS name FROM events WHERE id > 1")
        let source = try await db.source("events")
        try await source.push(rows: [[.int64(1), .utf8("a")], [.int64(2), .utf8("b")]])
        try await source.push(try RecordBatch(["id": Int64Array([3, nil]), "name": StringArray(["c", "d"])]))
        source.close()
        var rows: [[ScalarValue]] = []
        for try await batch in subscription {
            rows += (0..<batch.rowCount).map { batch.row($0) }
        }
        #expect(rows == [[.int64(20), .utf8("B")], [.int64(30), .utf8("C")]])
        #expect(subscription.schema.names == ["tens", "name"])
        await #expect(throws: (any Error).self) { try await source.push(rows: [[.int64(4), .utf8("e")]]) }
    }

    @Test func windowsCloseWhenTheWatermarkPassesThem() async throws {
        let (db, _) = try await database()
        try await db.execute("""
            CREATE SOURCE clicks (user_id BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
            WITH (type = 'push');
            """)
        let subscription = try await db.subscribe("""
            SELECT user_id, window_start, window_end, count(*) AS clicks FROM clicks
            GROUP BY user_id, TUMBLE(ts, INTERVAL '10' SECOND)
            """)
        let source = try await db.source("clicks")
        func at(_ second: Int64) -> ScalarValue { .timestamp(1_700_000_000_000_000 + second * 1_000_000, .microsecond, timeZone: nil) }
        try await source.push(rows: [[.int64(1), at(1)], [.int64(1), at(3)], [.int64(2), at(4)], [.int64(1), at(9)]])
        try await source.push(rows: [[.int64(1), at(11)]])
        try await source.push(rows: [[.int64(2), at(8)]])
        try await source.push(rows: [[.int64(1), at(12)]])
        var iterator = subscription.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        let closed = Set((0..<first.rowCount).map { first.row($0) })
        #expect(closed == [[.int64(1), at(0), at(10), .int64(3)], [.int64(2), at(0), at(10), .int64(2)]])
        try await source.push(rows: [[.int64(1), at(25)]])
        let second = try #require(try await iterator.next())
        #expect((0..<second.rowCount).map { second.row($0) } == [[.int64(1), at(10), at(20), .int64(2)]])
        source.close()
        let last = try #require(try await iterator.next())
        #expect((0..<last.rowCount).map { last.row($0) } == [[.int64(1), at(20), at(30), .int64(1)]])
        #expect(try await iterator.next() == nil)
    }

    @Test func lateRowsForClosedWindowsAreDropped() async throws {
        let (db, _) = try await database()
        try await db.execute("CREATE SOURCE e (ts TIMESTAMP, WATERMARK FOR ts AS ts) WITH (type = 'push')")
        let subscription = try await db.subscribe("SELECT window_start, count(*) FROM e GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)")
        let source = try await db.source("e")
        try await source.push(rows: [[.utf8("2024-01-01 00:00:10")], [.utf8("2024-01-01 00:01:10")]])
        try await source.push(rows: [[.utf8("2024-01-01 00:00:20")]])
        source.close()
        var counts: [ScalarValue] = []
        for try await batch in subscription { counts += (0..<batch.rowCount).map { batch.row($0)[1] } }
        #expect(counts == [.int64(1), .int64(1)])
    }

    @Test func hoppingWindowsCountEachRowInEveryWindowThatHoldsIt() async throws {
        let (db, _) = try await database()
        try await db.execute("""
            CREATE SOURCE h (ts TIMESTAMP) WITH (type = 'generator', max_rows = 100, 'fields.ts.start' = '2024-01-01 00:00:00', 'fields.ts.step' = '1 second')
            """)
        let rows = try #require(try await db.execute("""
            SELECT HOP_START(ts, INTERVAL '10' SECOND, INTERVAL '30' SECOND) AS w, count(*) FROM h
            GROUP BY HOP(ts, INTERVAL '10' SECOND, INTERVAL '30' SECOND) ORDER BY w
            """).result?.rows)
        #expect(rows.count == 12)
        #expect(rows.map { $0[1] }.reduce(0) { $0 + ($1.int64Value ?? 0) } == 300)
        #expect(rows[0][1] == .int64(10))
        #expect(rows[3][1] == .int64(30))
    }

    @Test func aParquetSinkShowsOnlyCommittedFiles() async throws {
        let (db, directory) = try await database()
        let output = directory.file("out")
        try await db.execute("""
            CREATE SOURCE p (id BIGINT, payload VARCHAR) WITH (type = 'push');
            CREATE SINK files WITH (type = 'parquet', path = '\(output)', target_file_size = '64KB', compression = 'zstd')
            AS SELECT id, payload FROM p;
            """)
        let source = try await db.source("p")
        var expected: [Int64] = []
        for batchIndex in 0..<20 {
            let ids = (0..<2000).map { Int64(batchIndex * 2000 + $0) }
            expected += ids
            try await source.push(try RecordBatch(["id": Int64Array(values: ids),
                                                   "payload": StringArray(ids.map { "row-\($0)-\(String(repeating: "x", count: Int($0 % 50)))" })]))
            for name in try FileManager.default.contentsOfDirectory(atPath: output) where !name.hasPrefix(".") {
                // Anything visible must already be a complete Parquet file.
                _ = try await ParquetFileReader(path: "\(output)/\(name)")
            }
        }
        source.close()
        let sink = try #require(await db.sink("files"))
        try await sink.wait()
        let names = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "in-progress files remain: \(names)")
        #expect(names.count > 1, "a 64 KB target should roll several files")
        var ids: [Int64] = []
        for name in names.sorted() {
            for batch in try await ParquetFileReader(path: "\(output)/\(name)").read() {
                ids += (batch.columns[0] as? Int64Array)?.values.compactMap { $0 } ?? []
            }
        }
        let exactlyOnce = ids.sorted() == expected
        #expect(exactlyOnce, "\(ids.count) rows read back for \(expected.count) pushed")
        #expect(sink.metrics.snapshot.rowsOut == expected.count)
    }

    @Test func aContinuousFileSourcePicksUpNewFiles() async throws {
        let (db, directory) = try await database()
        let input = directory.file("incoming")
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try await db.execute("""
            CREATE SOURCE incoming (id BIGINT, label VARCHAR)
            WITH (type = 'file', path = '\(input)', format = 'csv', mode = 'continuous', poll_interval = '50 ms');
            """)
        let subscription = try await db.subscribe("SELECT id, label FROM incoming")
        var iterator = subscription.makeAsyncIterator()
        try "id,label\n1,a\n2,b\n".write(toFile: "\(input)/001.csv", atomically: true, encoding: .utf8)
        let first = try #require(try await iterator.next())
        #expect(first.rowCount == 2)
        try "id,label\n3,c\n".write(toFile: "\(input)/_002.csv.tmp", atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(atPath: "\(input)/_002.csv.tmp", toPath: "\(input)/002.csv")
        let second = try #require(try await iterator.next())
        #expect(second.row(0) == [.int64(3), .utf8("c")])
        subscription.cancel()
    }

    @Test func fileSourcesReportTheLineOfBadInput() async throws {
        let (db, directory) = try await database()
        let path = directory.file("bad.csv")
        try "id,price\n1,2.5\n2,abc\n".write(toFile: path, atomically: true, encoding: .utf8)
        try await db.execute("CREATE SOURCE bad (id BIGINT, price DOUBLE) WITH (type = 'file', path = '\(path)')")
        let error = await #expect(throws: EngineError.self) { try await db.execute("SELECT sum(price) FROM bad") }
        #expect(error?.message.contains("bad.csv:3") == true)
        #expect(error?.message.contains("price") == true)
    }
}

/// Extreme but valid numbers in a query give answers or errors, never an arithmetic trap.
@Suite struct ExtremeValueTests {
    @Test func hugePositionsLimitsIntervalsAndSequencesAreSafe() async throws {
        let directory = try TemporaryDirectory()
        let db = try await LaminarDB.open(directory: directory.file("state"))
        try await db.execute("""
            CREATE SOURCE s (id BIGINT, name VARCHAR, ts TIMESTAMP, day DATE)
            WITH (type = 'generator', max_rows = 3, 'fields.id.kind' = 'sequence', 'fields.name.values' = 'abc');
            CREATE SOURCE whole (n BIGINT) WITH (type = 'generator', max_rows = 2, 'fields.n.kind' = 'sequence',
                                               'fields.n.start' = -9223372036854775808, 'fields.n.end' = 9223372036854775807);
            """)
        let substrings = try #require(try await db.execute("""
            SELECT substr(name, 9223372036854775807, 9223372036854775807), substr(name, -9223372036854775807 - 1, 2),
                   substr(name, 2, -9223372036854775807 - 1) FROM s LIMIT 1
            """).result?.rows)
        #expect(substrings == [[.utf8(""), .utf8(""), .utf8("")]])
        let limited = try #require(try await db.execute(
            "SELECT id FROM s ORDER BY id DESC LIMIT 9223372036854775807 OFFSET 1").result?.rows)
        #expect(limited == [[.int64(1)], [.int64(0)]])
        await #expect(throws: SQLError.self) { try await db.execute("SELECT ts + INTERVAL '9000000000000 seconds' FROM s") }
        await #expect(throws: SQLError.self) { try await db.execute("SELECT day - (-9223372036854775807 - 1) FROM s") }
        #expect(try await db.execute("SELECT n FROM whole").result?.rows == [[.int64(.min)], [.int64(.min + 1)]])
        await db.shutdown()
    }
}

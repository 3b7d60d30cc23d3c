import Foundation
import LaminarArrow
import LaminarDB
import LaminarTestSupport
import Testing

/// The examples in the doc comments of `LaminarDB`, run as written, so the documentation cannot rot.
@Suite struct DocumentationExampleTests {
    @Test func theFacadeExamplesRun() async throws {
        let directory = try TemporaryDirectory()
        let db = try await LaminarDB.open(directory: directory.file("laminar-example"))
        try await db.execute("""
            CREATE SOURCE numbers (n BIGINT) WITH (type = 'generator', max_rows = 100, 'fields.n.kind' = 'sequence');
            """)
        let result = try await db.execute("SELECT n % 3 AS r, count(*) FROM numbers GROUP BY r ORDER BY r")
        #expect(result.result?.rows == [[.int64(0), .int64(34)], [.int64(1), .int64(33)], [.int64(2), .int64(33)]])

        try await db.execute("CREATE SOURCE orders (id BIGINT, amount DOUBLE) WITH (type = 'push')")
        let large = try await db.subscribe("SELECT id, amount FROM orders WHERE amount > 10")
        let orders = try await db.source("orders")
        try await orders.push(rows: [[.int64(1), .float64(9.5)], [.int64(2), .float64(20)]])
        orders.close()
        var rows: [[ScalarValue]] = []
        for try await batch in large { rows += (0..<batch.rowCount).map { batch.row($0) } }
        #expect(rows == [[.int64(2), .float64(20)]])
        await db.shutdown()
    }

    @Test func theReadmeExampleRuns() async throws {
        let directory = try TemporaryDirectory()
        let db = try await LaminarDB.open(directory: directory.path)
        try await db.execute("""
            CREATE SOURCE clicks (user_id BIGINT, url VARCHAR, ts TIMESTAMP,
                                  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH (type = 'push');
            """)
        let perMinute = try await db.subscribe("""
            SELECT user_id, window_start, count(*) AS clicks FROM clicks
            GROUP BY user_id, TUMBLE(ts, INTERVAL '1' MINUTE)
            """)
        let clicks = try await db.source("clicks")
        try await clicks.push(rows: [[.int64(1), .utf8("/home"), .utf8("2026-01-05 09:30:01")]])
        clicks.close()
        var rows: [[ScalarValue]] = []
        for try await batch in perMinute { rows += (0..<batch.rowCount).map { batch.row($0) } }
        let minute = try #require(Temporal.parseTimestamp("2026-01-05 09:30:00", unit: .microsecond)?.ticks)
        #expect(rows == [[.int64(1), .timestamp(minute, .microsecond, timeZone: nil), .int64(1)]])
        await db.shutdown()
    }
}

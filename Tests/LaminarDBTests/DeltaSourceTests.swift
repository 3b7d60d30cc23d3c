import Foundation
import LaminarArrow
import LaminarDB
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
}

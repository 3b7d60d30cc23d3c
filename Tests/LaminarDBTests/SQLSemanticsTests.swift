import Foundation
import LaminarArrow
import LaminarDB
import LaminarTestSupport
import Testing

/// Our answers to the reference queries must equal DuckDB's on the same CSV and Parquet files.
@Suite(.serialized) struct SQLSemanticsTests {
    @Test func queriesAgreeWithDuckDB() async throws {
        let directory = try TemporaryDirectory()
        let queries = ReferenceQuery.all
        let tables = ["t_csv", "t_parquet"]
        let job: [String: Any] = [
            "data_dir": directory.path,
            "queries": tables.flatMap { table in queries.map { $0.reference(for: table) } },
        ]
        let jobFile = directory.file("job.json")
        try JSONSerialization.data(withJSONObject: job).write(to: URL(fileURLWithPath: jobFile))
        let run = try InteropEnvironment.run(
            InteropEnvironment.python, arguments: [InteropEnvironment.helpers.appendingPathComponent("sql_reference.py").path, jobFile],
            environment: ["PYTHONPATH": InteropEnvironment.helpers.path])
        #expect(run.status == 0, "\(run.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let expected = try #require(decoded?["results"] as? [Any])
        #expect(expected.count == queries.count * tables.count)

        let db = try await LaminarDB.open(directory: directory.file("state"))
        try await db.execute("""
            CREATE SOURCE t_csv WITH (type = 'file', path = '\(directory.file("data.csv"))');
            CREATE SOURCE t_parquet WITH (type = 'file', path = '\(directory.file("data.parquet"))');
            """)
        var compared = 0
        for (tableIndex, table) in tables.enumerated() {
            for (queryIndex, query) in queries.enumerated() {
                let reference = expected[tableIndex * queries.count + queryIndex]
                guard let referenceRows = reference as? [String] else {
                    Issue.record("DuckDB failed on \(query.reference(for: table)): \(reference)")
                    continue
                }
                let ours: [String]
                do {
                    let result = try await db.execute(query.text(for: table))
                    ours = (result.result?.rows ?? []).map { $0.map(Canonical.text).joined(separator: "|") }
                } catch {
                    Issue.record("\(query.text(for: table)) failed: \(error)")
                    continue
                }
                let (left, right) = query.ordered ? (ours, referenceRows) : (ours.sorted(), referenceRows.sorted())
                if left != right {
                    let firstDifference = zip(left, right).first { $0 != $1 }
                    Issue.record("""
                        \(query.text(for: table)): \(left.count) rows, DuckDB \(right.count); \
                        first difference: \(firstDifference.map { "ours \($0.0) / DuckDB \($0.1)" } ?? "in the row count")
                        """)
                }
                compared += 1
            }
        }
        #expect(compared == queries.count * tables.count)
        #expect(queries.count >= 40)
        await db.shutdown()
    }
}

/// The text form `scripts/interop/sql_reference.py` gives DuckDB's values.
enum Canonical {
    static func text(_ value: ScalarValue) -> String {
        switch value {
        case .null: return "NULL"
        case .boolean(let flag): return flag ? "true" : "false"
        case .utf8(let text): return text
        case .date32(let days): return Temporal.formatDate(days)
        case .timestamp(let ticks, let unit, _):
            return "ts:\(unit == .nanosecond ? ticks / 1_000 : ticks * (1_000_000 / unit.ticksPerSecond))"
        default:
            return value.doubleValue.map(number) ?? value.description
        }
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.10g", value)
    }
}

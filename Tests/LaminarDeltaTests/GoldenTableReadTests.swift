import Foundation
import LaminarArrow
import LaminarDelta
import LaminarObjectStore
import LaminarParquet
import LaminarTestSupport
import Testing

/// Every golden Delta table read whole by us and by DuckDB's `delta_scan` (delta-kernel-rs): the same
/// columns and the same rows, compared in Python on values normalized the same way for both.
@Suite struct GoldenTableReadTests {
    static let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")

    @Test func everyGoldenTableReadsLikeDuckDB() async throws {
        let directory = try TemporaryDirectory()
        let tables = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).sorted()
            .filter { $0 != "deltalog-invalid-protocol-version" }
        var arguments: [String] = []
        for name in tables {
            let path = Self.root.appendingPathComponent(name).path
            let table = try await DeltaTable.open(store: LocalObjectStore(root: path), location: path)
            try table.checkReadable()
            var batches: [RecordBatch] = []
            for add in table.snapshot.files.values.sorted(by: { $0.path < $1.path }) { batches += try await table.rows(of: add) }
            let output = directory.file("\(name).parquet")
            let writer = try ParquetWriter(path: output, schema: try table.schema)
            for batch in batches { try await writer.write(batch) }
            try await writer.close()
            arguments += [path, output]
        }
        let report = try InteropEnvironment.runPython("""
            import datetime, decimal, json, sys
            import pyarrow.parquet as pq
            from laminar_interop import duckdb_connect, exit_cleanly

            def plain(value):
                if isinstance(value, datetime.datetime):
                    if value.tzinfo is not None:
                        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
                    return value.isoformat()
                if isinstance(value, (datetime.date, decimal.Decimal)):
                    return str(value)
                if isinstance(value, bytes):
                    return value.hex()
                if isinstance(value, float):
                    return repr(value)
                if isinstance(value, dict):
                    return {k: plain(v) for k, v in value.items()}
                if isinstance(value, (list, tuple)):
                    return [plain(v) for v in value]
                return value

            def rows(table):
                columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
                return sorted(json.dumps([plain(c[i]) for c in columns], sort_keys=True) for i in range(table.num_rows))

            con = duckdb_connect()
            problems = {}
            args = sys.argv[1:]
            for path, ours_path in zip(args[0::2], args[1::2]):
                theirs = con.sql(f"SELECT * FROM delta_scan('{path}')").arrow()
                if hasattr(theirs, "read_all"):
                    theirs = theirs.read_all()
                ours = pq.read_table(ours_path)
                if ours.column_names != theirs.column_names:
                    problems[path] = f"columns {ours.column_names} != {theirs.column_names}"
                elif rows(ours) != rows(theirs):
                    a, b = rows(ours), rows(theirs)
                    problems[path] = f"{len(a)} rows vs {len(b)}; first difference: {next((x, y) for x, y in zip(a + [''] * len(b), b + [''] * len(a)) if x != y)}"
            print(json.dumps({"compared": len(args) // 2, "problems": problems}))
            exit_cleanly()
            """, arguments: arguments)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        #expect(result["compared"] as? Int == tables.count)
        #expect((result["problems"] as? [String: String]) == [:], "\(result["problems"] ?? "")")
    }

    @Test func anUnsupportedProtocolIsRefusedByName() async throws {
        let path = Self.root.appendingPathComponent("deltalog-invalid-protocol-version").path
        let error = await #expect(throws: DeltaError.self) {
            let table = try await DeltaTable.open(store: LocalObjectStore(root: path), location: path)
            try table.checkReadable()
        }
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("reader version 99") == true, "\(String(describing: error))")
    }

    /// Files read by ranges (footer, then one request per row group) give the same rows as files read whole.
    @Test func rangedReadsMatchWholeReads() async throws {
        for name in ["simple_table_with_checkpoint", "dv-partitioned-with-checkpoint", "table-with-columnmapping-mode-name", "cdf-table"] {
            let path = Self.root.appendingPathComponent(name).path
            let whole = try await DeltaTable.open(store: LocalObjectStore(root: path), location: path)
            var ranged = whole
            ranged.wholeFileLimit = 0
            for unit in whole.snapshotUnits() {
                let expected = try await whole.read(unit)
                let actual = try await ranged.read(unit)
                #expect(actual.count == expected.count, "\(name) \(unit.path)")
                for (a, b) in zip(actual, expected) { #expect(a == b, "\(name) \(unit.path)") }
            }
        }
    }
}

import Foundation
import LaminarTestSupport
import Testing

/// Proves the reference environment works, so later interop tests fail only for reasons of their own.
@Suite(.serialized) struct PythonEnvironmentTests {
    @Test func pyarrowBuildsATable() throws {
        let output = try InteropEnvironment.runPython("""
            import pyarrow as pa
            t = pa.table({"id": pa.array([1, 2, None], pa.int64()), "name": ["a", "b", "c"]})
            print(t.num_rows, t.schema.field("id").type, t.column("id").null_count, t.column("name")[1])
            """)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "3 int64 1 b")
    }

    @Test func duckdbLoadsLakeExtensionsFromPipPackages() throws {
        let output = try InteropEnvironment.runPython("""
            import json
            from laminar_interop import duckdb_connect
            con = duckdb_connect()
            loaded = sorted(r[0] for r in con.sql(
                "SELECT extension_name FROM duckdb_extensions() WHERE loaded AND extension_name IN ('delta', 'iceberg')"
            ).fetchall())
            print(json.dumps(loaded))
            """)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == #"["delta", "iceberg"]"#)
    }

    @Test func duckdbAndDeltaRsReadAGoldenTableAlike() throws {
        let table = InteropEnvironment.goldenTables.appendingPathComponent("delta/simple_table_with_checkpoint")
        let output = try InteropEnvironment.runPython("""
            import sys
            from deltalake import DeltaTable
            from laminar_interop import duckdb_connect
            path = sys.argv[1]
            rs = sorted(DeltaTable(path).to_pyarrow_table().column(0).to_pylist())
            duck = sorted(r[0] for r in duckdb_connect().sql(f"SELECT * FROM delta_scan('{path}')").fetchall())
            print(rs == duck, len(rs))
            from laminar_interop import exit_cleanly
            exit_cleanly()
            """, arguments: [table.path])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "True 11")
    }

    @Test func motoServerStartsServesS3AndStops() throws {
        let server = try TestServers.moto()
        let output = try InteropEnvironment.runPython("""
            import sys, boto3
            s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1",
                              aws_access_key_id="test", aws_secret_access_key="test")
            s3.create_bucket(Bucket="laminar")
            s3.put_object(Bucket="laminar", Key="a/b.txt", Body=b"hello")
            print(s3.get_object(Bucket="laminar", Key="a/b.txt")["Body"].read().decode())
            """, arguments: [server.endpoint])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "hello")
        let port = server.port
        server.stop()
        #expect(throws: (any Error).self) {
            try InteropEnvironment.runPython("""
                import socket, sys
                socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
                """, arguments: [String(port)])
        }
    }
}

import Foundation
import LaminarArrow
import LaminarDelta
import LaminarObjectStore
import LaminarTestSupport
import Testing

/// Deletion vectors: Z85 ids, Roaring bitmaps in the portable format, and tables Spark and delta-rs wrote
/// with deleted rows, read alike by us and by DuckDB's delta_scan.
@Suite struct DeletionVectorTests {
    @Test func z85DecodesTheIdsDeltaWrites() throws {
        // The id and file of delta-rs's `table-with-dv-small`.
        let descriptor = DeletionVectorDescriptor(storageType: "u", pathOrInlineDv: "vBn[lx{q8@P<9BNH/isA", offset: 1,
                                                  sizeInBytes: 36, cardinality: 2)
        #expect(try descriptor.relativeFileKey() == "deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin")
        let bytes: [UInt8] = (0..<32).map { UInt8($0 * 7 % 256) }
        let encoded = try #require(Z85.encode(bytes))
        #expect(encoded.count == 40)
        #expect(Z85.decode(encoded) == bytes)
        #expect(Z85.encode([1, 2, 3]) == nil)
        #expect(Z85.decode("abc") == nil)
        #expect(Z85.decode("~~~~~") == nil)
    }

    @Test func roaringBitmapsRoundTrip() throws {
        let dense = (0..<10_000).map { UInt64($0 * 2) }
        let sparse: [UInt64] = [0, 9, 65_535, 65_536, 1 << 33, (1 << 33) + 5]
        for values in [dense, sparse, [], dense + sparse] {
            let bitmap = RoaringBitmap(values)
            let decoded = try RoaringBitmap.decode(deletionVector: bitmap.encodeDeletionVector(), name: "test")
            #expect(decoded == bitmap)
            #expect(decoded.count == Set(values).count)
        }
        let bitmap = RoaringBitmap(sparse)
        #expect(bitmap.contains(65_536) && bitmap.contains(1 << 33) && !bitmap.contains(10))
        var truncated = RoaringBitmap(dense).encodeDeletionVector()
        truncated.removeLast(100)
        #expect(throws: DeltaError.self) { try RoaringBitmap.decode(deletionVector: truncated, name: "cut") }
        #expect(throws: DeltaError.self) { try RoaringBitmap.decode(deletionVector: [1, 2, 3, 4, 0, 0, 0, 0], name: "magic") }
    }

    @Test func tablesWithDeletionVectorsReadLikeDuckDB() async throws {
        let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")
        let tables = ["table-with-dv-small", "dv-partitioned-with-checkpoint"]
        let output = try InteropEnvironment.runPython("""
            import json, sys
            from deltalake import DeltaTable
            from laminar_interop import duckdb_connect, exit_cleanly
            # delta-rs's pyarrow reader refuses deletion vectors; DuckDB's delta_scan (delta-kernel-rs) applies them.
            con = duckdb_connect()
            result = {}
            for path in sys.argv[1:]:
                partitions = set(DeltaTable(path).metadata().partition_columns)
                data = con.sql(f"SELECT * FROM delta_scan('{path}')").arrow()
                if hasattr(data, "read_all"):
                    data = data.read_all()
                names = [n for n in data.column_names if n not in partitions]
                result[path] = sorted(json.dumps([data.column(n)[i].as_py() for n in names], default=str) for i in range(data.num_rows))
            print(json.dumps(result))
            exit_cleanly()
            """, arguments: tables.map { root.appendingPathComponent($0).path })
        let expected = try JSONDecoder().decode([String: [String]].self, from: Data(output.utf8))
        for name in tables {
            let path = root.appendingPathComponent(name).path
            let table = try await DeltaTable.open(store: LocalObjectStore(root: path), location: path)
            var rows: [String] = []
            var deleted = 0
            for add in table.snapshot.files.values {
                let file = try await table.readDataFileRows(add)
                deleted += file.deleted.count
                for batch in file.batches {
                    for row in 0..<batch.rowCount {
                        let values = batch.columns.map { column -> Any in
                            switch column.scalar(at: row) {
                            case .int32(let value): return value
                            case .int64(let value): return value
                            case .utf8(let value): return value
                            case .null: return NSNull()
                            default: return "\(column.scalar(at: row))"
                            }
                        }
                        let data = try JSONSerialization.data(withJSONObject: values)
                        rows.append(String(decoding: data, as: UTF8.self).replacingOccurrences(of: ",", with: ", "))
                    }
                }
            }
            #expect(deleted > 0, "\(name) has deleted rows")
            #expect(rows.sorted() == expected[path], "\(name)")
        }
    }
}

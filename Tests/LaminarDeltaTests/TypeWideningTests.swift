import Foundation
import LaminarArrow
import LaminarDelta
import LaminarObjectStore
import LaminarParquet
import Testing

/// Type widening: files written before a column's type was widened read as the wider type.
@Suite struct TypeWideningTests {
    @Test func filesWrittenBeforeAWideningReadAsTheWiderType() async throws {
        let store = try InMemoryObjectStore()
        let narrow = Schema([
            Field(name: "small", type: .int16), Field(name: "ratio", type: .float32), Field(name: "day", type: .date32),
            Field(name: "amount", type: .decimal128(precision: 5, scale: 2)), Field(name: "count", type: .int32),
        ])
        var table = try await DeltaTable.create(store: store, location: "memory", schema: narrow)
        let writer = try DataFileWriter(store: store, schema: narrow, partitionColumns: [], targetFileSize: 1 << 20,
                                        parquetOptions: ParquetWriterOptions(), indexedColumns: 32, namePrefix: "t")
        try await writer.write(try RecordBatch(schema: narrow, columns: [
            Int16Array([1, -2, nil]), Float32Array([0.5, 1.25, nil]), Int32Array([0, 19_000, nil], type: .date32),
            Decimal128Array([12_345, -1, nil], type: .decimal128(precision: 5, scale: 2)), Int32Array([7, 8, nil]),
        ]))
        _ = try await table.commit(CommitRequest(actions: try await writer.finish().map { .add($0.add) }, operation: "WRITE", isBlindAppend: true))
        let wide = Schema([
            Field(name: "small", type: .int64), Field(name: "ratio", type: .float64), Field(name: "day", type: .timestamp(.microsecond, timeZone: nil)),
            Field(name: "amount", type: .decimal128(precision: 10, scale: 4)), Field(name: "count", type: .float64),
        ])
        var metadata = try table.metadata
        metadata.schemaString = try DeltaSchema.json(for: wide)
        _ = try await table.commit(CommitRequest(actions: [.metadata(metadata)], operation: "CHANGE COLUMN", isBlindAppend: false))
        var rows: [[ScalarValue]] = []
        for unit in table.snapshotUnits() {
            for batch in try await table.read(unit) { rows += (0..<batch.rowCount).map { batch.row($0) } }
        }
        #expect(rows.count == 3)
        #expect(rows[0] == [.int64(1), .float64(0.5), .timestamp(0, .microsecond, timeZone: nil),
                            .decimal128(1_234_500, precision: 10, scale: 4), .float64(7)])
        #expect(rows[1] == [.int64(-2), .float64(1.25), .timestamp(19_000 * 86_400_000_000, .microsecond, timeZone: nil),
                            .decimal128(-100, precision: 10, scale: 4), .float64(8)])
        #expect(rows[2].allSatisfy { $0 == .null })
        #expect(SchemaAlignment.fits(.int64, into: .decimal128(precision: 20, scale: 0)))
        #expect(!SchemaAlignment.fits(.int64, into: .decimal128(precision: 19, scale: 0)))
        #expect(!SchemaAlignment.fits(.decimal128(precision: 10, scale: 4), into: .decimal128(precision: 10, scale: 2)))
        #expect(!SchemaAlignment.fits(.int64, into: .int32))
    }
}

import Foundation
import LaminarTestSupport
import Testing
@testable import LaminarParquet

@Suite struct FileMetaDataTests {
    /// The Thrift footer of a Parquet file (between the data and the trailing length and magic).
    static func footer(of url: URL) throws -> [UInt8] {
        let data = [UInt8](try Data(contentsOf: url))
        #expect(data.count >= 12 && Array(data.suffix(4)) == Array("PAR1".utf8))
        var length = 0
        for byte in data.suffix(8).prefix(4).reversed() { length = length << 8 | Int(byte) }
        return Array(data[(data.count - 8 - length)..<(data.count - 8)])
    }

    static func goldenParquetFiles() throws -> [URL] {
        let root = InteropEnvironment.goldenTables
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "parquet" }
    }

    @Test func decodesAndReencodesEveryGoldenFooter() throws {
        let files = try Self.goldenParquetFiles()
        #expect(files.count > 20)
        for file in files {
            let metadata = try FileMetaData(thrift: try Self.footer(of: file))
            #expect(metadata.schema.first?.numChildren != nil, "\(file.lastPathComponent)")
            let leaves = metadata.schema.filter { $0.numChildren == nil }.count
            for group in metadata.rowGroups { #expect(group.columns.count == leaves, "\(file.lastPathComponent)") }
            #expect(metadata.rowGroups.reduce(0) { $0 + $1.numRows } == metadata.numRows)
            // What we write must decode to the same footer.
            #expect(try FileMetaData(thrift: metadata.thriftBytes) == metadata, "\(file.lastPathComponent)")
        }
    }

    @Test func footerMatchesWhatPyarrowReports() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laminar-footer-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("t.parquet").path
        let report = try InteropEnvironment.runPython("""
            import sys, json, datetime, decimal
            import pyarrow as pa, pyarrow.parquet as pq
            t = pa.table({
                "id": pa.array(range(1000), pa.int64()),
                "name": pa.array([f"n{i % 7}" for i in range(1000)]),
                "price": pa.array([decimal.Decimal(i) / 100 for i in range(1000)], pa.decimal128(9, 2)),
                "ts": pa.array([datetime.datetime(2024, 1, 1)] * 1000, pa.timestamp("us", tz="UTC")),
                "tags": pa.array([[i, i + 1] for i in range(1000)], pa.list_(pa.int32())),
                "u8": pa.array([i % 200 for i in range(1000)], pa.uint8()),
            })
            pq.write_table(t, sys.argv[1], row_group_size=300, compression="zstd")
            md = pq.ParquetFile(sys.argv[1]).metadata
            rg = md.row_group(0)
            print(json.dumps({
                "rows": md.num_rows, "groups": md.num_row_groups, "created_by": md.created_by,
                "paths": [rg.column(i).path_in_schema for i in range(rg.num_columns)],
                "codec": rg.column(0).compression, "group0_rows": rg.num_rows,
                "id_min": rg.column(0).statistics.min, "id_max": rg.column(0).statistics.max,
            }))
            """, arguments: [path])
        struct Report: Decodable {
            let rows: Int64, groups: Int, created_by: String, paths: [String], codec: String, group0_rows: Int64
            let id_min: Int64, id_max: Int64
        }
        let expected = try JSONDecoder().decode(Report.self, from: Data(report.utf8))
        let metadata = try FileMetaData(thrift: try Self.footer(of: URL(fileURLWithPath: path)))
        #expect(metadata.numRows == expected.rows)
        #expect(metadata.rowGroups.count == expected.groups)
        #expect(metadata.createdBy == expected.created_by)
        #expect(metadata.rowGroups[0].numRows == expected.group0_rows)
        let chunks = metadata.rowGroups[0].columns.compactMap(\.metaData)
        #expect(chunks.map { $0.pathInSchema.joined(separator: ".") } == expected.paths)
        #expect(chunks[0].codec.description == expected.codec)
        let stats = try #require(chunks[0].statistics)
        #expect(stats.minValue.map(Self.littleEndian) == expected.id_min)
        #expect(stats.maxValue.map(Self.littleEndian) == expected.id_max)
        #expect(metadata.schema.first { $0.name == "price" }?.logicalType == .decimal(scale: 2, precision: 9))
        #expect(metadata.schema.first { $0.name == "ts" }?.logicalType == .timestamp(isAdjustedToUTC: true, unit: .microsecond))
        #expect(metadata.schema.first { $0.name == "u8" }?.logicalType == .integer(bitWidth: 8, isSigned: false))
        #expect(metadata.schema.first { $0.name == "tags" }?.logicalType == .list)
        #expect(metadata.keyValueMetadata?.contains { $0.key == "ARROW:schema" } == true)
    }

    static func littleEndian(_ bytes: [UInt8]) -> Int64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << UInt64(8 * index) }
        return Int64(bitPattern: value)
    }

    @Test func truncatedFootersThrow() throws {
        let file = try #require(try Self.goldenParquetFiles().first)
        let footer = try Self.footer(of: file)
        for length in stride(from: 0, to: footer.count, by: max(1, footer.count / 97)) {
            #expect(throws: ThriftError.self) { try FileMetaData(thrift: Array(footer.prefix(length))) }
        }
    }
}

@Suite struct PageIndexTests {
    /// pyarrow writes column and offset indexes on request; ours must decode them to what pyarrow wrote.
    @Test func decodesPageIndexesWrittenByPyarrow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laminar-index-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("i.parquet").path
        try InteropEnvironment.runPython("""
            import sys
            import pyarrow as pa, pyarrow.parquet as pq
            t = pa.table({"x": pa.array([i if i % 10 else None for i in range(5000)], pa.int64())})
            pq.write_table(t, sys.argv[1], write_page_index=True, data_page_size=1024, compression="none")
            """, arguments: [path])
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let metadata = try FileMetaData(thrift: try FileMetaDataTests.footer(of: URL(fileURLWithPath: path)))
        let chunk = try #require(metadata.rowGroups.first?.columns.first)
        let columnStart = Int(try #require(chunk.columnIndexOffset))
        let columnLength = Int(try #require(chunk.columnIndexLength))
        let index = try ColumnIndex(thrift: Array(data[columnStart..<(columnStart + columnLength)]))
        let offsetStart = Int(try #require(chunk.offsetIndexOffset))
        let offsetLength = Int(try #require(chunk.offsetIndexLength))
        let offsets = try OffsetIndex(thrift: Array(data[offsetStart..<(offsetStart + offsetLength)]))
        #expect(index.nullPages.count > 1)
        #expect(offsets.pageLocations.count == index.nullPages.count)
        #expect(offsets.pageLocations.first?.firstRowIndex == 0)
        #expect(index.nullCounts?.reduce(0, +) == 500)
        #expect(index.boundaryOrder == .ascending)
        #expect(FileMetaDataTests.littleEndian(try #require(index.minValues.first)) == 1)
        #expect(try ColumnIndex(thrift: index.thriftBytes) == index)
        #expect(try OffsetIndex(thrift: offsets.thriftBytes) == offsets)
    }
}

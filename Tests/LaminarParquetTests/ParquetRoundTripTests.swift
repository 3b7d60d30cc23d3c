import LaminarArrow
import LaminarCompression
import LaminarParquet
import LaminarTestSupport
import Testing

/// Our writer and reader against each other, over every supported type, nesting and writer option; the
/// interop tests check the same files against pyarrow and DuckDB.
@Suite struct ParquetRoundTripTests {
    static func sampleBatch(rows: Int = 500) throws -> RecordBatch {
        var random = SeededGenerator(seed: 11)
        func maybe<T>(_ value: T) -> T? { random.next() % 7 == 0 ? nil : value }
        let element = Field(name: "element", type: .int64)
        let listType = DataType.list(element)
        let pointFields = [Field(name: "x", type: .int32), Field(name: "label", type: .utf8)]
        let mapType = DataType.map(key: .utf8, value: .int32)
        let listBuilder = ListBuilder(type: listType)
        let structBuilder = StructBuilder(fields: pointFields)
        let mapBuilder = ListBuilder(type: mapType)
        var ids: [Int64] = []
        var amounts: [Double?] = []
        var names: [String?] = []
        var flags: [Bool?] = []
        var small: [Int8?] = []
        var unsigned: [UInt64?] = []
        var days: [Int32?] = []
        var stamps: [Int64?] = []
        var prices: [Int128?] = []
        var wide: [Int128?] = []
        for row in 0..<rows {
            ids.append(Int64(row) * 1_000_003 - 7)
            amounts.append(maybe(Double(Int64(bitPattern: random.next()) % 1_000_000) / 100))
            names.append(maybe(["north", "south", "east", "west", "ζ", ""][Int(random.next() % 6)]))
            flags.append(maybe(random.next() % 2 == 0))
            small.append(maybe(Int8(truncatingIfNeeded: random.next())))
            unsigned.append(maybe(random.next()))
            days.append(maybe(Int32(truncatingIfNeeded: random.next() % 40_000)))
            stamps.append(maybe(Int64(bitPattern: random.next()) >> 8))
            prices.append(maybe(Int128(Int64(bitPattern: random.next()) % 1_000_000_000)))
            wide.append(maybe(Int128(Int64(bitPattern: random.next())) * 1_000_000_007))
            if random.next() % 5 == 0 {
                listBuilder.appendNull()
            } else {
                for _ in 0..<Int(random.next() % 4) {
                    try listBuilder.values.append(random.next() % 6 == 0 ? .null : .int64(Int64(random.next() % 100)))
                }
                listBuilder.appendElement()
            }
            if random.next() % 6 == 0 {
                structBuilder.appendNull()
            } else {
                try structBuilder.children[0].append(random.next() % 4 == 0 ? .null : .int32(Int32(row)))
                try structBuilder.children[1].append(random.next() % 4 == 0 ? .null : .utf8("p\(row)"))
                structBuilder.appendRow()
            }
            if random.next() % 6 == 0 {
                mapBuilder.appendNull()
            } else {
                let entries = try #require(mapBuilder.values as? StructBuilder)
                for key in ["a", "b", "c"].prefix(Int(random.next() % 4)) {
                    try entries.children[0].append(.utf8(key))
                    try entries.children[1].append(random.next() % 3 == 0 ? .null : .int32(Int32(row)))
                    entries.appendRow()
                }
                mapBuilder.appendElement()
            }
        }
        return try RecordBatch(
            schema: Schema([
                Field(name: "id", type: .int64, nullable: false, id: 1),
                Field(name: "amount", type: .float64),
                Field(name: "region", type: .utf8),
                Field(name: "flag", type: .boolean),
                Field(name: "small", type: .int8),
                Field(name: "unsigned", type: .uint64),
                Field(name: "day", type: .date32),
                Field(name: "at", type: .timestamp(.microsecond, timeZone: "UTC")),
                Field(name: "price", type: .decimal128(precision: 12, scale: 2)),
                Field(name: "wide", type: .decimal128(precision: 38, scale: 3)),
                Field(name: "tags", type: listType),
                Field(name: "point", type: .struct(pointFields)),
                Field(name: "attrs", type: mapType),
            ]),
            columns: [
                Int64Array(values: ids), Float64Array(amounts), StringArray(names), BooleanArray(flags),
                Int8Array(small), UInt64Array(unsigned), Int32Array(days, type: .date32),
                Int64Array(stamps, type: .timestamp(.microsecond, timeZone: "UTC")),
                Decimal128Array(prices, type: .decimal128(precision: 12, scale: 2)),
                Decimal128Array(wide, type: .decimal128(precision: 38, scale: 3)),
                listBuilder.finish(), structBuilder.finish(), mapBuilder.finish(),
            ])
    }

    static func roundTrip(_ batch: RecordBatch, options: ParquetWriterOptions, batches: Int = 3) async throws
        -> (ParquetFileReader, [RecordBatch])
    {
        let sink = MemoryByteSink()
        let writer = try ParquetWriter(schema: batch.schema, sink: sink, options: options)
        let step = (batch.rowCount + batches - 1) / batches
        for start in stride(from: 0, to: batch.rowCount, by: step) {
            try await writer.write(batch.slice(offset: start, count: min(step, batch.rowCount - start)))
        }
        try await writer.close()
        #expect(sink.isClosed)
        #expect(writer.bytesWritten == sink.bytes.count)
        let reader = try await ParquetFileReader(source: MemorySource(sink.bytes), name: "memory")
        return (reader, try await reader.read())
    }

    static func expectSameValues(_ expected: RecordBatch, _ actual: [RecordBatch]) throws {
        let joined = try RecordBatch.concatenate(actual)
        #expect(joined.rowCount == expected.rowCount)
        #expect(joined.schema.names == expected.schema.names)
        for (index, field) in expected.schema.fields.enumerated() {
            let want = expected.columns[index].scalars
            let got = joined.columns[index].scalars
            #expect(joined.schema.fields[index].type == field.type, "\(field.name)")
            let firstDifference = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil, "\(field.name) row \(firstDifference?.offset ?? -1)")
        }
    }

    @Test(arguments: [
        ParquetWriterOptions.PageVersion.v1, .v2,
    ]) func valuesSurviveEveryCodec(version: ParquetWriterOptions.PageVersion) async throws {
        let batch = try Self.sampleBatch()
        for codec in [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw, .brotli] {
            var options = ParquetWriterOptions()
            options.pageVersion = version
            options.compression = codec
            options.pageRowLimit = 97
            let (reader, batches) = try await Self.roundTrip(batch, options: options)
            try Self.expectSameValues(batch, batches)
            #expect(reader.arrowSchema.fields[0].fieldID == 1)
        }
    }

    /// Flat optional columns are read into a validity bitmap that starts at the first page holding a null; the
    /// pages before it, a nullable struct over a required leaf (whose one level is the struct's) and null-free
    /// chunks must all come back exactly.
    @Test(arguments: [
        ParquetWriterOptions.PageVersion.v1, .v2,
    ]) func nullsFirstSeenInALaterPageKeepTheirRows(version: ParquetWriterOptions.PageVersion) async throws {
        let rows = 1_000
        let late = Int64Array((0..<rows).map { $0 >= 600 && $0 % 3 == 0 ? nil : Int64($0) })
        let never = Int64Array((0..<rows).map { Int64?(Int64($0) * 7) })
        let inner = Field(name: "x", type: .int32, nullable: false)
        let point = StructArray(
            fields: [inner], children: [Int32Array((0..<rows).map { Int32($0) })], count: rows,
            validity: ValidityBitmap(buffer: { () -> Buffer in
                var bits = BitmapBuilder(capacity: rows)
                for row in 0..<rows { bits.append(row < 700 || row % 5 != 0) }
                return bits.finish()
            }()))
        let batch = try RecordBatch(
            schema: Schema([Field(name: "late", type: .int64), Field(name: "never", type: .int64),
                            Field(name: "point", type: .struct([inner]))]),
            columns: [late, never, point])
        var options = ParquetWriterOptions()
        options.pageVersion = version
        options.pageRowLimit = 50
        let (reader, batches) = try await Self.roundTrip(batch, options: options, batches: 4)
        #expect(reader.schema.columns.map(\.maxDefinitionLevel) == [1, 1, 1])
        try Self.expectSameValues(batch, batches)
        let joined = try RecordBatch.concatenate(batches)
        #expect(joined.columns[0].nullCount == late.nullCount)
        #expect(joined.columns[1].nullCount == 0)
        #expect(joined.columns[2].nullCount == point.nullCount)
    }

    @Test func dictionaryFallsBackToPlainWhenItOutgrowsItsLimit() async throws {
        let batch = try Self.sampleBatch(rows: 2000)
        var options = ParquetWriterOptions()
        options.dictionaryByteLimit = 64
        options.pageRowLimit = 5
        let (reader, batches) = try await Self.roundTrip(batch, options: options)
        try Self.expectSameValues(batch, batches)
        let columns = try #require(reader.metadata.rowGroups.first?.columns)
        // Distinct amounts fill the dictionary after a few pages; the rest are PLAIN.
        let amounts = try #require(columns[1].metaData)
        #expect(amounts.encodings.contains(.rleDictionary))
        #expect(amounts.encodings.contains(.plain))
        #expect(amounts.dictionaryPageOffset != nil)
        // Six distinct regions never outgrow it.
        #expect(columns[2].metaData?.encodings.contains(.rleDictionary) == true)
    }

    @Test func requestedEncodingsAreUsed() async throws {
        let batch = try Self.sampleBatch()
        var options = ParquetWriterOptions()
        options.columnEncodings = ["id": .deltaBinaryPacked, "amount": .byteStreamSplit, "region": .deltaByteArray]
        let (reader, batches) = try await Self.roundTrip(batch, options: options)
        try Self.expectSameValues(batch, batches)
        let columns = try #require(reader.metadata.rowGroups.first?.columns)
        #expect(columns[0].metaData?.encodings.contains(.deltaBinaryPacked) == true)
        #expect(columns[1].metaData?.encodings.contains(.byteStreamSplit) == true)
        #expect(columns[2].metaData?.encodings.contains(.deltaByteArray) == true)
    }

    @Test func rowGroupsRollAtTheRowLimitAndProjectionReadsOnlyChosenFields() async throws {
        let batch = try Self.sampleBatch(rows: 1000)
        var options = ParquetWriterOptions()
        options.rowGroupRowLimit = 300
        let (reader, _) = try await Self.roundTrip(batch, options: options, batches: 7)
        #expect(reader.metadata.rowGroups.map(\.numRows) == [300, 300, 300, 100])
        let byName = try await reader.read(projection: .names(["region", "id"]))
        #expect(byName.first?.schema.names == ["region", "id"])
        let byID = try await reader.read(projection: .fieldIDs([1]))
        #expect(byID.first?.schema.names == ["id"])
        let joined = try RecordBatch.concatenate(byID)
        #expect(joined.columns[0].scalars == batch.columns[0].scalars)
    }

    @Test func statisticsPruneRowGroups() async throws {
        let batch = try Self.sampleBatch(rows: 1000)
        var options = ParquetWriterOptions()
        options.rowGroupRowLimit = 250
        let (reader, _) = try await Self.roundTrip(batch, options: options)
        // Ids grow with the row number, so each row group covers its own id range.
        let target = Int64(600) * 1_000_003 - 7
        let hits = try await reader.read(where: .compare(column: "id", .equal, .int64(target)))
        #expect(hits.count == 1)
        #expect(hits.first?.columns[0].scalars.contains(.int64(target)) == true)
        let none = try await reader.read(where: .compare(column: "id", .less, .int64(-100)))
        #expect(none.isEmpty)
        let stats = try #require(reader.metadata.rowGroups[0].columns[0].metaData?.statistics)
        #expect(stats.nullCount == 0)
        #expect(stats.minValue == withUnsafeBytes(of: Int64(-7).littleEndian) { Array($0) })
    }

    @Test func corruptFilesThrowParquetErrorsNamingTheFile() async throws {
        let sink = MemoryByteSink()
        let writer = try ParquetWriter(schema: try Self.sampleBatch(rows: 10).schema, sink: sink)
        try await writer.write(try Self.sampleBatch(rows: 50))
        try await writer.close()
        let bytes = sink.bytes
        await #expect(throws: ParquetError.self) {
            _ = try await ParquetFileReader(source: MemorySource(Array(bytes.dropLast())), name: "cut.parquet")
        }
        await #expect(throws: ParquetError.self) {
            _ = try await ParquetFileReader(source: MemorySource(Array("PAR1".utf8)), name: "tiny.parquet")
        }
        var random = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<3 {
                let position = Int(random.next() % UInt64(damaged.count))
                damaged[position] = UInt8(truncatingIfNeeded: random.next())
            }
            do {
                let reader = try await ParquetFileReader(source: MemorySource(damaged), name: "damaged.parquet")
                _ = try await reader.read()
            } catch {
                #expect(error.file == "damaged.parquet")
            }
        }
    }
}

import Testing
@testable import LaminarArrow

@Suite struct ArrayTests {
    @Test func primitiveArraysKeepValuesAndNulls() {
        let array = Int32Array([1, nil, 3, -4])
        #expect(array.count == 4)
        #expect(array.nullCount == 1)
        #expect(array.values == [1, nil, 3, -4])
        #expect(array.scalar(at: 0) == .int32(1))
        #expect(array.scalar(at: 1) == .null)
        #expect(array.dataType == .int32)
    }

    @Test func everyFixedWidthTypeRoundTripsThroughScalars() throws {
        let cases: [(DataType, [ScalarValue])] = [
            (.int8, [.int8(-128), .null, .int8(127)]),
            (.int16, [.int16(-32768), .int16(7)]),
            (.int64, [.int64(.min), .int64(.max), .null]),
            (.uint8, [.uint8(255), .null]),
            (.uint16, [.uint16(65535)]),
            (.uint32, [.uint32(.max)]),
            (.uint64, [.uint64(.max), .uint64(0)]),
            (.float32, [.float32(1.5), .float32(-.infinity), .null]),
            (.float64, [.float64(2.25), .null]),
            (.decimal128(precision: 10, scale: 2), [.decimal128(12345, precision: 10, scale: 2), .null]),
            (.date32, [.date32(18_262), .null]),
            (.time64(.microsecond), [.time64(3_600_000_000, .microsecond)]),
            (.timestamp(.microsecond, timeZone: "UTC"), [.timestamp(1, .microsecond, timeZone: "UTC"), .null]),
            (.timestamp(.nanosecond, timeZone: nil), [.timestamp(-5, .nanosecond, timeZone: nil)]),
            (.boolean, [.boolean(true), .null, .boolean(false)]),
            (.utf8, [.utf8("héllo"), .null, .utf8("")]),
            (.binary, [.binary([0, 255, 7]), .null]),
            (.fixedSizeBinary(byteWidth: 2), [.fixedSizeBinary([1, 2]), .null]),
            (.null, [.null, .null]),
        ]
        for (type, scalars) in cases {
            let array = try makeArray(type: type, scalars: scalars)
            #expect(array.dataType == type)
            #expect(array.scalars == scalars, "\(type)")
            #expect(array.nullCount == scalars.filter(\.isNull).count, "\(type)")
        }
    }

    @Test func buildersRejectScalarsOfOtherTypes() {
        #expect(throws: ArrowError.self) { try makeArray(type: .int32, scalars: [.int64(1)]) }
        #expect(throws: ArrowError.self) { try makeArray(type: .fixedSizeBinary(byteWidth: 4), scalars: [.binary([1])]) }
        #expect(throws: ArrowError.self) { try makeArray(type: .utf8, scalars: [.boolean(true)]) }
    }

    @Test func nestedArraysBuildFromScalars() throws {
        let item = Field(name: "item", type: .int32)
        let listType = DataType.list(item)
        let lists: [ScalarValue] = [
            .list([.int32(1), .int32(2)], element: item), .null, .list([], element: item),
            .list([.null, .int32(5)], element: item),
        ]
        let listArray = try makeArray(type: listType, scalars: lists)
        #expect(listArray.scalars == lists)
        #expect((listArray as? ListArray)?.valueRange(at: 3) == 2..<4)

        let fields = [Field(name: "a", type: .utf8), Field(name: "b", type: listType)]
        let structs: [ScalarValue] = [
            .struct([.utf8("x"), lists[0]], fields: fields), .null, .struct([.null, lists[2]], fields: fields),
        ]
        let structArray = try makeArray(type: .struct(fields), scalars: structs)
        #expect(structArray.scalars == structs)
        #expect(structArray.nullCount == 1)

        let mapType = DataType.map(key: .utf8, value: .int64)
        let maps: [ScalarValue] = [
            .map(keys: [.utf8("k1"), .utf8("k2")], values: [.int64(1), .null], type: mapType), .null,
            .map(keys: [], values: [], type: mapType),
        ]
        let mapArray = try makeArray(type: mapType, scalars: maps)
        #expect(mapArray.scalars == maps)
        #expect(mapType.mapKeyValue?.key.isNullable == false)
    }

    @Test func slicingSharesBuffersAndShiftsValidity() throws {
        let array = Int64Array([0, nil, 2, 3, nil, 5, 6, 7, 8, nil])
        let slice = array.slice(offset: 3, count: 5)
        #expect(slice.values == [3, nil, 5, 6, 7])
        #expect(slice.nullCount == 1)
        #expect(slice.valueBuffer === array.valueBuffer)
        let nested = slice.slice(offset: 1, count: 2)
        #expect(nested.values == [nil, 5])

        let strings = StringArray(["a", nil, "ccc", "dd"])
        #expect(strings.slice(offset: 1, count: 3).values == [nil, "ccc", "dd"])
        let bools = BooleanArray([true, false, nil, true, true, false, true, false, false, true])
        #expect(bools.slice(offset: 7, count: 3).values == [false, false, true])
        #expect(bools.slice(offset: 2, count: 4).trueCount == 2)
    }

    @Test func concatenationJoinsEveryType() throws {
        let a = try makeArray(type: .utf8, scalars: [.utf8("a"), .null])
        let b = try makeArray(type: .utf8, scalars: [.utf8("bb")])
        let joined = try Compute.concatenate([a, b.slice(offset: 0, count: 1)])
        #expect(joined.scalars == [.utf8("a"), .null, .utf8("bb")])

        let item = Field(name: "item", type: .int32)
        let l1 = try makeArray(type: .list(item), scalars: [.list([.int32(1)], element: item), .null])
        let l2 = try makeArray(type: .list(item), scalars: [.list([.int32(2), .int32(3)], element: item)])
        let lists = try Compute.concatenate([l1.slice(offset: 1, count: 1), l2, l1])
        #expect(lists.scalars == [.null, .list([.int32(2), .int32(3)], element: item),
                                  .list([.int32(1)], element: item), .null])
        #expect(throws: ArrowError.self) { try Compute.concatenate([a, Int32Array([1])]) }
    }

    @Test func equalityIgnoresLayout() {
        let whole = Int32Array([9, 1, nil, 3])
        #expect(whole.slice(offset: 1, count: 3) == Int32Array([1, nil, 3]))
        #expect(Int32Array([1, 2]) != Int32Array([1, 3]))
        #expect(Float64Array([.nan]) == Float64Array([.nan]))
        #expect(StringArray(["x", nil]) != StringArray(["x", "y"]))
    }

    @Test func recordBatchChecksShapeAndPrints() throws {
        let batch = try RecordBatch(["id": Int64Array([1, 2]), "name": StringArray(["Alice", nil])])
        #expect(batch.rowCount == 2)
        #expect(batch.row(1) == [.int64(2), .null])
        #expect(batch.description == """
            +----+-------+
            | id | name  |
            +----+-------+
            | 1  | Alice |
            | 2  |       |
            +----+-------+
            """)
        let schema = Schema([Field(name: "id", type: .int64, nullable: false)])
        #expect(throws: ArrowError.self) { try RecordBatch(schema: schema, columns: [Int64Array([1, nil])]) }
        #expect(throws: ArrowError.self) { try RecordBatch(schema: schema, columns: [Int32Array([1])]) }
        #expect(throws: ArrowError.self) {
            try RecordBatch(["a": Int64Array([1]), "b": Int64Array([1, 2])])
        }
        let doubled = try RecordBatch.concatenate([batch, batch.slice(offset: 1, count: 1)])
        #expect(doubled.rowCount == 3)
        #expect(doubled.row(2) == [.int64(2), .null])
    }

    @Test func fieldIDsLiveInParquetMetadataKey() {
        var field = Field(name: "x", type: .int32, id: 7)
        #expect(field.fieldID == 7)
        #expect(field.metadata["PARQUET:field_id"] == "7")
        field.fieldID = nil
        #expect(field.metadata.isEmpty)
        #expect(DataType.timestamp(.microsecond, timeZone: "UTC").description == "timestamp[us, tz=UTC]")
        #expect(DataType.map(key: .utf8, value: .int32).description == "map<string, int32>")
        #expect(DataType.list(of: .int64).description == "list<item: int64>")
    }

    @Test func millionsOfRowsBuildWithoutPerElementAllocation() {
        let builder = PrimitiveBuilder<Int64>(capacity: 0)
        for value in 0..<2_000_000 { builder.append(Int64(value)) }
        let array = builder.finishTyped()
        #expect(array.count == 2_000_000)
        #expect(array.value(at: 1_999_999) == 1_999_999)
        #expect(array.valueBuffer.byteCount == 16_000_000)
    }
}

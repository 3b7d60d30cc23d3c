import Testing
@testable import LaminarArrow

@Suite struct KernelTests {
    @Test func filterDropsFalseAndNullMaskEntries() throws {
        let values = StringArray(["a", "b", nil, "d"])
        let mask = BooleanArray([true, nil, true, false])
        let filtered = try Compute.filter(values, mask: mask)
        #expect(filtered.scalars == [.utf8("a"), .null])
        #expect(throws: ArrowError.self) { try Compute.filter(values, mask: BooleanArray([true])) }
        let batch = try RecordBatch(["v": values, "n": Int32Array([1, 2, 3, 4])])
        let rows = try Compute.filter(batch, mask: mask)
        #expect(rows.rowCount == 2)
        #expect(rows.row(1) == [.null, .int32(3)])
    }

    @Test func takeGathersRepeatsAndChecksBounds() throws {
        let values = Float64Array([1.5, nil, 3.5])
        #expect(try Compute.take(values, indices: [2, 2, 1, 0]).scalars == [.float64(3.5), .float64(3.5), .null, .float64(1.5)])
        #expect(throws: ArrowError.indexOutOfBounds(index: 3, count: 3)) { try Compute.take(values, indices: [3]) }
        #expect(throws: ArrowError.self) { try Compute.take(values, indices: [-1]) }
        let fields = [Field(name: "x", type: .int32)]
        let structs = try makeArray(type: .struct(fields), scalars: [.struct([.int32(1)], fields: fields), .null])
        #expect(try Compute.take(structs, indices: [1, 0]).scalars == [.null, .struct([.int32(1)], fields: fields)])
    }

    @Test func comparisonsFollowSQLNullAndNaNRules() throws {
        let a = Float64Array([1, .nan, nil, 2, -0.0])
        let b = Float64Array([1, .nan, 3, .nan, 0.0])
        #expect(try Compute.compare(a, .equal, b).values == [true, true, nil, false, true])
        #expect(try Compute.compare(a, .less, b).values == [false, false, nil, true, false])
        #expect(try Compute.compare(a, .greaterOrEqual, .float64(1)).values == [true, true, nil, true, false])
        #expect(try Compute.compare(a, .equal, .null).values == [nil, nil, nil, nil, nil])
        let s = StringArray(["apple", "b", "", nil])
        #expect(try Compute.compare(s, .less, .utf8("b")).values == [true, false, true, nil])
        #expect(try Compute.compare(s, .notEqual, s).values == [false, false, false, nil])
        #expect(throws: ArrowError.self) { try Compute.compare(a, .equal, Int32Array([1, 2, 3, 4, 5])) }
    }

    @Test func arithmeticChecksOverflowAndDivisionByZero() throws {
        let a = Int8Array([100, 1, nil, -128])
        let b = Int8Array([27, 2, 5, 0])
        #expect(try Compute.arithmetic(a, .add, b).scalars == [.int8(127), .int8(3), .null, .int8(-128)])
        #expect(throws: ArrowError.self) { try Compute.arithmetic(a, .add, .int8(100)) }
        #expect(throws: ArrowError.divideByZero(row: 3)) { try Compute.arithmetic(a, .divide, b) }
        #expect(try Compute.arithmetic(Int32Array([7, -7]), .remainder, .int32(3)).scalars == [.int32(1), .int32(-1)])
        #expect(try Compute.arithmetic(Float64Array([1]), .divide, .float64(0)).scalars == [.float64(.infinity)])
        #expect(try Compute.negate(Int64Array([5, nil])).scalars == [.int64(-5), .null])
        // Nulls may hide any bit pattern; they must not trigger division errors.
        #expect(try Compute.arithmetic(Int32Array([1, nil]), .divide, Int32Array([1, nil])).scalars == [.int32(1), .null])

        let price = try makeArray(type: .decimal128(precision: 5, scale: 2),
                                  scalars: [.decimal128(12345, precision: 5, scale: 2)])
        let sum = try Compute.arithmetic(price, .add, price)
        #expect(sum.dataType == .decimal128(precision: 6, scale: 2))
        #expect(sum.scalar(at: 0).description == "246.90")
        let product = try Compute.arithmetic(price, .multiply, price)
        #expect(product.scalar(at: 0).description == "15239.9025")
        #expect(throws: ArrowError.self) { try Compute.arithmetic(Int32Array([1]), .add, Int64Array([1])) }
    }

    @Test func booleanLogicIsKleene() throws {
        let a = BooleanArray([true, true, true, false, false, false, nil, nil, nil])
        let b = BooleanArray([true, false, nil, true, false, nil, true, false, nil])
        #expect(try Compute.and(a, b).values == [true, false, nil, false, false, false, nil, false, nil])
        #expect(try Compute.or(a, b).values == [true, true, true, true, false, nil, true, nil, nil])
        #expect(try Compute.xor(a, b).values == [false, true, nil, true, false, nil, nil, nil, nil])
        #expect(Compute.not(a).values == [false, false, false, true, true, true, nil, nil, nil])
        #expect(Compute.isNull(a).values == [false, false, false, false, false, false, true, true, true])
        #expect(Compute.isNotNull(StringArray(["x", nil])).values == [true, false])
    }

    @Test func numericCastsCheckRanges() throws {
        let wide = Int64Array([1, 300, nil, -5])
        #expect(throws: ArrowError.self) { try Compute.cast(wide, to: .int8) }
        #expect(try Compute.cast(wide, to: .int8, options: .nullOnFailure).scalars == [.int8(1), .null, .null, .int8(-5)])
        #expect(try Compute.cast(wide, to: .uint16, options: .nullOnFailure).scalars == [.uint16(1), .uint16(300), .null, .null])
        #expect(try Compute.cast(Int32Array([7]), to: .int64).scalars == [.int64(7)])
        #expect(try Compute.cast(Float64Array([2.9, -2.9]), to: .int32).scalars == [.int32(2), .int32(-2)])
        #expect(throws: ArrowError.self) { try Compute.cast(Float64Array([.nan]), to: .int32) }
        #expect(try Compute.cast(Int32Array([0, 2]), to: .boolean).scalars == [.boolean(false), .boolean(true)])
        let decimals = try Compute.cast(Float64Array([1.005, -2.5]), to: .decimal128(precision: 5, scale: 1))
        #expect(decimals.scalars.map(\.description) == ["1.0", "-2.5"])
        #expect(throws: ArrowError.self) { try Compute.cast(Int64Array([123_456]), to: .decimal128(precision: 5, scale: 2)) }
        let rescaled = try Compute.cast(decimals, to: .decimal128(precision: 6, scale: 3))
        #expect(rescaled.scalars.map(\.description) == ["1.000", "-2.500"])
        #expect(try Compute.cast(rescaled, to: .float64).scalars == [.float64(1), .float64(-2.5)])
    }

    @Test func stringCastsParseAndNameTheFailingRow() throws {
        let text = StringArray([" 42", "-7", nil, "x"])
        #expect(throws: ArrowError.parse(row: 3, value: "x", expected: "int32")) {
            try Compute.cast(text, to: .int32)
        }
        #expect(try Compute.cast(text, to: .int32, options: .nullOnFailure).scalars == [.int32(42), .int32(-7), .null, .null])
        #expect(try Compute.cast(StringArray(["1.5", "1e2"]), to: .float64).scalars == [.float64(1.5), .float64(100)])
        #expect(try Compute.cast(StringArray(["TRUE", "no"]), to: .boolean).scalars == [.boolean(true), .boolean(false)])
        #expect(try Compute.cast(StringArray(["12.345"]), to: .decimal128(precision: 5, scale: 2)).scalar(at: 0)
                == .decimal128(1235, precision: 5, scale: 2))
        #expect(try Compute.cast(StringArray(["2024-02-29"]), to: .date32).scalars == [.date32(19_782)])
        let ts = try Compute.cast(StringArray(["1970-01-02T00:00:01Z"]), to: .timestamp(.millisecond, timeZone: "UTC"))
        #expect(ts.scalars == [.timestamp(86_401_000, .millisecond, timeZone: "UTC")])
        #expect(try Compute.cast(StringArray(["01:02:03.5"]), to: .time64(.microsecond)).scalars
                == [.time64(3_723_500_000, .microsecond)])
        let back = try Compute.cast(Int32Array([5, nil]), to: .utf8)
        #expect(back.scalars == [.utf8("5"), .null])
        #expect(try Compute.cast(ts, to: .utf8).scalars == [.utf8("1970-01-02T00:00:01.000Z")])
        #expect(try Compute.cast(StringArray(["ab"]), to: .binary).scalars == [.binary([97, 98])])
        #expect(throws: ArrowError.self) { try Compute.cast(BinaryArray([[0xFF]]), to: .utf8) }
    }

    @Test func temporalCastsConvertUnitsAndFloorBeforeEpoch() throws {
        let micros = try makeArray(type: .timestamp(.microsecond, timeZone: nil),
                                   scalars: [.timestamp(-1, .microsecond, timeZone: nil), .timestamp(86_400_000_001, .microsecond, timeZone: nil)])
        #expect(try Compute.cast(micros, to: .date32).scalars == [.date32(-1), .date32(1)])
        #expect(try Compute.cast(micros, to: .timestamp(.second, timeZone: nil)).scalars
                == [.timestamp(-1, .second, timeZone: nil), .timestamp(86_400, .second, timeZone: nil)])
        #expect(try Compute.cast(micros, to: .timestamp(.nanosecond, timeZone: "UTC")).scalars
                == [.timestamp(-1000, .nanosecond, timeZone: "UTC"), .timestamp(86_400_000_001_000, .nanosecond, timeZone: "UTC")])
        #expect(try Compute.cast(micros, to: .time64(.microsecond)).scalars
                == [.time64(86_399_999_999, .microsecond), .time64(1, .microsecond)])
        #expect(try Compute.cast(Int32Array([3]).asPrimitive, to: .date32).scalars == [.date32(3)])
        let seconds = try makeArray(type: .timestamp(.second, timeZone: nil), scalars: [.timestamp(.max, .second, timeZone: nil)])
        #expect(throws: ArrowError.self) { try Compute.cast(seconds, to: .timestamp(.nanosecond, timeZone: nil)) }
        #expect(try Compute.cast(try makeArray(type: .date32, scalars: [.date32(1)]), to: .timestamp(.millisecond, timeZone: nil)).scalars
                == [.timestamp(86_400_000, .millisecond, timeZone: nil)])
    }

    @Test func nestedCastsConvertChildren() throws {
        let item = Field(name: "item", type: .int32)
        let lists = try makeArray(type: .list(item), scalars: [.list([.int32(1), .null], element: item), .null])
        let wider = try Compute.cast(lists, to: .list(of: .int64))
        #expect(wider.scalars == [.list([.int64(1), .null], element: Field(name: "item", type: .int64)), .null])
        let fields = [Field(name: "a", type: .int32)]
        let structs = try makeArray(type: .struct(fields), scalars: [.struct([.int32(9)], fields: fields)])
        let renamed = [Field(name: "a", type: .utf8)]
        #expect(try Compute.cast(structs, to: .struct(renamed)).scalars == [.struct([.utf8("9")], fields: renamed)])
        #expect(try Compute.cast(NullArray(count: 2), to: .utf8).scalars == [.null, .null])
        #expect(throws: ArrowError.self) { try Compute.cast(lists, to: .int32) }
    }

    @Test func rowHashesAreStableAndValueBased() throws {
        let ints = Int64Array([1, 2, 1, nil])
        let names = StringArray(["a", "b", "a", nil])
        let hashes = try Compute.hashRows([ints, names])
        #expect(hashes[0] == hashes[2])
        #expect(hashes[0] != hashes[1])
        #expect(hashes[3] != hashes[0])
        // Slices hash their own rows, not their buffer positions.
        #expect(try Compute.hashRows([ints.slice(offset: 2, count: 1), names.slice(offset: 2, count: 1)]) == [hashes[0]])
        #expect(try Compute.hashRows([Float64Array([0.0, .nan])]) == Compute.hashRows([Float64Array([-0.0, -.nan])]))
        #expect(try Compute.hashRows([StringArray(["ab", "a"])]) != Compute.hashRows([StringArray(["a", "ab"])]))
        #expect(throws: ArrowError.self) { try Compute.hashRows([ints, Int64Array([1])]) }
        // The hash is fixed across processes: partitioning depends on it.
        #expect(try Compute.hashRows([Int64Array([42])]) == Compute.hashRows([Int64Array([42])]))
    }

    @Test func statisticsSkipNullsAndNaNs() throws {
        let doubles = Compute.statistics(Float64Array([3, nil, .nan, -1, 7]))
        #expect(doubles.min == .float64(-1))
        #expect(doubles.max == .float64(7))
        #expect(doubles.nullCount == 1)
        #expect(doubles.nanCount == 1)
        let strings = Compute.statistics(StringArray(["pear", "apple", nil, "zebra", "Zulu"]))
        #expect(strings.min == .utf8("Zulu"))
        #expect(strings.max == .utf8("zebra"))
        let empty = Compute.statistics(Int32Array([nil, nil]))
        #expect(empty.min == nil && empty.max == nil && empty.nullCount == 2)
        let dates = Compute.statistics(try makeArray(type: .date32, scalars: [.date32(5), .date32(-3)]))
        #expect(dates.min == .date32(-3))
        #expect(Compute.statistics(BooleanArray([true, false])).min == .boolean(false))
    }
}

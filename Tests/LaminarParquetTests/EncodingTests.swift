import Glibc
import LaminarTestSupport
import Testing
@testable import LaminarParquet

/// The value encodings of Encodings.md in parquet-format: bit packing, the RLE/bit-packed hybrid, the delta
/// encodings and BYTE_STREAM_SPLIT. Expected bytes come from the spec's worked examples, from pyarrow (embedded
/// fixtures, see `PyarrowFixtures`), or from a bit-by-bit reference packer in this file; round trips over seeded
/// random data cover the rest. Decoders read from buffers that end right before an inaccessible page, so any
/// read past the end crashes the test instead of passing unnoticed.
@Suite struct EncodingTests {
    // MARK: Bit packing

    @Test func bitPackingMatchesTheSpecExample() {
        // Encodings.md, RLE section, note 1: 0...7 with bit width 3 packs to 10001000 11000110 11111010.
        let values: [UInt64] = Array(0...7)
        var packed: [UInt8] = []
        values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: 3, into: &packed) }
        #expect(packed == [0b1000_1000, 0b1100_0110, 0b1111_1010])
        #expect(unpack(packed, bitWidth: 3, count: 8) == values)
    }

    @Test func bitPackingRoundTripsEveryWidth() {
        var random = SeededGenerator(seed: 1)
        for bitWidth in 0...64 {
            for count in [0, 1, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 100, 255, 1000] {
                let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
                let values = (0..<count).map { _ in random.next() & mask }
                var packed: [UInt8] = []
                values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: bitWidth, into: &packed) }
                #expect(packed == referencePack(values, bitWidth: bitWidth), "width \(bitWidth), count \(count)")
                #expect(unpack(packed, bitWidth: bitWidth, count: count) == values, "width \(bitWidth)")
                // Resuming part-way through a group, as the decoders do between calls.
                let start = count == 0 ? 0 : Int(random.next() % UInt64(count))
                let resumed = withGuardedBytes(packed) { bytes in
                    [UInt64](unsafeUninitializedCapacity: count - start) { buffer, initialized in
                        if let base = buffer.baseAddress {
                            BitPacking.unpack(bytes, bitWidth: bitWidth, from: start, count: count - start, into: base)
                        }
                        initialized = count - start
                    }
                }
                #expect(resumed == Array(values[start...]), "width \(bitWidth), from \(start)")
            }
        }
    }

    @Test func bitPackingTruncatesToTheOutputType() {
        var random = SeededGenerator(seed: 2)
        let values = (0..<77).map { _ in random.next() & 0x3FFF }
        var packed: [UInt8] = []
        values.withUnsafeBufferPointer { BitPacking.pack($0, bitWidth: 14, into: &packed) }
        let narrow = withGuardedBytes(packed) { bytes in
            [UInt8](unsafeUninitializedCapacity: 77) { buffer, initialized in
                if let base = buffer.baseAddress { BitPacking.unpack(bytes, bitWidth: 14, count: 77, into: base) }
                initialized = 77
            }
        }
        #expect(narrow == values.map { UInt8(truncatingIfNeeded: $0) })
    }

    @Test func bitWidthOfMaximum() {
        #expect(BitPacking.bitWidth(of: 0) == 0)
        #expect(BitPacking.bitWidth(of: 1) == 1)
        #expect(BitPacking.bitWidth(of: 7) == 3)
        #expect(BitPacking.bitWidth(of: 8) == 4)
        #expect(BitPacking.bitWidth(of: UInt64(UInt32.max)) == 32)
        #expect(BitPacking.bitWidth(of: .max) == 64)
    }

    // MARK: RLE / bit-packed hybrid

    @Test func rleDecodesHandWrittenRuns() throws {
        // A bit-packed run of one group (header 1 << 1 | 1) holding the spec's 0...7 at width 3, then an RLE
        // run of ten 5s (header 10 << 1, value in one byte).
        let data: [UInt8] = [0x03, 0x88, 0xC6, 0xFA, 0x14, 0x05]
        let decoded = try decodeRLE(data, bitWidth: 3, count: 20, batch: 20)
        #expect(decoded == Array(0...7) + Array(repeating: 5, count: 10))
        // RLE values wider than a byte are little-endian, in whole bytes.
        #expect(try decodeRLE([0x06, 0x34, 0x12, 0x02], bitWidth: 13, count: 3, batch: 3) == [0x1234, 0x1234, 0x1234])
    }

    @Test func rleRoundTripsEveryWidth() throws {
        var random = SeededGenerator(seed: 3)
        for bitWidth in 0...32 {
            let values = mixedRuns(&random, bitWidth: bitWidth, count: 3000)
            var encoder = RLEHybridEncoder(bitWidth: bitWidth)
            for value in values { encoder.append(value) }
            let encoded = encoder.finish()
            for batch in [1, 7, 64, 3000] {
                #expect(try decodeRLE(encoded, bitWidth: bitWidth, count: 3000, batch: batch) == values,
                        "width \(bitWidth), batch \(batch)")
            }
            // The encoder is reusable after `finish()`.
            for value in values { encoder.append(value) }
            #expect(encoder.finish() == encoded)
        }
    }

    @Test func rleDecodesIntoNarrowTypes() throws {
        var random = SeededGenerator(seed: 4)
        let values = mixedRuns(&random, bitWidth: 7, count: 500)
        var encoder = RLEHybridEncoder(bitWidth: 7)
        for value in values { encoder.append(value) }
        let encoded = encoder.finish()
        let decoded = try withGuardedBytes(encoded) { (bytes) throws(ParquetError) -> [Int16] in
            var decoder = try RLEHybridDecoder(bytes, bitWidth: 7)
            var output = [Int16](repeating: -1, count: 500)
            let written = try output.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decode(into: buffer)
            }
            #expect(written == 500)
            #expect(decoder.bytesConsumed == encoded.count)
            return output
        }
        #expect(decoded == values.map { Int16($0) })
    }

    @Test func rleBulkAppendMatchesSingleAppends() throws {
        var random = SeededGenerator(seed: 5)
        var single = RLEHybridEncoder(bitWidth: 2)
        var bulk = RLEHybridEncoder(bitWidth: 2)
        var expected: [UInt64] = []
        for _ in 0..<200 {
            let value = random.next() % 4
            let count = Int(random.next() % 40)
            for _ in 0..<count { single.append(value) }
            bulk.append(value, count: count)
            expected += repeatElement(value, count: count)
        }
        let encoded = bulk.finish()
        #expect(encoded == single.finish())
        #expect(try decodeRLE(encoded, bitWidth: 2, count: expected.count, batch: 100) == expected)
    }

    @Test func rleLongRunsAreCheapAndSplitAtTheFormatLimit() throws {
        var encoder = RLEHybridEncoder(bitWidth: 1)
        encoder.append(1, count: 1_000_000)
        let encoded = encoder.finish()
        #expect(encoded == [0x80, 0x89, 0x7A, 0x01])  // LEB128 of 1_000_000 << 1, then the value
        #expect(try decodeRLE(encoded, bitWidth: 1, count: 1_000_000, batch: 4096) == Array(repeating: 1, count: 1_000_000))

        // Runs are limited to 2^31-1 values: a longer one becomes two runs.
        encoder.append(1, count: Int(Int32.max) + 10)
        #expect(encoder.finish() == [0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x01, 0x14, 0x01])
    }

    @Test func rleWidthZero() throws {
        // Nothing at all: every value is 0.
        #expect(try decodeRLE([], bitWidth: 0, count: 10, batch: 3) == Array(repeating: 0, count: 10))
        var encoder = RLEHybridEncoder(bitWidth: 0)
        encoder.append(0, count: 100)
        let encoded = encoder.finish()
        #expect(encoded == [0xC8, 0x01])
        #expect(try decodeRLE(encoded, bitWidth: 0, count: 100, batch: 30) == Array(repeating: 0, count: 100))
    }

    @Test func rleReturnsFewerValuesWhenTheDataEnds() throws {
        #expect(try decodeRLE([0x08, 0x01], bitWidth: 1, count: 10, batch: 10) == [1, 1, 1, 1])
    }

    @Test func rleLengthPrefixed() throws {
        let page: [UInt8] = [0x02, 0x00, 0x00, 0x00, 0x08, 0x01, 0xEE]
        try withGuardedBytes(page) { (bytes) throws(ParquetError) in
            var (decoder, total) = try RLEHybridDecoder.lengthPrefixed(bytes, bitWidth: 1)
            #expect(total == 6)
            var output = [UInt8](repeating: 0, count: 8)
            let written = try output.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decode(into: buffer)
            }
            #expect(written == 4)
        }
        #expect(throws: ParquetError.self) {
            try withGuardedBytes([0x05, 0x00, 0x00, 0x00, 0x08, 0x01]) { (bytes) throws(ParquetError) in
                _ = try RLEHybridDecoder.lengthPrefixed(bytes, bitWidth: 1)
            }
        }
        #expect(throws: ParquetError.self) {
            try withGuardedBytes([0x05, 0x00]) { (bytes) throws(ParquetError) in
                _ = try RLEHybridDecoder.lengthPrefixed(bytes, bitWidth: 1)
            }
        }
    }

    @Test func rleRejectsCorruptRuns() {
        // Two groups of eight 8-bit values claimed, three bytes present.
        #expect(throws: ParquetError.self) { try decodeRLE([0x05, 1, 2, 3], bitWidth: 8, count: 16, batch: 16) }
        // An RLE value wider than the bit width.
        #expect(throws: ParquetError.self) { try decodeRLE([0x04, 0x09], bitWidth: 3, count: 2, batch: 2) }
        // The value of an RLE run missing.
        #expect(throws: ParquetError.self) { try decodeRLE([0x04], bitWidth: 9, count: 2, batch: 2) }
        // A header varint cut short, and one claiming more than 2^31-1 values.
        #expect(throws: ParquetError.self) { try decodeRLE([0x80], bitWidth: 1, count: 2, batch: 2) }
        #expect(throws: ParquetError.self) {
            try decodeRLE([0x80, 0x80, 0x80, 0x80, 0x10, 0x01], bitWidth: 1, count: 2, batch: 2)
        }
        #expect(throws: ParquetError.self) { _ = try RLEHybridDecoder(UnsafeRawBufferPointer(start: nil, count: 0), bitWidth: 33) }
    }

    @Test func rleTruncationsNeverTrap() throws {
        var random = SeededGenerator(seed: 6)
        for bitWidth in [1, 3, 8, 13, 32] {
            let values = mixedRuns(&random, bitWidth: bitWidth, count: 300)
            var encoder = RLEHybridEncoder(bitWidth: bitWidth)
            for value in values { encoder.append(value) }
            let encoded = encoder.finish()
            for length in 0..<encoded.count {
                // Either an error or a correct prefix of the values.
                if let decoded = try? decodeRLE(Array(encoded[..<length]), bitWidth: bitWidth, count: 300, batch: 37) {
                    #expect(decoded.count < 300)
                    #expect(decoded == Array(values[..<decoded.count]))
                }
            }
        }
    }

    @Test func rleGarbageNeverTraps() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3000 {
            let garbage = randomBytes(&random, maxCount: 48)
            _ = try? decodeRLE(garbage, bitWidth: Int(random.next() % 33), count: 4096, batch: 1000)
        }
    }

    // MARK: DELTA_BINARY_PACKED

    @Test func deltaMatchesTheSpecExamples() throws {
        // Encodings.md's examples use 8-value blocks, which the spec calls invalid for real data; these are the
        // same values in this encoder's 128-value blocks of 4 miniblocks.
        // Example 1: 1...5; deltas all 1: min delta 1, relative deltas 0, bit width 0 and no miniblock data.
        let example1: [UInt8] = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0]
        #expect(encodeDelta([1, 2, 3, 4, 5], bitWidth: 64) == example1)
        #expect(try decodeDelta(example1, batch: 5) == [1, 2, 3, 4, 5])
        // Example 2: 7, 5, 3, 1, 2, 3, 4, 5; min delta -2, relative deltas 0, 0, 0, 3, 3, 3, 3 on 2 bits,
        // padded to 32 values (8 bytes).
        let example2: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0]
        #expect(encodeDelta([7, 5, 3, 1, 2, 3, 4, 5], bitWidth: 64) == example2)
        #expect(try decodeDelta(example2, batch: 3) == [7, 5, 3, 1, 2, 3, 4, 5])
    }

    @Test func deltaRoundTrips() throws {
        var random = SeededGenerator(seed: 8)
        for count in [0, 1, 2, 31, 32, 33, 127, 128, 129, 130, 500, 1000] {
            let shapes: [[Int64]] = [
                (0..<count).map { _ in Int64(bitPattern: random.next()) },
                (0..<count).map { _ in Int64(random.next() % 1000) - 500 },
                (0..<count).map { Int64($0) * 17 + 3 },
                (0..<count).map { $0 % 50 < 25 ? .max - Int64($0) : .min + Int64($0) },
            ]
            for values in shapes {
                let encoded = encodeDelta(values, bitWidth: 64)
                for batch in [1, 5, 128, 1000] {
                    #expect(try decodeDelta(encoded, batch: batch) == values, "count \(count), batch \(batch)")
                }
            }
        }
    }

    @Test func deltaInt32WrapsIn32Bits() throws {
        let values: [Int32] = [.max, .min, .max - 1, .min + 1, 0, -1, 1, .min, .max, .max, .min, 12345, .min + 2]
        var random = SeededGenerator(seed: 9)
        let all = values + (0..<300).map { _ in Int32(truncatingIfNeeded: random.next()) }
        let encoded = encodeDelta(all.map(Int64.init), bitWidth: 32)
        // Every miniblock bit width fits INT32's 32 bits (the spec forbids wider).
        try withGuardedBytes(encoded) { (bytes) throws(ParquetError) in
            var position = 0
            #expect(try LEB128.read(bytes, at: &position) == 128)
            #expect(try LEB128.read(bytes, at: &position) == 4)
            #expect(try LEB128.read(bytes, at: &position) == UInt64(all.count))
            _ = try LEB128.readZigZag(bytes, at: &position)
            for block in 0..<3 {
                _ = try LEB128.readZigZag(bytes, at: &position)
                let widths = (0..<4).map { Int(bytes[position + $0]) }
                #expect(widths.allSatisfy { $0 <= 32 }, "block \(block): \(widths)")
                position += 4 + widths.reduce(0) { $0 + $1 * 4 }
            }
            #expect(position == encoded.count)
        }
        #expect(try decodeDelta(encoded, batch: 50).map { Int32(truncatingIfNeeded: $0) } == all)
    }

    @Test func deltaEndsAfterTheLastNeededMiniblock() throws {
        // 10 values: one block whose last three miniblocks are left out, their bit widths arbitrary (0xFF),
        // followed by unrelated bytes that must not be counted.
        var data: [UInt8] = [0x80, 0x01, 0x04, 0x0A, 0x00]  // first value 0
        data += [0x02, 3, 0xFF, 0xFF, 0xFF]  // min delta 1, widths
        var relative = [UInt64](repeating: 0, count: 32)
        for index in 0..<9 { relative[index] = UInt64(index % 8) }
        data += referencePack(relative, bitWidth: 3)
        let end = data.count
        data += Array("trailing".utf8)
        try withGuardedBytes(data) { (bytes) throws(ParquetError) in
            var decoder = try DeltaBinaryPackedDecoder(bytes)
            #expect(decoder.totalCount == 10)
            let values = try decoder.decodeAll()
            #expect(values == [0, 1, 3, 6, 10, 15, 21, 28, 36, 37])
            #expect(decoder.bytesConsumed == end)
            var skipper = try DeltaBinaryPackedDecoder(bytes)
            try skipper.skipRemaining()
            #expect(skipper.bytesConsumed == end)
        }
    }

    @Test func deltaDecodesPyarrowPages() throws {
        let int32 = try decodeDelta(PyarrowFixtures.deltaInt32, batch: 7)
        #expect(int32.map { Int32(truncatingIfNeeded: $0) } == PyarrowFixtures.int32Values)
        // The same block layout (128 values, 4 miniblocks) and 32-bit wrapping as pyarrow's writer.
        #expect(encodeDelta(PyarrowFixtures.int32Values.map(Int64.init), bitWidth: 32) == PyarrowFixtures.deltaInt32)
        // pyarrow writes INT64 in 256-value blocks of 64-value miniblocks.
        #expect(try decodeDelta(PyarrowFixtures.deltaInt64, batch: 9) == PyarrowFixtures.int64Values)
    }

    @Test func deltaRejectsBadHeaders() {
        let cases: [[UInt8]] = [
            [0x64, 0x04, 0x01, 0x00],  // block size 100
            [0x80, 0x01, 0x03, 0x01, 0x00],  // 3 miniblocks do not divide 128
            [0x80, 0x01, 0x08, 0x01, 0x00],  // 16-value miniblocks
            [0x80, 0x01, 0x00, 0x01, 0x00],  // no miniblocks
            [0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 65, 0, 0, 0],  // bit width 65
            [0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 8, 0, 0, 0, 1, 2],  // miniblock cut short
            [0x80, 0x01, 0x04, 0x02, 0x00, 0x00, 0, 0],  // bit widths cut short
            [0x80, 0x01, 0x04],  // header cut short
        ]
        for data in cases {
            #expect(throws: ParquetError.self, "\(data)") { try decodeDelta(data, batch: 10) }
        }
    }

    @Test func deltaTruncationsAndGarbageNeverTrap() {
        var random = SeededGenerator(seed: 10)
        let values = (0..<300).map { _ in Int64(random.next() % 100_000) }
        let encoded = encodeDelta(values, bitWidth: 64)
        for length in 0..<encoded.count {
            #expect(throws: ParquetError.self) { try decodeDelta(Array(encoded[..<length]), batch: 64) }
        }
        for _ in 0..<3000 {
            let garbage = randomBytes(&random, maxCount: 64)
            _ = try? withGuardedBytes(garbage) { (bytes) throws(ParquetError) in
                var decoder = try DeltaBinaryPackedDecoder(bytes)
                var skipper = decoder
                try skipper.skipRemaining()
                // A fixed buffer: a few garbage bytes can claim billions of values.
                var output = [Int64](repeating: 0, count: 4096)
                _ = try output.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                    try decoder.decode(into: buffer)
                }
            }
        }
    }

    // MARK: DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY

    @Test func deltaLengthMatchesTheSpecExample() throws {
        let words = ["Hello", "World", "Foobar", "ABCDEF"]
        let encoded = DeltaByteArrayEncoder.encodeLengths(byteArrays(words))
        // The lengths, delta-packed, then the bytes back to back.
        let lengthsEnd = try withGuardedBytes(encoded) { (bytes) throws(ParquetError) -> Int in
            var lengths = try DeltaBinaryPackedDecoder(bytes)
            #expect(try lengths.decodeAll() == [5, 5, 6, 6])
            return lengths.bytesConsumed
        }
        #expect(Array(encoded[lengthsEnd...]) == Array("HelloWorldFoobarABCDEF".utf8))
        #expect(try decodeLengths(encoded, count: 4) == words)
    }

    @Test func deltaByteArrayMatchesTheSpecExample() throws {
        let words = ["axis", "axle", "babble", "babyhood"]
        let encoded = DeltaByteArrayEncoder.encodeIncremental(byteArrays(words))
        try withGuardedBytes(encoded) { (bytes) throws(ParquetError) in
            var prefixes = try DeltaBinaryPackedDecoder(bytes)
            #expect(try prefixes.decodeAll() == [0, 2, 0, 3])
            let rest = UnsafeRawBufferPointer(rebasing: bytes[prefixes.bytesConsumed...])
            var suffixLengths = try DeltaBinaryPackedDecoder(rest)
            #expect(try suffixLengths.decodeAll() == [4, 2, 6, 5])
            #expect(Array(rest[suffixLengths.bytesConsumed...]) == Array("axislebabbleyhood".utf8))
        }
        #expect(try decodeIncremental(encoded, count: 4) == words)
    }

    @Test func deltaByteArraysRoundTrip() throws {
        var random = SeededGenerator(seed: 11)
        for count in [0, 1, 2, 100, 129, 1000] {
            // Sorted words over a small alphabet share prefixes of every length; empty values included.
            let words = (0..<count).map { _ -> String in
                String((0..<Int(random.next() % 12)).map { _ in Character(UnicodeScalar(UInt8(97 + random.next() % 3))) })
            }.sorted()
            let values = byteArrays(words)
            #expect(try decodeLengths(DeltaByteArrayEncoder.encodeLengths(values), count: count) == words)
            #expect(try decodeIncremental(DeltaByteArrayEncoder.encodeIncremental(values), count: count) == words)
            // A page may hold more values than the caller asks for (count is the non-null values wanted).
            let wanted = count / 2
            #expect(try decodeLengths(DeltaByteArrayEncoder.encodeLengths(values), count: wanted) == Array(words[..<wanted]))
            #expect(try decodeIncremental(DeltaByteArrayEncoder.encodeIncremental(values), count: wanted)
                == Array(words[..<wanted]))
        }
    }

    @Test func deltaByteArraysAppendToExistingValues() throws {
        let values = byteArrays(["kept"])
        try withGuardedBytes(DeltaByteArrayEncoder.encodeIncremental(byteArrays(["ab", "abc"]))) {
            (bytes) throws(ParquetError) in
            // The first prefix refers to the page's own previous value (none), not to values already held.
            try DeltaByteArrayDecoder.decodeIncremental(bytes, count: 2, into: values)
        }
        #expect((0..<values.count).map { String(decoding: values.bytes(at: $0), as: UTF8.self) } == ["kept", "ab", "abc"])
    }

    @Test func deltaByteArraysDecodePyarrowPages() throws {
        #expect(try decodeLengths(PyarrowFixtures.deltaLengthByteArray, count: 10) == PyarrowFixtures.words)
        #expect(try decodeIncremental(PyarrowFixtures.deltaByteArray, count: 10) == PyarrowFixtures.words)
        // Same layout and lengths as pyarrow's writer.
        #expect(DeltaByteArrayEncoder.encodeLengths(byteArrays(PyarrowFixtures.words)) == PyarrowFixtures.deltaLengthByteArray)
        #expect(DeltaByteArrayEncoder.encodeIncremental(byteArrays(PyarrowFixtures.words)) == PyarrowFixtures.deltaByteArray)
    }

    @Test func deltaByteArraysRejectInconsistentData() {
        func lengths(_ values: [Int64]) -> [UInt8] { encodeDelta(values, bitWidth: 32) }
        // More values wanted than the page holds.
        #expect(throws: ParquetError.self) { try decodeLengths(lengths([1]) + [0x41], count: 2) }
        // A negative length, and lengths running past the data.
        #expect(throws: ParquetError.self) { try decodeLengths(lengths([1, -1]) + [0x41], count: 2) }
        #expect(throws: ParquetError.self) { try decodeLengths(lengths([1, 2]) + [0x41, 0x42], count: 2) }
        // A prefix longer than the previous value, and a first value claiming a prefix.
        #expect(throws: ParquetError.self) {
            try decodeIncremental(lengths([0, 3]) + lengths([2, 1]) + Array("abc".utf8), count: 2)
        }
        #expect(throws: ParquetError.self) { try decodeIncremental(lengths([1]) + lengths([1]) + [0x41], count: 1) }
        // Suffix lengths fewer than prefix lengths.
        #expect(throws: ParquetError.self) { try decodeIncremental(lengths([0, 0]) + lengths([1]) + [0x41], count: 2) }
    }

    @Test func deltaByteArrayTruncationsAndGarbageNeverTrap() throws {
        let words = ["alpha", "alphabet", "alpine", "beta", "", "betamax", "gamma"]
        let lengths = DeltaByteArrayEncoder.encodeLengths(byteArrays(words))
        for length in 0..<lengths.count {
            #expect(throws: ParquetError.self) { try decodeLengths(Array(lengths[..<length]), count: words.count) }
        }
        let incremental = DeltaByteArrayEncoder.encodeIncremental(byteArrays(words))
        for length in 0..<incremental.count {
            #expect(throws: ParquetError.self) {
                try decodeIncremental(Array(incremental[..<length]), count: words.count)
            }
        }
        var random = SeededGenerator(seed: 12)
        for _ in 0..<3000 {
            let garbage = randomBytes(&random, maxCount: 80)
            let count = Int(random.next() % 20)
            _ = try? decodeLengths(garbage, count: count)
            _ = try? decodeIncremental(garbage, count: count)
        }
    }

    // MARK: BYTE_STREAM_SPLIT

    @Test func byteStreamSplitMatchesTheSpecExample() throws {
        let values: [UInt8] = [0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6]
        let split: [UInt8] = [0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6]
        #expect(values.withUnsafeBytes { ByteStreamSplit.encode($0, width: 4) } == split)
        #expect(try decodeStreams(split, width: 4, count: 3) == values)
    }

    @Test func byteStreamSplitRoundTrips() throws {
        var random = SeededGenerator(seed: 13)
        for width in [1, 2, 3, 4, 8, 12, 16] {
            for count in [0, 1, 5, 100, 1001] {
                let values = (0..<(width * count)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                let split = values.withUnsafeBytes { ByteStreamSplit.encode($0, width: width) }
                // Byte k of value i lands at k * count + i.
                #expect(split.count == values.count)
                for index in 0..<count {
                    for stream in 0..<width where split[stream * count + index] != values[index * width + stream] {
                        Issue.record("width \(width): byte \(stream) of value \(index) misplaced")
                    }
                }
                #expect(try decodeStreams(split, width: width, count: count) == values, "width \(width)")
                // Fewer values than the page holds still use the page's stream length.
                let some = count / 2
                #expect(try decodeStreams(split, width: width, count: some) == Array(values[..<(some * width)]))
            }
        }
    }

    @Test func byteStreamSplitRejectsShortData() {
        #expect(throws: ParquetError.self) { try decodeStreams([1, 2, 3, 4, 5, 6, 7], width: 4, count: 2) }
        #expect(throws: ParquetError.self) { try decodeStreams([1, 2, 3, 4, 5, 6, 7, 8, 9], width: 4, count: 2) }
    }

    // MARK: Interop with pyarrow's RLE

    @Test func rleDecodesPyarrowPagesAndEncodesTheSame() throws {
        // Definition levels of an optional INT32 column: bit-packed, RLE and padded bit-packed runs.
        try withGuardedBytes(PyarrowFixtures.definitionLevels) { (bytes) throws(ParquetError) in
            var (decoder, total) = try RLEHybridDecoder.lengthPrefixed(bytes, bitWidth: 1)
            #expect(total == PyarrowFixtures.definitionLevels.count)
            var levels = [UInt8](repeating: 9, count: 100)
            let written = try levels.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decode(into: buffer)
            }
            #expect(written == 100)
            #expect(levels == PyarrowFixtures.definedFlags.map { $0 ? 1 : 0 })
        }
        var levelEncoder = RLEHybridEncoder(bitWidth: 1)
        for defined in PyarrowFixtures.definedFlags { levelEncoder.append(defined ? 1 : 0) }
        #expect(levelEncoder.finish() == Array(PyarrowFixtures.definitionLevels[4...]))

        // RLE-encoded BOOLEAN values (length-prefixed in data pages).
        let booleans = try decodeRLE(Array(PyarrowFixtures.rleBooleans[4...]), bitWidth: 1, count: 100, batch: 30)
        #expect(booleans == PyarrowFixtures.booleans.map { $0 ? 1 : 0 })
        var booleanEncoder = RLEHybridEncoder(bitWidth: 1)
        for value in PyarrowFixtures.booleans { booleanEncoder.append(value ? 1 : 0) }
        #expect(booleanEncoder.finish() == Array(PyarrowFixtures.rleBooleans[4...]))
    }
}

// MARK: - Helpers

/// Runs `body` on a copy of `bytes` that ends right before an inaccessible page, so a decoder reading even one
/// byte too far crashes instead of reading neighbouring memory.
private func withGuardedBytes<R, E: Error>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E)
    -> R
{
    let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    let dataPages = (bytes.count + pageSize - 1) / pageSize
    let mappedSize = (dataPages + 1) * pageSize
    guard let mapping = mmap(nil, mappedSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
          mapping != MAP_FAILED,
          mprotect(mapping + dataPages * pageSize, pageSize, PROT_NONE) == 0
    else { preconditionFailure("cannot map a guarded test buffer: errno \(errno)") }
    defer { munmap(mapping, mappedSize) }
    let start = mapping + dataPages * pageSize - bytes.count
    bytes.withUnsafeBytes { source in
        if let base = source.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
    }
    return try body(UnsafeRawBufferPointer(start: start, count: bytes.count))
}

/// Packs bit by bit, least significant bit first, as Encodings.md describes; independent of `BitPacking`.
private func referencePack(_ values: [UInt64], bitWidth: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: (values.count * bitWidth + 7) / 8)
    var bit = 0
    for value in values {
        for valueBit in 0..<bitWidth {
            if value >> UInt64(valueBit) & 1 == 1 { bytes[bit / 8] |= 1 << UInt8(bit % 8) }
            bit += 1
        }
    }
    return bytes
}

private func unpack(_ packed: [UInt8], bitWidth: Int, count: Int) -> [UInt64] {
    withGuardedBytes(packed) { bytes in
        [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { BitPacking.unpack(bytes, bitWidth: bitWidth, count: count, into: base) }
            initialized = count
        }
    }
}

/// Long runs, short runs and literal stretches of values below `2^bitWidth`.
private func mixedRuns(_ random: inout SeededGenerator, bitWidth: Int, count: Int) -> [UInt64] {
    let mask: UInt64 = (1 << UInt64(bitWidth)) - 1
    var values: [UInt64] = []
    while values.count < count {
        let length: Int
        switch random.next() % 4 {
        case 0: length = Int(random.next() % 300) + 8  // RLE run
        case 1: length = Int(random.next() % 9) + 1  // short repeat, around the 8-value threshold
        default:
            for _ in 0..<(random.next() % 20) { values.append(random.next() & mask) }
            continue
        }
        values += repeatElement(random.next() & mask, count: length)
    }
    return Array(values[..<count])
}

private func randomBytes(_ random: inout SeededGenerator, maxCount: Int) -> [UInt8] {
    (0..<Int(random.next() % UInt64(maxCount + 1))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
}

/// Decodes up to `count` values, `batch` at a time, as a page reader calls the decoder.
private func decodeRLE(_ data: [UInt8], bitWidth: Int, count: Int, batch: Int) throws(ParquetError) -> [UInt64] {
    try withGuardedBytes(data) { (bytes) throws(ParquetError) -> [UInt64] in
        var decoder = try RLEHybridDecoder(bytes, bitWidth: bitWidth)
        var output = [UInt64](repeating: .max, count: count)
        var done = 0
        while done < count {
            let wanted = min(batch, count - done)
            let written = try output.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decode(into: UnsafeMutableBufferPointer(rebasing: buffer[done..<(done + wanted)]))
            }
            done += written
            if written < wanted { break }
        }
        #expect(decoder.bytesConsumed <= data.count)
        return Array(output[..<done])
    }
}

private func encodeDelta(_ values: [Int64], bitWidth: Int) -> [UInt8] {
    var encoder = DeltaBinaryPackedEncoder(bitWidth: bitWidth)
    for value in values { encoder.append(value) }
    return encoder.finish()
}

/// Decodes every value `batch` at a time and checks the decoder ends exactly at the end of `data`.
private func decodeDelta(_ data: [UInt8], batch: Int) throws(ParquetError) -> [Int64] {
    try withGuardedBytes(data) { (bytes) throws(ParquetError) -> [Int64] in
        var decoder = try DeltaBinaryPackedDecoder(bytes)
        var output: [Int64] = []
        var chunk = [Int64](repeating: 0, count: batch)
        while true {
            let written = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(ParquetError) in
                try decoder.decode(into: buffer)
            }
            output += chunk[..<written]
            if written < batch { break }
        }
        #expect(output.count == decoder.totalCount)
        #expect(decoder.bytesConsumed == data.count)
        return output
    }
}

private func byteArrays(_ words: [String]) -> ByteArrayValues {
    let values = ByteArrayValues()
    for word in words {
        var utf8 = Array(word.utf8)
        utf8.withUnsafeMutableBytes { try? values.append(UnsafeRawBufferPointer($0)) }
    }
    return values
}

private func strings(_ values: ByteArrayValues) -> [String] {
    (0..<values.count).map { String(decoding: values.bytes(at: $0), as: UTF8.self) }
}

private func decodeLengths(_ data: [UInt8], count: Int) throws(ParquetError) -> [String] {
    let values = ByteArrayValues()
    try withGuardedBytes(data) { (bytes) throws(ParquetError) in
        try DeltaByteArrayDecoder.decodeLengths(bytes, count: count, into: values)
    }
    return strings(values)
}

private func decodeIncremental(_ data: [UInt8], count: Int) throws(ParquetError) -> [String] {
    let values = ByteArrayValues()
    try withGuardedBytes(data) { (bytes) throws(ParquetError) in
        try DeltaByteArrayDecoder.decodeIncremental(bytes, count: count, into: values)
    }
    return strings(values)
}

private func decodeStreams(_ data: [UInt8], width: Int, count: Int) throws(ParquetError) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: width * count)
    try withGuardedBytes(data) { (bytes) throws(ParquetError) in
        try output.withUnsafeMutableBufferPointer { (target) throws(ParquetError) in
            guard let base = target.baseAddress else { return }
            try ByteStreamSplit.decode(bytes, width: width, count: count, into: UnsafeMutableRawPointer(base))
        }
    }
    return output
}

/// Pages written by pyarrow 26.0.1 (`pq.write_table` with `use_dictionary=False`, `compression='NONE'`,
/// `column_encoding` set, non-nullable fields unless noted), the page header stripped; trailing zero padding is
/// spelled as a count. The values they hold are recomputed below from the formulas the generator used.
private enum PyarrowFixtures {
    /// `int32Values`, DELTA_BINARY_PACKED.
    static let deltaInt32 = hex(
        "80010428feffffff0fe7ffffff0f2020000094fffffff7ffff7ff7ffff7f4f0000009ffffffff7ffff7ff7ffff7ff7ff" +
        "ff7f3e000000b0fffffff7ffff7ff7ffff7f35000000b9fffffff7ffff7ff7ffff7ff7ffff7f22000000ccfffffff7ff" +
        "ff7ff7ffff7f1b000000d3fffffff7ffff7ff7ffff7ff7ffff7f06000000e8fffffff7ffff7ff7ffff7f01000000edff" +
        "fffff7ffff7ff7ffff7ff7ffff7feeffffff00000000f7ffff7ff7ffff7f", zeros: 100)

    /// `int64Values`, DELTA_BINARY_PACKED.
    static let deltaInt64 = hex(
        "80020428feffffffffffffffff01cdf4ffffffffffffff0140000000090100000000000020fdffffffffff7f50f9ffff" +
        "fffffffff00000000000000020fdffffffffff7f5bf9ffffffffffffe50000000000000020fdffffffffff7f80f9ffff" +
        "ffffffffc00000000000000020fdffffffffff7f7ff9ffffffffffffc10000000000000020fdffffffffff7fb0f9ffff" +
        "ffffffff900000000000000020fdffffffffff7fa3f9ffffffffffff9d0000000000000020fdffffffffff7fe0f9ffff" +
        "ffffffff600000000000000020fdffffffffff7fc7f9ffffffffffff790000000000000020fdffffffffff7f10faffff" +
        "ffffffff300000000000000020fdffffffffff7febf9ffffffffffff550000000000000020fdffffffffff7f40faffff" +
        "ffffffff000000000000000020fdffffffffff7f0ffaffffffffffff310000000000000020fdffffffffff7f70faffff" +
        "ffffffff", zeros: 200)

    /// `words`, DELTA_LENGTH_BYTE_ARRAY.
    static let deltaLengthByteArray = hex(
        "8001040a0a0d040000008c81a5800f00000000000000000000006170706c656170706c6573617563656170706c696361" +
        "74696f6e6170706c7962616e616e6162616e6462616e64616e617878796c6f70686f6e65")

    /// `words`, DELTA_BYTE_ARRAY.
    static let deltaByteArray = hex(
        "8001040a000704000000390457400500000000000000000000008001040a0a0b0400000086b081730d00000000000000" +
        "000000006170706c65736175636569636174696f6e7962616e616e6164616e6178796c6f70686f6e65")

    /// `booleans`, RLE with its 4-byte length.
    static let rleBooleans = hex("0c000000074992f44a010b2449922449")

    /// The length-prefixed definition levels of a nullable INT32 column, null where `definedFlags` is false.
    static let definitionLevels = hex("0f00000009dddddd1d24000f77777777777703")

    static let int32Values: [Int32] = (0..<40).map { index in
        switch index % 9 {
        case 0: Int32.max - Int32(index % 4)
        case 4: Int32.min + Int32(index % 4)
        default: Int32(index * 3 - 100)
        }
    }

    static let int64Values: [Int64] = (0..<40).map { index in
        switch index % 6 {
        case 0: Int64.max - Int64(index)
        case 3: Int64.min + Int64(index)
        default: 1000 - Int64(index) * 7
        }
    }

    static let words = ["apple", "applesauce", "application", "apply", "banana", "band", "bandana", "", "x", "xylophone"]

    static let booleans: [Bool] = (0..<100).map { $0 % 3 == 0 || (20..<60).contains($0) }

    static let definedFlags: [Bool] = (0..<100).map { !($0 % 4 == 1 || (30..<50).contains($0)) }

    private static func hex(_ digits: String, zeros: Int = 0) -> [UInt8] {
        let nibbles = digits.utf8.map { $0 <= 57 ? $0 - 48 : $0 - 87 }
        return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
            + repeatElement(0, count: zeros)
    }
}

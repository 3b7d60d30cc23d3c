import Testing
import LaminarCompression

@Suite struct CompressionTests {
    /// Compressible text-like data and incompressible noise, of several sizes including empty.
    static func samples() -> [[UInt8]] {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let words = Array("lakehouse delta iceberg hudi stream ".utf8)
        let text = (0..<200_000).map { _ in words[Int(next()) % words.count] }
        let noise = (0..<70_000).map { _ in next() }
        return [[], [42], Array(text.prefix(1000)), text, noise]
    }

    @Test(arguments: CompressionCodec.allCases)
    func roundTripsRandomData(codec: CompressionCodec) throws {
        for sample in Self.samples() {
            let compressed = try codec.compress(sample)
            let restored = try codec.decompress(compressed, uncompressedSize: sample.count)
            #expect(restored == sample, "\(codec) with \(sample.count) bytes")
            if codec != .lz4Raw {
                #expect(try codec.decompress(compressed) == sample, "\(codec) without a size hint")
            }
        }
    }

    @Test(arguments: [CompressionCodec.snappy, .gzip, .deflate, .zstd, .brotli])
    func shrinksRepetitiveData(codec: CompressionCodec) throws {
        let text = [UInt8](repeating: 65, count: 100_000)
        #expect(try codec.compress(text).count < 6_000)
    }

    @Test func levelsAreHonouredAndChecked() throws {
        let text = Array(String(repeating: "columnar ", count: 10_000).utf8)
        let fast = try CompressionCodec.zstd.compress(text, level: 1)
        let small = try CompressionCodec.zstd.compress(text, level: 19)
        #expect(small.count <= fast.count)
        #expect(throws: CompressionError.self) { try CompressionCodec.zstd.compress(text, level: 99) }
        #expect(throws: CompressionError.self) { try CompressionCodec.gzip.compress(text, level: 12) }
    }

    @Test(arguments: [CompressionCodec.snappy, .gzip, .deflate, .zstd, .lz4Raw, .brotli])
    func corruptInputThrows(codec: CompressionCodec) throws {
        let sample = Self.samples()[3]
        let compressed = try codec.compress(sample)
        // Truncation, a flipped region and plain garbage must all be rejected, not crash or return wrong data.
        var flipped = compressed
        for index in stride(from: min(8, flipped.count - 1), to: flipped.count, by: 7) { flipped[index] ^= 0x5A }
        let garbage: [UInt8] = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for corrupt in [Array(compressed.prefix(compressed.count / 2)), flipped, garbage] {
            #expect(throws: CompressionError.self, "\(codec)") {
                let output = try codec.decompress(corrupt, uncompressedSize: sample.count)
                // Some codecs decode flipped bytes into other bytes of the right length; that is corruption too.
                if output != sample { throw CompressionError.corruptInput(codec: codec, detail: "content differs") }
            }
        }
    }

    @Test(arguments: CompressionCodec.allCases)
    func decompressesIntoCallerMemory(codec: CompressionCodec) throws {
        let sample = Self.samples()[3]
        let compressed = try codec.compress(sample)
        var output = [UInt8](repeating: 0, count: sample.count)
        try compressed.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { try codec.decompress(input, into: $0) }
        }
        #expect(output == sample)
        // A buffer larger than the stream's content is a size mismatch; a smaller one is rejected, not overrun.
        for wrongSize in [sample.count + 5, sample.count - 5] {
            var wrong = [UInt8](repeating: 0, count: wrongSize)
            #expect(throws: CompressionError.self, "\(codec) into \(wrongSize) bytes") {
                try compressed.withUnsafeBytes { input in
                    try wrong.withUnsafeMutableBytes { try codec.decompress(input, into: $0) }
                }
            }
        }
        // Garbage of another length than the output: even the identity codec must report the mismatch.
        let garbage: [UInt8] = (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(sample.count != garbage.count)
        #expect(throws: CompressionError.self, "\(codec) garbage") {
            try garbage.withUnsafeBytes { input in
                try output.withUnsafeMutableBytes { try codec.decompress(input, into: $0) }
            }
        }
    }

    @Test func declaredSizesAreCheckedAndBounded() throws {
        let sample = Array("abc".utf8)
        let compressed = try CompressionCodec.zstd.compress(sample)
        #expect(throws: CompressionError.sizeMismatch(codec: .zstd, expected: 10, actual: 3)) {
            try CompressionCodec.zstd.decompress(compressed, uncompressedSize: 10)
        }
        #expect(throws: CompressionError.outputTooLarge(codec: .gzip, size: 1 << 40, limit: CompressionLimits.maxOutputSize)) {
            try CompressionCodec.gzip.decompress(compressed, uncompressedSize: 1 << 40)
        }
        #expect(throws: CompressionError.missingUncompressedSize(codec: .lz4Raw)) {
            try CompressionCodec.lz4Raw.decompress(compressed)
        }
        let bomb = try CompressionCodec.gzip.compress([UInt8](repeating: 0, count: 1 << 20))
        #expect(throws: CompressionError.self) { try CompressionCodec.gzip.decompress(bomb, limit: 1000) }
    }

    @Test func concatenatedGzipMembersDecodeAsOneStream() throws {
        let first = try CompressionCodec.gzip.compress(Array("hello ".utf8))
        let second = try CompressionCodec.gzip.compress(Array("world".utf8))
        #expect(try CompressionCodec.gzip.decompress(first + second) == Array("hello world".utf8))
    }
}

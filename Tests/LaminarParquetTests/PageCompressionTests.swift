import LaminarCompression
import Testing

@testable import LaminarParquet

@Suite struct PageCompressionTests {
    /// The deprecated LZ4 codec id carries Hadoop's framing (sizes before each block) in files from parquet-mr,
    /// and a bare block in files from older Arrow versions; both must read.
    @Test func hadoopFramedAndBareLZ4PagesDecompress() throws {
        let text = Array(String(repeating: "lakehouse streams ", count: 400).utf8)
        let halves = [Array(text[..<3000]), Array(text[3000...])]
        var framed: [UInt8] = []
        for half in halves {
            let block = try CompressionCodec.lz4Raw.compress(half)
            framed += withUnsafeBytes(of: UInt32(half.count).bigEndian) { Array($0) }
            framed += withUnsafeBytes(of: UInt32(block.count).bigEndian) { Array($0) }
            framed += block
        }
        let fromFramed = try framed.withUnsafeBytes {
            try PageCompression.decompress($0, codec: .lz4, uncompressedSize: text.count)
        }
        #expect(fromFramed == text)
        let bare = try CompressionCodec.lz4Raw.compress(text)
        let fromBare = try bare.withUnsafeBytes {
            try PageCompression.decompress($0, codec: .lz4, uncompressedSize: text.count)
        }
        #expect(fromBare == text)
        #expect(throws: ParquetError.self) {
            try [UInt8](repeating: 0xAB, count: 64).withUnsafeBytes {
                try PageCompression.decompress($0, codec: .lz4, uncompressedSize: text.count)
            }
        }
    }

    @Test func declaredSizesAreEnforced() throws {
        let page = try CompressionCodec.zstd.compress(Array(repeating: 7, count: 1000))
        #expect(throws: ParquetError.self) {
            try page.withUnsafeBytes { try PageCompression.decompress($0, codec: .zstd, uncompressedSize: 999) }
        }
        #expect(throws: ParquetError.self) {
            try page.withUnsafeBytes { try PageCompression.decompress($0, codec: .uncompressed, uncompressedSize: 1) }
        }
    }
}

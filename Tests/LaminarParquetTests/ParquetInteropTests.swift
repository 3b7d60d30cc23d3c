import Foundation
import LaminarArrow
import LaminarParquet
import LaminarTestSupport
import Testing

/// LaminarParquet against the reference implementations: files written by pyarrow and DuckDB in every
/// encoding, codec and page version are read and written back by us, and pyarrow and DuckDB must read the
/// same rows from our file as from theirs.
@Suite(.serialized) struct ParquetInteropTests {
    /// Writer settings our rewrites cycle through, so every reference file meets a different one.
    static let writerVariants: [(String, ParquetWriterOptions)] = {
        var variants: [(String, ParquetWriterOptions)] = [("default", ParquetWriterOptions())]
        var v2 = ParquetWriterOptions()
        v2.pageVersion = .v2
        v2.compression = .zstd
        v2.compressionLevel = 3
        variants.append(("v2-zstd", v2))
        var plain = ParquetWriterOptions()
        plain.dictionaryEnabled = false
        plain.compression = .gzip
        variants.append(("plain-gzip", plain))
        var encoded = ParquetWriterOptions()
        encoded.compression = .lz4Raw
        encoded.columnEncodings = [
            "i32": .deltaBinaryPacked, "i64": .deltaBinaryPacked, "i64_required": .deltaBinaryPacked,
            "f32": .byteStreamSplit, "f64": .byteStreamSplit,
            "str_high": .deltaLengthByteArray, "bin": .deltaByteArray, "str_low": .plain,
        ]
        variants.append(("delta-lz4", encoded))
        var split = ParquetWriterOptions()
        split.dictionaryEnabled = false
        split.columnEncodings = [
            "i32": .byteStreamSplit, "i64": .byteStreamSplit, "fixed4": .byteStreamSplit, "dec18": .byteStreamSplit,
        ]
        // DuckDB reads BYTE_STREAM_SPLIT only for floats; the comparison skips it for files named pyarrow-only.
        variants.append(("split-ints.pyarrow-only", split))
        var small = ParquetWriterOptions()
        small.compression = .uncompressed
        small.pageByteLimit = 700
        small.pageRowLimit = 100
        small.rowGroupRowLimit = 900
        small.dictionaryByteLimit = 256
        variants.append(("small-pages-fallback", small))
        var v2Small = ParquetWriterOptions()
        v2Small.pageVersion = .v2
        v2Small.compression = .brotli
        v2Small.pageRowLimit = 333
        variants.append(("v2-brotli", v2Small))
        return variants
    }()

    @Test func rewritesOfReferenceFilesReadIdenticallyInPyarrowAndDuckDB() async throws {
        let directory = try TemporaryDirectory()
        let listing = try InteropEnvironment.runPython(
            "import sys, parquet_matrix; parquet_matrix.main(sys.argv[1:])",
            arguments: ["generate", directory.path])
        let names = try JSONDecoder().decode([String].self, from: Data(listing.utf8))
        #expect(names.count >= 13)
        var pairs: [String] = []
        for (index, name) in names.enumerated() {
            let original = directory.url.appendingPathComponent(name).path
            let reader = try await ParquetFileReader(path: original)
            let batches = try await reader.read()
            #expect(batches.reduce(0) { $0 + $1.rowCount } == reader.rowCount, "\(name)")
            for offset in 0..<2 {
                let (label, options) = Self.writerVariants[(index * 2 + offset) % Self.writerVariants.count]
                let rewritten = directory.url.appendingPathComponent("ours-\(label)-\(name)").path
                let writer = try ParquetWriter(path: rewritten, schema: reader.arrowSchema, options: options)
                for batch in batches { try await writer.write(batch) }
                try await writer.close()
                pairs += [original, rewritten]
            }
        }
        let verdict = try InteropEnvironment.runPython(
            "import sys, parquet_matrix; parquet_matrix.main(sys.argv[1:])", arguments: ["compare"] + pairs)
        #expect(verdict.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test func everyGoldenParquetFileReads() async throws {
        let root = InteropEnvironment.goldenTables
        let files = try #require(FileManager.default.enumerator(atPath: root.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".parquet") }
        #expect(files.count > 100)
        for file in files {
            let reader = try await ParquetFileReader(path: root.appendingPathComponent(file).path)
            let batches = try await reader.read()
            #expect(batches.reduce(0) { $0 + $1.rowCount } == reader.rowCount, "\(file)")
        }
    }
}

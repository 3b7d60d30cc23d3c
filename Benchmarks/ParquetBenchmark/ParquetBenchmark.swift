import Foundation
import LaminarArrow
import LaminarParquet

/// Times LaminarParquet reading a file and writing it back (snappy, default options), best of `--runs`, and
/// prints the timings as JSON for `scripts/bench-parquet.sh` to set beside pyarrow's.
@main
struct ParquetBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: ParquetBenchmark INPUT OUTPUT [RUNS [read]]\n".utf8))
            exit(2)
        }
        let input = arguments[1]
        let output = arguments[2]
        let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
        // `read` skips the rewrite, for profiling the reader alone.
        let mode = arguments.count > 4 ? arguments[4] : "both"
        var bestRead = Double.infinity
        var bestWrite = Double.infinity
        var rows = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let reader = try await ParquetFileReader(path: input)
            let batches = try await reader.read()
            bestRead = min(bestRead, seconds(since: start))
            rows = batches.reduce(0) { $0 + $1.rowCount }

            guard mode != "read" else { continue }
            let writeStart = ContinuousClock.now
            let writer = try ParquetWriter(path: output, schema: reader.arrowSchema)
            for batch in batches { try await writer.write(batch) }
            try await writer.close()
            bestWrite = min(bestWrite, seconds(since: writeStart))
        }
        let size = try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int ?? 0
        let written = try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? 0
        print(#"{"rows": \#(rows), "file_bytes": \#(size), "written_bytes": \#(written), "#
              + #""read_seconds": \#(bestRead), "write_seconds": \#(bestWrite)}"#)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

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
        var bestReadCPU = Double.infinity
        var bestWriteCPU = Double.infinity
        var rows = 0
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let startCPU = cpuSeconds()
            let reader = try await ParquetFileReader(path: input)
            let batches = try await reader.read()
            bestRead = min(bestRead, seconds(since: start))
            bestReadCPU = min(bestReadCPU, cpuSeconds() - startCPU)
            rows = batches.reduce(0) { $0 + $1.rowCount }

            guard mode != "read" else { continue }
            let writeStart = ContinuousClock.now
            let writeStartCPU = cpuSeconds()
            let writer = try ParquetWriter(path: output, schema: reader.arrowSchema)
            for batch in batches { try await writer.write(batch) }
            try await writer.close()
            bestWrite = min(bestWrite, seconds(since: writeStart))
            bestWriteCPU = min(bestWriteCPU, cpuSeconds() - writeStartCPU)
        }
        let size = try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int ?? 0
        let written = try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int ?? 0
        print(#"{"rows": \#(rows), "file_bytes": \#(size), "written_bytes": \#(written), "#
              + #""read_seconds": \#(bestRead), "write_seconds": \#(bestWrite), "#
              + #""read_cpu_seconds": \#(bestReadCPU), "write_cpu_seconds": \#(bestWriteCPU)}"#)
    }

    /// User plus system time of the whole process: pyarrow's reader uses I/O threads even with
    /// `use_threads=False`, so wall time alone would not compare like with like.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

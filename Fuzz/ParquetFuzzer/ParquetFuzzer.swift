import Foundation
import LaminarParquet

/// libFuzzer entry point: any bytes as a Parquet file, decoded whole. Anything but a `ParquetError` (a trap, a
/// hang, an unbounded allocation) is a bug. `scripts/fuzz-parquet.sh` builds it with `-sanitize=fuzzer` and
/// `-D FUZZING`, where libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParquet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? ParquetFileReader.decodeAll(Array(UnsafeBufferPointer(start: data, count: size)), name: "fuzz")
    return 0
}

#if !FUZZING
/// Without libFuzzer the target replays inputs given as files, so a crash the fuzzer found can be rerun under a
/// debugger or kept as a regression case.
@main
enum ParquetFuzzReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { _ = fuzzParquet(base, buffer.count) }
            }
            print("\(path): no crash")
        }
    }
}
#endif

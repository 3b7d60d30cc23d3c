import Foundation
import LaminarParquet

/// One fuzzing input: any bytes as a Parquet file, decoded whole. Anything but a `ParquetError` (a trap, a hang,
/// an unbounded allocation) is a bug.
func fuzzParquet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    _ = try? ParquetFileReader.decodeAll(Array(UnsafeBufferPointer(start: data, count: size)), name: "fuzz")
    return 0
}

#if FUZZING
/// libFuzzer's entry for programs that keep their own `main`, as SwiftPM executables do.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// `scripts/fuzz-parquet.sh` builds this with `-sanitize=fuzzer,address -D FUZZING` and it runs libFuzzer;
/// otherwise it replays the files it is given, so a crash the fuzzer found can be rerun under a debugger.
@main
enum ParquetFuzzer {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzParquet))
        #else
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.withUnsafeBufferPointer { _ = fuzzParquet($0.baseAddress, $0.count) }
            print("\(path): no crash")
        }
        #endif
    }
}

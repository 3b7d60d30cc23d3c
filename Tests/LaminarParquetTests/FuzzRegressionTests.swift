import Foundation
import LaminarParquet
import LaminarTestSupport
import Testing

/// Inputs the fuzzer once found crashing or hanging the reader (see CONTRIBUTING.md): each must now fail with a
/// `ParquetError` or read, never trap.
@Suite struct FuzzRegressionTests {
    @Test func everyRegressionInputFailsCleanly() throws {
        let directory = InteropEnvironment.repositoryRoot.appendingPathComponent("Fuzz/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }
        #expect(!names.isEmpty, "Fuzz/regressions holds at least the seed input")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
            do {
                _ = try ParquetFileReader.decodeAll(bytes, name: name)
            } catch {
                #expect(error.file == name)
            }
        }
    }
}

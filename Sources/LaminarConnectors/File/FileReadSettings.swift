import Foundation
import LaminarArrow
import LaminarCore
import LaminarFileFormats
import LaminarParquet

/// How a file source decodes each file, shared by schema inference and the readers.
struct FileReadSettings: Sendable {
    let format: FileFormat
    let csv: CSVOptions
    let batchSize: Int

    func inferSchema(of path: String) async throws(EngineError) -> Schema {
        switch format {
        case .csv:
            let data = try Self.contents(path)
            do {
                return try CSVReader.inferSchema(data: data, source: path, options: csv)
            } catch {
                throw EngineError(.source, error.description)
            }
        case .jsonl:
            let data = try Self.contents(path)
            do {
                return try JSONLinesReader.inferSchema(data: data, source: path)
            } catch {
                throw EngineError(.source, error.description)
            }
        case .parquet:
            do {
                return try await ParquetFileReader(path: path).arrowSchema
            } catch {
                throw EngineError(.source, "\(error)")
            }
        }
    }

    static func contents(_ path: String) throws(EngineError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError(.source, "cannot read \(path)")
        }
        return [UInt8](data)
    }
}

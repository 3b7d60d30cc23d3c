import Foundation
import LaminarArrow
import LaminarCore
import LaminarParquet
#if canImport(Glibc)
import Glibc
#endif

/// Writes a pipeline's output as Parquet files that appear under their final names only once complete.
final class ParquetFileSink: StreamSink {
    private struct OpenFile {
        let writer: ParquetWriter
        let temporaryPath: String
        let finalPath: String
        var rows = 0
    }

    private let settings: PreparedParquetSink
    /// Distinguishes this run's files from those of other runs writing the same directory.
    private let runID = UUID().uuidString.lowercased()
    private var sequence = 0
    private var file: OpenFile?
    /// Final paths of the files committed by this sink, in order.
    private(set) var committed: [String] = []

    init(_ settings: PreparedParquetSink) {
        self.settings = settings
    }

    func write(_ batch: RecordBatch) async throws(EngineError) {
        var current: OpenFile
        if let open = file { current = open } else { current = try openFile() }
        do {
            try await current.writer.write(batch)
        } catch {
            throw EngineError(.sink, "writing \(current.temporaryPath): \(error)")
        }
        current.rows += batch.rowCount
        file = current
        if current.writer.estimatedSize >= settings.targetFileSize { try await roll() }
    }

    func commit() async throws(EngineError) {
        try await roll()
    }

    func abort() async {
        guard let current = file else { return }
        file = nil
        _ = try? await current.writer.close()
        try? FileManager.default.removeItem(atPath: current.temporaryPath)
    }

    private func openFile() throws(EngineError) -> OpenFile {
        sequence += 1
        let name = String(format: "part-%05d-%@.parquet", sequence, runID)
        let directory = settings.directory as NSString
        let temporary = directory.appendingPathComponent(".\(name).inprogress")
        let writer: ParquetWriter
        do {
            writer = try ParquetWriter(schema: settings.schema, sink: try FileByteSink(path: temporary),
                                       options: settings.writerOptions)
        } catch {
            throw EngineError(.sink, "\(error)")
        }
        return OpenFile(writer: writer, temporaryPath: temporary, finalPath: directory.appendingPathComponent(name))
    }

    /// Closes the open file (footer written, data fsynced) and renames it into view.
    private func roll() async throws(EngineError) {
        guard let current = file else { return }
        file = nil
        do {
            _ = try await current.writer.close()
        } catch {
            try? FileManager.default.removeItem(atPath: current.temporaryPath)
            throw EngineError(.sink, "finishing \(current.temporaryPath): \(error)")
        }
        guard rename(current.temporaryPath, current.finalPath) == 0 else {
            throw EngineError(.sink, "renaming \(current.temporaryPath) to \(current.finalPath): \(String(cString: strerror(errno)))")
        }
        let directory = open(settings.directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            Glibc.close(directory)
        }
        committed.append(current.finalPath)
    }
}

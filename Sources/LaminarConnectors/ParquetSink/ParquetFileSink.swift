import Foundation
import LaminarArrow
import LaminarCore
import LaminarParquet
#if canImport(Glibc)
import Glibc
#endif

/// Writes a pipeline's output as Parquet files that appear under their final names only when the
/// checkpoint that covers them is complete.
///
/// Rows written between two checkpoints form an epoch (numbered from the sink's start; with the run id it
/// only needs to keep names apart).
/// They go to hidden staging files, `.part-<writer>-<epoch>-<run>-<n>.parquet.inprogress`, rolled at the
/// target size; `prepareCommit` closes them and lists them; `finalizeCommit` renames each to its name
/// without the dot and suffix, then syncs the directory. The prepared commit records both names, so
/// finalizing again after a crash finds the renamed files and does nothing; the run id keeps a writer
/// started over (its checkpoints deleted) from ever renaming onto files an earlier run committed.
final class ParquetFileSink: LakehouseSink {
    private struct OpenFile {
        let writer: ParquetWriter
        let name: String
        var rows = 0
    }

    private let settings: PreparedParquetSink
    private var epoch: Int64 = 1
    private var sequence = 0
    private var file: OpenFile?
    private var staged: [DataFile] = []
    private let run = String(UUID().uuidString.lowercased().prefix(8))

    init(_ settings: PreparedParquetSink) {
        self.settings = settings
    }

    private var directory: String { settings.directory }
    private var stagingPrefix: String { ".part-\(settings.writerID)-" }

    func initialize(schema: Schema) async throws(EngineError) {
        // Recovery has finalized or aborted every prepared commit: what is still staged by this writer
        // was written after the last checkpoint and will be written again from the replayed input.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(stagingPrefix) && name.hasSuffix(".inprogress") {
            try? FileManager.default.removeItem(atPath: path(name))
        }
    }

    func write(_ batch: RecordBatch) async throws(EngineError) {
        var current: OpenFile
        if let open = file { current = open } else { current = try openFile() }
        do {
            try await current.writer.write(batch)
        } catch {
            throw EngineError(.sink, "writing \(path(staging(current.name))): \(error)")
        }
        current.rows += batch.rowCount
        file = current
        if current.writer.estimatedSize >= settings.targetFileSize { try await closeFile() }
    }

    func prepareCommit(checkpointID: Int64) async throws(EngineError) -> PreparedCommit {
        try await closeFile()
        let files = staged
        staged = []
        epoch += 1
        sequence = 0
        return PreparedCommit(sink: settings.name, writerID: settings.writerID, checkpointID: checkpointID, files: files)
    }

    func finalizeCommit(_ commit: PreparedCommit) async throws(EngineError) -> CommitInfo {
        var renamed = 0
        for file in commit.files {
            guard let stagingPath = file.stagingPath else { continue }
            let from = path(stagingPath)
            let to = path(file.path)
            if FileManager.default.fileExists(atPath: from) {
                guard rename(from, to) == 0 else {
                    throw EngineError(.sink, "committing \(from) as \(to): \(String(cString: strerror(errno)))")
                }
                renamed += 1
            } else if !FileManager.default.fileExists(atPath: to) {
                throw EngineError(.sink, "checkpoint \(commit.checkpointID) lists \(file.path), but neither it nor its staged copy exists")
            }
        }
        if renamed > 0 { syncDirectory() }
        return CommitInfo(checkpointID: commit.checkpointID, filesAdded: commit.files.count, rowsAdded: commit.rowCount,
                          alreadyCommitted: renamed == 0 && !commit.files.isEmpty)
    }

    func abort(_ commit: PreparedCommit) async throws(EngineError) {
        for file in commit.files {
            guard let stagingPath = file.stagingPath, !FileManager.default.fileExists(atPath: path(file.path)) else { continue }
            try? FileManager.default.removeItem(atPath: path(stagingPath))
        }
    }

    func close() async {
        guard let current = file else { return }
        file = nil
        _ = try? await current.writer.close()
    }

    // MARK: Files

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    private func staging(_ name: String) -> String { ".\(name).inprogress" }

    private func openFile() throws(EngineError) -> OpenFile {
        sequence += 1
        let name = "part-\(settings.writerID)-\(Self.padded(epoch, 8))-\(run)-\(Self.padded(Int64(sequence), 5)).parquet"
        do {
            let sink = try FileByteSink(path: path(staging(name)))
            let writer = try ParquetWriter(schema: settings.schema, sink: sink, options: settings.writerOptions)
            return OpenFile(writer: writer, name: name)
        } catch {
            throw EngineError(.sink, "creating \(path(staging(name))): \(error)")
        }
    }

    /// Finishes the open file (footer written, data fsynced) and stages it for the next commit.
    private func closeFile() async throws(EngineError) {
        guard let current = file else { return }
        file = nil
        do {
            _ = try await current.writer.close()
        } catch {
            throw EngineError(.sink, "finishing \(path(staging(current.name))): \(error)")
        }
        staged.append(DataFile(path: current.name, stagingPath: staging(current.name),
                               sizeBytes: Int64(current.writer.bytesWritten), rowCount: Int64(current.rows)))
    }

    private func syncDirectory() {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Glibc.close(descriptor)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

import LaminarArrow
import LaminarCore
import LaminarFileFormats
import LaminarParquet

/// Reads a file source's files one after another; in continuous mode it then polls the directory and
/// reads each new file once. Its position is the files finished plus the rows read of the current one.
final class FileReader: LakehouseSource {
    private let source: PreparedFileSource
    private var seen: Set<String> = []
    private var pending: [String] = []
    private var current: FileDecoder?
    private var completed: [String] = []
    private var currentPath: String?
    private var rowsOfCurrent: Int64 = 0
    /// Rows of the current file's batch that lay past the checkpoint, delivered first after a restart.
    private var pendingRemainder: RecordBatch?

    init(_ source: PreparedFileSource) {
        self.source = source
    }

    var schema: Schema { source.schema }

    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {
        guard let checkpoint else { return }
        completed = checkpoint.completed
        seen = Set(checkpoint.completed)
        guard let path = checkpoint.current else { return }
        seen.insert(path)
        try await open(path)
        // Skip the rows of the current file that reached the sink before the checkpoint.
        var skip = checkpoint.offset
        while skip > 0, var decoder = current, let batch = try await decoder.next() {
            current = decoder
            let dropped = min(Int64(batch.rowCount), skip)
            skip -= dropped
            rowsOfCurrent += dropped
            if dropped < Int64(batch.rowCount) {
                pendingRemainder = batch.slice(offset: Int(dropped), count: batch.rowCount - Int(dropped))
            }
        }
    }

    func currentCheckpoint() -> SourceCheckpoint {
        SourceCheckpoint(offset: rowsOfCurrent, completed: completed, current: currentPath)
    }

    func pollNext() async throws(EngineError) -> RecordBatch? {
        if let remainder = pendingRemainder {
            pendingRemainder = nil
            rowsOfCurrent += Int64(remainder.rowCount)
            return remainder
        }
        while true {
            if var decoder = current {
                let batch = try await decoder.next()
                current = decoder
                if let batch {
                    if batch.rowCount > 0 {
                        rowsOfCurrent += Int64(batch.rowCount)
                        return batch
                    }
                    continue
                }
                current = nil
                if let path = currentPath { completed.append(path) }
                currentPath = nil
                rowsOfCurrent = 0
            }
            if pending.isEmpty { discover() }
            if !pending.isEmpty {
                try await open(pending.removeFirst())
                continue
            }
            guard source.continuous else { return nil }
            do {
                try await Task.sleep(for: source.pollInterval)
            } catch {
                throw EngineError(.cancelled, "file source stopped")
            }
            // No new file yet: an empty batch lets the pipeline take its due checkpoints between polls.
            if pending.isEmpty { discover() }
            if pending.isEmpty { return RecordBatch(emptySchemaRowCount: 0) }
        }
    }

    private func open(_ path: String) async throws(EngineError) {
        current = try await FileDecoder(path: path, schema: source.schema, settings: source.settings)
        currentPath = path
        rowsOfCurrent = 0
    }

    private func discover() {
        for file in FileListing.files(at: source.path) where !seen.contains(file) {
            seen.insert(file)
            pending.append(file)
        }
    }

    func close() async {
        current = nil
    }
}

/// One open file, decoded a batch at a time into the source's schema.
struct FileDecoder {
    private enum State {
        case csv(CSVReader)
        case json(JSONLinesReader)
        case parquet(ParquetFileReader, nextGroup: Int, columns: [String])
    }

    private var state: State
    private let schema: Schema
    private let path: String

    init(path: String, schema: Schema, settings: FileReadSettings) async throws(EngineError) {
        self.schema = schema
        self.path = path
        do {
            switch settings.format {
            case .csv:
                state = .csv(try CSVReader(data: try FileReadSettings.contents(path), schema: schema, source: path,
                                           options: settings.csv))
            case .jsonl:
                state = .json(try JSONLinesReader(data: try FileReadSettings.contents(path), schema: schema, source: path,
                                                  batchSize: settings.batchSize))
            case .parquet:
                let reader = try await ParquetFileReader(path: path)
                var columns: [String] = []
                for field in schema.fields {
                    guard let match = reader.arrowSchema.index(ofCaseInsensitive: field.name) else {
                        throw EngineError(.source, "\(path) has no column \(field.name); it has \(reader.arrowSchema.names.joined(separator: ", "))")
                    }
                    columns.append(reader.arrowSchema.fields[match].name)
                }
                state = .parquet(reader, nextGroup: 0, columns: columns)
            }
        } catch let error as FileFormatError {
            throw EngineError(.source, error.description)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(.source, "\(error)")
        }
    }

    mutating func next() async throws(EngineError) -> RecordBatch? {
        do {
            switch state {
            case .csv(var reader):
                let batch = try reader.next()
                state = .csv(reader)
                return batch
            case .json(var reader):
                let batch = try reader.next()
                state = .json(reader)
                return batch
            case .parquet(let reader, let group, let columns):
                guard group < reader.rowGroupCount else { return nil }
                state = .parquet(reader, nextGroup: group + 1, columns: columns)
                let batch = try await reader.readRowGroup(group, projection: .names(columns))
                return try conform(batch)
            }
        } catch let error as FileFormatError {
            throw EngineError(.source, error.description)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError(.source, "\(path): \(error)")
        }
    }

    /// Renames and casts a Parquet batch to the declared columns.
    private func conform(_ batch: RecordBatch) throws -> RecordBatch {
        var columns: [any ArrowArray] = []
        for (index, field) in schema.fields.enumerated() {
            let column = batch.columns[index]
            columns.append(column.dataType == field.type ? column : try Compute.cast(column, to: field.type))
        }
        return try RecordBatch(schema: schema, columns: columns)
    }
}

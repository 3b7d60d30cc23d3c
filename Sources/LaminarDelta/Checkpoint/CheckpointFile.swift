import Foundation
import LaminarArrow
import LaminarParquet

/// A Parquet checkpoint (classic, one part of a multi-part one, a V2 checkpoint or a sidecar): the table's
/// reconciled actions at one version, one action per row.
public enum CheckpointFile {
    /// The action columns a reader looks at; others (`stats_parsed`, `partitionValues_parsed`, future
    /// columns) are ignored.
    static let actionColumns: Set<String> = [
        "txn", "add", "remove", "metaData", "protocol", "domainMetadata", "checkpointMetadata", "sidecar",
    ]

    /// The actions of a Parquet checkpoint; errors name the file.
    public static func decode(_ bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
        let batches: [RecordBatch]
        do {
            batches = try ParquetFileReader.decodeAll(bytes, name: name)
        } catch {
            throw DeltaError(.corruptLog, "\(name): not a readable Parquet checkpoint: \(error)")
        }
        let encoder = JSONEncoder()
        var lines: [UInt8] = []
        for batch in batches {
            let columns = batch.schema.fields.indices.filter { actionColumns.contains(batch.schema.fields[$0].name) }
            for row in 0..<batch.rowCount {
                for column in columns where batch.columns[column].isValid(row) {
                    let value = JSONValue.object([batch.schema.fields[column].name: JSONValue(batch.columns[column].scalar(at: row))])
                    do {
                        lines += try encoder.encode(value)
                    } catch {
                        throw DeltaError(.corruptLog, "\(name): row \(row): \(error)")
                    }
                    lines.append(UInt8(ascii: "\n"))
                }
            }
        }
        return try CommitFile.decode(lines, name: name)
    }

    /// A classic checkpoint holding `actions`, in Spark's column layout (`CheckpointSchema`).
    public static func encode(_ actions: [DeltaAction]) async throws(DeltaError) -> [UInt8] {
        let schema = CheckpointSchema.schema
        var columns = Array(repeating: [ScalarValue](), count: schema.fields.count)
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        for action in actions {
            let object: [String: JSONValue]
            do {
                guard case .object(let value) = try decoder.decode(JSONValue.self, from: encoder.encode(action)) else { continue }
                object = value
            } catch {
                throw DeltaError(.invalidArgument, "encoding a checkpoint action: \(error)")
            }
            guard let (name, value) = object.first, let index = schema.index(of: name) else { continue }
            for column in columns.indices {
                columns[column].append(column == index ? try value.scalar(as: schema.fields[column].type, path: name) : .null)
            }
        }
        do {
            var arrays: [any ArrowArray] = []
            for (field, scalars) in zip(schema.fields, columns) { arrays.append(try makeArray(type: field.type, scalars: scalars)) }
            let sink = MemoryByteSink()
            var options = ParquetWriterOptions()
            options.compression = .snappy
            let writer = try ParquetWriter(schema: schema, sink: sink, options: options)
            try await writer.write(try RecordBatch(schema: schema, columns: arrays))
            _ = try await writer.close()
            return sink.bytes
        } catch {
            throw DeltaError(.invalidArgument, "writing a checkpoint: \(error)")
        }
    }
}

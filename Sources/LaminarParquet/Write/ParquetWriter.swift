import Dispatch
import LaminarArrow

/// Writes Arrow record batches as a Parquet file into a `ByteSink`, one row group at a time.
///
/// Column chunks of the open row group are encoded and compressed in memory as batches arrive; when the row
/// group reaches `rowGroupRowLimit` rows or `rowGroupByteLimit` bytes it goes to the sink and its memory is
/// freed, so a large file is never held whole. `bytesWritten` tells a rolling sink when to start a new file.
public final class ParquetWriter {
    public let arrowSchema: Schema
    public let schema: ParquetSchema
    public let options: ParquetWriterOptions
    private let sink: any ByteSink
    private let nodes: [ArrowNode]
    private var writers: [ColumnChunkWriter] = []
    private var rowGroups: [RowGroup] = []
    private var pageIndexes: [[(column: ColumnIndex?, offset: OffsetIndex)]] = []
    private var bufferedRows = 0
    private var totalRows = 0
    private var isClosed = false
    /// Bytes handed to the sink so far.
    public private(set) var bytesWritten = 0

    public init(schema: Schema, sink: any ByteSink, options: ParquetWriterOptions = ParquetWriterOptions())
        throws(ParquetError)
    {
        arrowSchema = schema
        self.sink = sink
        self.options = options
        self.schema = try ParquetSchema(arrow: schema, decimalAsFixed: options.decimalAsFixed)
        var nodes: [ArrowNode] = []
        for field in self.schema.fields { nodes.append(try ArrowNode(field)) }
        self.nodes = nodes
        writers = try makeWriters()
    }

    /// Writes to a new local file at `path`.
    public convenience init(path: String, schema: Schema, options: ParquetWriterOptions = ParquetWriterOptions())
        throws(ParquetError)
    {
        try self.init(schema: schema, sink: try FileByteSink(path: path), options: options)
    }

    /// Bytes written plus the compressed size of the open row group: roughly the file size if closed now.
    public var estimatedSize: Int { bytesWritten + writers.reduce(0) { $0 + $1.bufferedBytes } }

    public func write(_ batch: RecordBatch) async throws(ParquetError) {
        guard !isClosed else { throw .invalidArgument("the writer is closed") }
        guard batch.schema.fields.map(\.type) == arrowSchema.fields.map(\.type) else {
            throw .invalidArgument("batch schema \(batch.schema.fields) does not match the writer's \(arrowSchema.fields)")
        }
        var offset = 0
        while offset < batch.rowCount {
            let take = min(batch.rowCount - offset, options.rowGroupRowLimit - bufferedRows)
            let slice = offset == 0 && take == batch.rowCount ? batch : batch.slice(offset: offset, count: take)
            try encode(slice)
            bufferedRows += take
            offset += take
            if bufferedRows >= options.rowGroupRowLimit || estimatedSize - bytesWritten >= options.rowGroupByteLimit {
                try await flushRowGroup()
            }
        }
    }

    /// Shreds and encodes each top-level column into its own chunk writers, several columns at a time when the
    /// batch is large enough to be worth it. Columns share nothing, so each thread touches only its writers.
    private func encode(_ slice: RecordBatch) throws(ParquetError) {
        let minimum = options.parallelEncodingMinimumRows
        guard minimum > 0, slice.rowCount >= minimum, nodes.count > 1 else {
            for index in nodes.indices { try encode(column: index, of: slice) }
            return
        }
        var failures = [ParquetError?](repeating: nil, count: nodes.count)
        failures.withUnsafeMutableBufferPointer { failures in
            let job = ParallelColumns(writer: self, slice: slice, failures: failures)
            DispatchQueue.concurrentPerform(iterations: nodes.count) { index in job.run(index) }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// One batch's columns encoded by `concurrentPerform`. Iteration `i` reads the shared batch and touches
    /// only column `i`'s chunk writers and failure slot, which is what makes sharing the writer across the
    /// threads sound; the call returns only when every iteration has finished.
    private struct ParallelColumns: @unchecked Sendable {
        let writer: ParquetWriter
        let slice: RecordBatch
        let failures: UnsafeMutableBufferPointer<ParquetError?>

        func run(_ index: Int) {
            do throws(ParquetError) {
                try writer.encode(column: index, of: slice)
            } catch {
                failures[index] = error
            }
        }
    }

    private func encode(column index: Int, of slice: RecordBatch) throws(ParquetError) {
        let shredded = try LevelShredder.shred(slice.columns[index], node: nodes[index], columns: schema.columns)
        for (column, part) in shredded { try writers[column].write(part) }
    }

    /// Ends the open row group now, if it has rows.
    public func flushRowGroup() async throws(ParquetError) {
        guard bufferedRows > 0 else { return }
        if bytesWritten == 0 { try await emit(ParquetFileReader.magic) }
        var chunks: [ColumnChunk] = []
        var indexes: [(column: ColumnIndex?, offset: OffsetIndex)] = []
        let rowGroupStart = bytesWritten
        var totalByteSize: Int64 = 0
        for writer in writers {
            let encoded = try writer.finish()
            let chunkStart = bytesWritten
            var meta = encoded.metaData
            meta.dataPageOffset += Int64(chunkStart)
            if meta.dictionaryPageOffset != nil { meta.dictionaryPageOffset = Int64(chunkStart) }
            if let dictionary = encoded.dictionaryPage { try await emit(dictionary) }
            var locations: [PageLocation] = []
            for (page, info) in zip(encoded.dataPages, encoded.pages) {
                locations.append(PageLocation(offset: Int64(bytesWritten), compressedPageSize: Int32(page.count),
                                              firstRowIndex: info.firstRowIndex))
                try await emit(page)
            }
            totalByteSize += meta.totalUncompressedSize
            chunks.append(ColumnChunk(fileOffset: Int64(chunkStart), metaData: meta))
            indexes.append((encoded.columnIndex, OffsetIndex(pageLocations: locations)))
        }
        var rowGroup = RowGroup(columns: chunks, totalByteSize: totalByteSize, numRows: Int64(bufferedRows))
        rowGroup.fileOffset = Int64(rowGroupStart)
        rowGroup.totalCompressedSize = Int64(bytesWritten - rowGroupStart)
        rowGroup.ordinal = Int16(truncatingIfNeeded: rowGroups.count)
        rowGroups.append(rowGroup)
        pageIndexes.append(indexes)
        totalRows += bufferedRows
        bufferedRows = 0
        writers = try makeWriters()
    }

    /// Writes the last row group, the page indexes and the footer, then closes the sink.
    @discardableResult
    public func close() async throws(ParquetError) -> FileMetaData {
        guard !isClosed else { throw .invalidArgument("the writer is already closed") }
        try await flushRowGroup()
        if bytesWritten == 0 { try await emit(ParquetFileReader.magic) }
        if options.writePageIndex { try await writePageIndexes() }
        var metadata = FileMetaData(schema: schema.elements, numRows: Int64(totalRows), rowGroups: rowGroups,
                                    createdBy: options.createdBy)
        var keyValues = options.keyValueMetadata.merging(arrowSchema.metadata) { first, _ in first }
        keyValues.removeValue(forKey: "ARROW:schema")
        if !keyValues.isEmpty {
            metadata.keyValueMetadata = keyValues.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: $0.value) }
        }
        metadata.typeDefinedColumnOrders = schema.columns.count
        let footer = metadata.thriftBytes
        try await emit(footer)
        try await emit(withUnsafeBytes(of: UInt32(footer.count).littleEndian) { Array($0) } + ParquetFileReader.magic)
        isClosed = true
        do { try await sink.close() } catch { throw ParquetError(.io("closing the sink: \(error)")) }
        return metadata
    }

    /// Column indexes of every chunk, then offset indexes, as parquet-java lays them out after the last row group.
    private func writePageIndexes() async throws(ParquetError) {
        for (group, indexes) in pageIndexes.enumerated() {
            for (column, index) in indexes.enumerated() {
                guard let columnIndex = index.column else { continue }
                let bytes = columnIndex.thriftBytes
                rowGroups[group].columns[column].columnIndexOffset = Int64(bytesWritten)
                rowGroups[group].columns[column].columnIndexLength = Int32(bytes.count)
                try await emit(bytes)
            }
        }
        for (group, indexes) in pageIndexes.enumerated() {
            for (column, index) in indexes.enumerated() {
                let bytes = index.offset.thriftBytes
                rowGroups[group].columns[column].offsetIndexOffset = Int64(bytesWritten)
                rowGroups[group].columns[column].offsetIndexLength = Int32(bytes.count)
                try await emit(bytes)
            }
        }
    }

    private func emit(_ bytes: [UInt8]) async throws(ParquetError) {
        do {
            try await sink.write(bytes)
        } catch let error as ParquetError {
            throw error
        } catch {
            throw ParquetError(.io("writing to the sink: \(error)"))
        }
        bytesWritten += bytes.count
    }

    private func makeWriters() throws(ParquetError) -> [ColumnChunkWriter] {
        var types: [Int: DataType] = [:]
        func collect(_ node: ArrowNode, _ field: Field) {
            switch (node, field.type) {
            case (.primitive(_, let column, _), _): types[column] = field.type
            case (.structure(_, let children, _), .struct(let fields)):
                for (child, childField) in zip(children, fields) { collect(child, childField) }
            case (.list(_, let element, _, _, _), .list(let item)): collect(element, item)
            case (.list(_, let element, _, _, _), .map(let entries, _)): collect(element, entries)
            default: break
            }
        }
        for (node, field) in zip(nodes, arrowSchema.fields) { collect(node, field) }
        var writers: [ColumnChunkWriter] = []
        for (index, column) in schema.columns.enumerated() {
            writers.append(try ColumnChunkWriter(column: column, type: types[index] ?? .null, options: options))
        }
        return writers
    }
}

import Dispatch
import LaminarArrow

/// Reads a Parquet file through a `RandomAccessSource`: the footer first, then only the column chunks a query
/// needs, one row group at a time.
public struct ParquetFileReader: Sendable {
    public let source: any RandomAccessSource
    /// Name used in errors: a path or URL.
    public let name: String
    public let metadata: FileMetaData
    public let schema: ParquetSchema
    /// The file's schema as Arrow sees it: logical types applied, lists and maps rebuilt.
    public let arrowSchema: Schema
    let nodes: [ArrowNode]
    let fileSize: Int

    /// Bytes fetched from the end of the file in the first read; most footers fit, saving a round trip.
    static let footerPrefetch = 64 * 1024
    static let magic: [UInt8] = Array("PAR1".utf8)

    public init(source: any RandomAccessSource, name: String) async throws(ParquetError) {
        let size = try await Self.io(name) { try await source.size() }
        let tailStart = max(0, size - Self.footerPrefetch)
        var tail = try await Self.io(name) { try await source.read(tailStart..<size) }
        var tailOffset = tailStart
        if let footerStart = try? Self.footerStart(tail: tail, fileSize: size), footerStart < tailStart {
            tail = try await Self.io(name) { try await source.read(footerStart..<size) }
            tailOffset = footerStart
        }
        try self.init(source: source, name: name, fileSize: size, tail: tail, tailOffset: tailOffset)
    }

    /// Reads a file held in memory, without suspending; `decodeRowGroup(_:projection:file:)` then reads its rows.
    public init(bytes: [UInt8], name: String) throws(ParquetError) {
        try self.init(source: MemorySource(bytes), name: name, fileSize: bytes.count, tail: bytes, tailOffset: 0)
    }

    /// Parses the footer from `tail`, the file's last bytes starting at `tailOffset`, which hold the whole footer.
    private init(source: any RandomAccessSource, name: String, fileSize: Int, tail: [UInt8], tailOffset: Int)
        throws(ParquetError)
    {
        self.source = source
        self.name = name
        self.fileSize = fileSize
        do throws(ParquetError) {
            let footerStart = try Self.footerStart(tail: tail, fileSize: fileSize)
            if tailOffset == 0, Array(tail.prefix(4)) != Self.magic {
                throw ParquetError(.notParquet("the file does not start with PAR1"))
            }
            guard footerStart >= tailOffset else { throw ParquetError(.notParquet("the footer was not fetched")) }
            let footer = Array(tail[(footerStart - tailOffset)..<(tail.count - 8)])
            do {
                metadata = try FileMetaData(thrift: footer)
            } catch {
                var failure = ParquetError(error)
                failure.offset = footerStart + (failure.offset ?? 0)
                throw failure
            }
            schema = try ParquetSchema(elements: metadata.schema)
            var nodes: [ArrowNode] = []
            for field in schema.fields { nodes.append(try ArrowNode(field)) }
            self.nodes = nodes
            arrowSchema = Schema(nodes.map(\.field), metadata: Self.keyValues(metadata.keyValueMetadata))
        } catch {
            throw error.adding(file: name)
        }
    }

    /// Where the footer starts, from the length and magic in the file's last 8 bytes.
    private static func footerStart(tail: [UInt8], fileSize: Int) throws(ParquetError) -> Int {
        guard fileSize >= 12, tail.count >= 8 else {
            throw ParquetError(.notParquet("\(fileSize) bytes is too short"))
        }
        guard Array(tail.suffix(4)) == magic else { throw ParquetError(.notParquet("the file does not end with PAR1")) }
        let footerLength = Int(tail.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: tail.count - 8, as: UInt32.self) }
            .littleEndian)
        guard footerLength <= fileSize - 12 else {
            throw ParquetError(.notParquet("footer length \(footerLength) exceeds the file's \(fileSize) bytes"))
        }
        return fileSize - 8 - footerLength
    }

    /// Opens a local file.
    public init(path: String) async throws(ParquetError) {
        try await self.init(source: try FileSource(path: path), name: path)
    }

    public var rowCount: Int { Int(metadata.numRows) }
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// Top-level fields to read.
    public enum Projection: Sendable, Hashable {
        case all
        case names([String])
        /// Fields by their Parquet field id, as Iceberg resolves columns.
        case fieldIDs([Int])
    }

    /// Indices of the top-level fields a projection selects, in the projection's order.
    public func fieldIndices(_ projection: Projection) throws(ParquetError) -> [Int] {
        switch projection {
        case .all:
            return Array(nodes.indices)
        case .names(let names):
            var indices: [Int] = []
            for name in names {
                guard let index = arrowSchema.index(of: name) else {
                    throw ParquetError.schema("no column named \(name); the file has \(arrowSchema.names)")
                        .adding(file: self.name)
                }
                indices.append(index)
            }
            return indices
        case .fieldIDs(let ids):
            var indices: [Int] = []
            for id in ids {
                guard let index = arrowSchema.fields.firstIndex(where: { $0.fieldID == id }) else {
                    throw ParquetError.schema("no column with field id \(id)").adding(file: name)
                }
                indices.append(index)
            }
            return indices
        }
    }

    /// One row group as a batch, reading only the chunks of the projected fields. Chunks are read one at a time
    /// into one reused buffer and decoded before the next is read.
    public func readRowGroup(_ index: Int, projection: Projection = .all) async throws(ParquetError) -> RecordBatch {
        let fields = try fieldIndices(projection)
        var decoder = RowGroupDecoder(reader: self, index: index)
        var buffer: [UInt8] = []
        for column in leafColumns(of: fields) {
            let range = try chunkRange(column, rowGroup: index)
            try await Self.io(name) { try await source.read(range, into: &buffer) }
            try decoder.decode(column, bytes: buffer, range: 0..<range.count)
        }
        return try decoder.batch(fields: fields)
    }

    /// One row group of a file held whole in `file`, decoded without suspending or copying chunks out of it.
    public func decodeRowGroup(_ index: Int, projection: Projection = .all, file: [UInt8]) throws(ParquetError)
        -> RecordBatch
    {
        try decodeRowGroup(index, projection: projection, bytes: file, at: 0)
    }

    /// `range` of `source`, with a failure reported as a `ParquetError` naming the file.
    public static func fetch(_ range: Range<Int>, from source: any RandomAccessSource, name: String) async throws(ParquetError) -> [UInt8] {
        try await io(name) { try await source.read(range) }
    }

    /// The bytes a row group's chunks (of the projected fields) span in the file, for one ranged read.
    public func rowGroupRange(_ index: Int, projection: Projection = .all) throws(ParquetError) -> Range<Int> {
        var lower = Int.max
        var upper = 0
        for column in leafColumns(of: try fieldIndices(projection)) {
            let range = try chunkRange(column, rowGroup: index)
            lower = min(lower, range.lowerBound)
            upper = max(upper, range.upperBound)
        }
        return lower <= upper ? lower..<upper : 0..<0
    }

    /// One row group decoded from `bytes`, which hold the file from offset `start` on (at least its
    /// `rowGroupRange`): what a ranged read of a remote file fetched.
    public func decodeRowGroup(_ index: Int, projection: Projection = .all, bytes file: [UInt8], at start: Int)
        throws(ParquetError) -> RecordBatch
    {
        let fields = try fieldIndices(projection)
        var decoder = RowGroupDecoder(reader: self, index: index)
        let columns = leafColumns(of: fields)
        var ranges: [Range<Int>] = []
        for column in columns {
            let absolute = try chunkRange(column, rowGroup: index)
            let range = (absolute.lowerBound - start)..<(absolute.upperBound - start)
            guard range.lowerBound >= 0, range.upperBound <= file.count else {
                throw ParquetError.corruptPage("chunk \(absolute) lies outside the \(file.count) bytes given from offset \(start)")
                    .adding(file: name, rowGroup: index)
            }
            ranges.append(range)
        }
        let rows = metadata.rowGroups.indices.contains(index) ? Int(metadata.rowGroups[index].numRows) : 0
        if columns.count > 1, rows >= Self.parallelDecodingMinimumRows {
            // Chunks are independent: decode them on several threads, then assemble as usual.
            var results = [Result<DecodedColumn, ParquetError>?](repeating: nil, count: columns.count)
            results.withUnsafeMutableBufferPointer { results in
                let job = ParallelChunks(reader: self, index: index, file: file, columns: columns, ranges: ranges, results: results)
                DispatchQueue.concurrentPerform(iterations: columns.count) { job.run($0) }
            }
            for (column, result) in zip(columns, results) {
                switch result {
                case .success(let decoded)?: decoder.store(column, decoded)
                case .failure(let error)?: throw error
                case nil: throw ParquetError.corruptPage("a column chunk was not decoded").adding(file: name, rowGroup: index)
                }
            }
        } else {
            for (column, range) in zip(columns, ranges) { try decoder.decode(column, bytes: file, range: range) }
        }
        return try decoder.batch(fields: fields)
    }

    /// Row groups with fewer rows are decoded on the calling thread: handing small chunks to other threads
    /// costs more than it saves.
    static let parallelDecodingMinimumRows = 8192

    /// The chunks of one row group decoded by `concurrentPerform`: iteration `i` reads the shared file bytes
    /// and writes only result slot `i`, and the call returns when all have finished.
    private struct ParallelChunks: @unchecked Sendable {
        let reader: ParquetFileReader
        let index: Int
        let file: [UInt8]
        let columns: [Int]
        let ranges: [Range<Int>]
        let results: UnsafeMutableBufferPointer<Result<DecodedColumn, ParquetError>?>

        func run(_ position: Int) {
            var decoder = RowGroupDecoder(reader: reader, index: index)
            do throws(ParquetError) {
                results[position] = .success(try decoder.decodedColumn(columns[position], bytes: file, range: ranges[position]))
            } catch {
                results[position] = .failure(error)
            }
        }
    }

    /// The leaf columns below `fields`, each once, in file order.
    private func leafColumns(of fields: [Int]) -> [Int] {
        Set(fields.flatMap { nodes[$0].columns }).sorted()
    }

    /// Decodes the chunks of one row group as they arrive, then assembles the projected fields.
    private struct RowGroupDecoder {
        let reader: ParquetFileReader
        let index: Int
        private var decoded: [Int: DecodedColumn] = [:]
        /// Decompressed pages, reused across every page of every chunk.
        private var scratch: [UInt8] = []

        init(reader: ParquetFileReader, index: Int) {
            self.reader = reader
            self.index = index
        }

        mutating func decode(_ column: Int, bytes: [UInt8], range: Range<Int>) throws(ParquetError) {
            decoded[column] = try decodedColumn(column, bytes: bytes, range: range)
        }

        mutating func decodedColumn(_ column: Int, bytes: [UInt8], range: Range<Int>) throws(ParquetError) -> DecodedColumn {
            do throws(ParquetError) {
                guard let meta = try rowGroup().columns[column].metaData else {
                    throw ParquetError.corruptPage("the row group has no metadata for this column")
                }
                return try ColumnChunkDecoder.decode(bytes, range: range, column: reader.schema.columns[column],
                                                     metaData: meta, scratch: &scratch)
            } catch {
                throw error.adding(file: reader.name, rowGroup: index)
            }
        }

        mutating func store(_ column: Int, _ chunk: DecodedColumn) {
            decoded[column] = chunk
        }

        func batch(fields: [Int]) throws(ParquetError) -> RecordBatch {
            do throws(ParquetError) {
                let rowGroup = try rowGroup()
                var arrays: [any ArrowArray] = []
                for field in fields {
                    arrays.append(try RecordAssembler.assemble(reader.nodes[field], columns: decoded,
                                                               descriptors: reader.schema.columns))
                }
                guard arrays.allSatisfy({ $0.count == Int(rowGroup.numRows) }) else {
                    throw ParquetError.corruptPage("columns disagree with the row group's \(rowGroup.numRows) rows")
                }
                let projected = Schema(fields.map { reader.nodes[$0].field }, metadata: reader.arrowSchema.metadata)
                do {
                    return try RecordBatch(schema: projected, columns: arrays)
                } catch {
                    throw ParquetError.corruptPage("\(error)")
                }
            } catch {
                throw error.adding(file: reader.name, rowGroup: index)
            }
        }

        private func rowGroup() throws(ParquetError) -> RowGroup {
            guard reader.metadata.rowGroups.indices.contains(index) else {
                throw ParquetError.invalidArgument("row group \(index) of \(reader.metadata.rowGroups.count)")
            }
            return reader.metadata.rowGroups[index]
        }
    }

    /// Every row group that `predicate` cannot rule out from its statistics, as one batch each.
    public func read(projection: Projection = .all, where predicate: ParquetPredicate? = nil)
        async throws(ParquetError) -> [RecordBatch]
    {
        var batches: [RecordBatch] = []
        for index in metadata.rowGroups.indices {
            if let predicate, !predicate.mightMatch(rowGroup: metadata.rowGroups[index], reader: self) { continue }
            batches.append(try await readRowGroup(index, projection: projection))
        }
        return batches
    }

    /// Byte range of a column chunk, dictionary page included, checked against the file size.
    func chunkRange(_ column: Int, rowGroup: Int) throws(ParquetError) -> Range<Int> {
        guard metadata.rowGroups.indices.contains(rowGroup) else {
            throw ParquetError.invalidArgument("row group \(rowGroup) of \(metadata.rowGroups.count)").adding(file: name)
        }
        let descriptor = schema.columns[column]
        let chunks = metadata.rowGroups[rowGroup].columns
        guard column < chunks.count, let meta = chunks[column].metaData else {
            throw ParquetError.corruptPage("the row group has no metadata for this column")
                .adding(file: name, column: descriptor.dottedPath, rowGroup: rowGroup)
        }
        var start = Int(meta.dataPageOffset)
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = Int(dictionary) }
        let length = Int(meta.totalCompressedSize)
        guard start >= 0, length >= 0, start <= fileSize - length else {
            throw ParquetError.corruptPage("chunk at \(start) of \(length) bytes lies outside the file")
                .adding(file: name, column: descriptor.dottedPath, rowGroup: rowGroup)
        }
        return start..<(start + length)
    }

    private static func io<T>(_ name: String, _ body: () async throws -> T) async throws(ParquetError) -> T {
        do {
            return try await body()
        } catch let error as ParquetError {
            throw error.adding(file: name)
        } catch {
            throw ParquetError(.io(String(describing: error))).adding(file: name)
        }
    }

    private static func keyValues(_ pairs: [KeyValue]?) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs ?? [] { result[pair.key] = pair.value ?? "" }
        return result
    }
}

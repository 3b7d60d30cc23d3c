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
        self.source = source
        self.name = name
        do throws(ParquetError) {
            let size = try await Self.io(name) { try await source.size() }
            fileSize = size
            guard size >= 12 else { throw ParquetError(.notParquet("\(size) bytes is too short")) }
            let tailStart = max(0, size - Self.footerPrefetch)
            var tail = try await Self.io(name) { try await source.read(tailStart..<size) }
            guard Array(tail.suffix(4)) == Self.magic else {
                throw ParquetError(.notParquet("the file does not end with PAR1"))
            }
            if tailStart == 0, Array(tail.prefix(4)) != Self.magic {
                throw ParquetError(.notParquet("the file does not start with PAR1"))
            }
            let footerLength = Int(tail.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: tail.count - 8, as: UInt32.self) }
                .littleEndian)
            guard footerLength <= size - 12 else {
                throw ParquetError(.notParquet("footer length \(footerLength) exceeds the file's \(size) bytes"))
            }
            let footerStart = size - 8 - footerLength
            if footerStart < tailStart {
                tail = try await Self.io(name) { try await source.read(footerStart..<size) } 
            }
            let footer = Array(tail[(tail.count - 8 - footerLength)..<(tail.count - 8)])
            do {
                metadata = try FileMetaData(thrift: footer)
            } catch {
                var failure = ParquetError(error)
                failure.offset = footerStart
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

    /// One row group as a batch, reading only the chunks of the projected fields.
    public func readRowGroup(_ index: Int, projection: Projection = .all) async throws(ParquetError) -> RecordBatch {
        guard metadata.rowGroups.indices.contains(index) else {
            throw ParquetError.invalidArgument("row group \(index) of \(metadata.rowGroups.count)").adding(file: name)
        }
        let fields = try fieldIndices(projection)
        let rowGroup = metadata.rowGroups[index]
        var decoded: [Int: DecodedColumn] = [:]
        for field in fields {
            for column in nodes[field].columns where decoded[column] == nil {
                decoded[column] = try await readColumn(column, rowGroup: index)
            }
        }
        do {
            var arrays: [any ArrowArray] = []
            for field in fields {
                arrays.append(try RecordAssembler.assemble(nodes[field], columns: decoded, descriptors: schema.columns))
            }
            guard arrays.allSatisfy({ $0.count == Int(rowGroup.numRows) }) else {
                throw ParquetError.corruptPage("columns disagree with the row group's \(rowGroup.numRows) rows")
            }
            let projected = Schema(fields.map { nodes[$0].field }, metadata: arrowSchema.metadata)
            return try RecordBatch(schema: projected, columns: arrays)
        } catch let error as ParquetError {
            throw error.adding(file: name, rowGroup: index)
        } catch {
            throw ParquetError.invalidArgument("\(error)").adding(file: name, rowGroup: index)
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

    /// The levels and values of one column chunk.
    func readColumn(_ column: Int, rowGroup: Int) async throws(ParquetError) -> DecodedColumn {
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
        let bytes = try await Self.io(name) { try await source.read(start..<(start + length)) }
        do {
            return try ColumnChunkDecoder.decode(bytes, column: descriptor, metaData: meta)
        } catch {
            throw error.adding(file: name, rowGroup: rowGroup)
        }
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

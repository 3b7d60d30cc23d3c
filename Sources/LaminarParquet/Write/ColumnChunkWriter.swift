import LaminarArrow
import LaminarCompression

/// A column chunk encoded in memory, waiting for its row group to be written out.
struct EncodedColumnChunk {
    /// The dictionary page, if any data page used it; it must precede the data pages.
    var dictionaryPage: [UInt8]?
    var dataPages: [[UInt8]]
    var pages: [EncodedPageInfo]
    var metaData: ColumnMetaData
    var columnIndex: ColumnIndex?
}

/// What the page index needs to know about one data page.
struct EncodedPageInfo {
    var compressedSize: Int
    var firstRowIndex: Int64
    var nullCount: Int64
    /// False when the page holds only nulls.
    var hasValues: Bool
    var bounds: EncodedBounds?
    var minScalar: ScalarValue?
    var maxScalar: ScalarValue?
}

/// Encodes one leaf column of the current row group into pages as shredded batches arrive.
///
/// Pages are cut at row boundaries once their values reach `pageByteLimit` (estimated PLAIN size) or
/// `pageRowLimit` rows. The chunk starts with a dictionary and falls back to `fallbackEncoding` for the rest of
/// the chunk once the dictionary would exceed `dictionaryByteLimit`, as parquet-java and Arrow do.
final class ColumnChunkWriter {
    let column: ColumnDescriptor
    /// Arrow type of the values handed in; statistics are ordered by it.
    let type: DataType
    private let options: ParquetWriterOptions
    private let codec: ParquetCodec
    private var dictionary: DictionaryEncoder?
    private var dictionaryUsed = false
    private var dictionaryActive: Bool
    private let fallbackEncoding: Encoding

    private var definitions: [Int16] = []
    private var repetitions: [Int16] = []
    private var values: [any ArrowArray] = []
    private var pendingRows = 0
    private var pendingBytes = 0

    private var dataPages: [[UInt8]] = []
    private var pages: [EncodedPageInfo] = []
    private var encodings: [Encoding] = []
    private var rowCount = 0
    private var valueCount = 0
    private var uncompressedSize = 0
    private var compressedSize = 0
    private var nullCount = 0
    private var chunkMin: ScalarValue?
    private var chunkMax: ScalarValue?

    init(column: ColumnDescriptor, type: DataType, options: ParquetWriterOptions) throws(ParquetError) {
        self.column = column
        self.type = type
        self.options = options
        codec = try PageCompression.parquetCodec(options.compression)
        dictionary = options.usesDictionary(column) ? DictionaryEncoder(column: column) : nil
        dictionaryActive = dictionary != nil
        fallbackEncoding = options.fallbackEncoding(for: column)
        try Self.check(fallbackEncoding, for: column)
    }

    /// Compressed bytes of finished pages plus the estimated size of the page being filled.
    var bufferedBytes: Int { compressedSize + pendingBytes }

    func write(_ shredded: ShreddedColumn) throws(ParquetError) {
        let bytesPerValue = max(1, Self.plainBytesPerValue(shredded.values, column: column))
        let total = shredded.entryCount
        let maxDefinition = Int16(column.maxDefinitionLevel)
        var start = 0
        var valueStart = 0
        while start < total {
            let rowRoom = max(1, options.pageRowLimit - pendingRows)
            let byteRoom = max(1, (options.pageByteLimit - pendingBytes) / bytesPerValue)
            let wanted = min(rowRoom, byteRoom)
            var end = start
            var rows = 0
            if shredded.repetitions.isEmpty {
                end = min(total, start + wanted)
                rows = end - start
            } else {
                // Each row starts at repetition level 0; take whole rows only.
                rows = 1
                end = start + 1
                while end < total {
                    if shredded.repetitions[end] == 0 {
                        if rows == wanted || end - start >= wanted { break }
                        rows += 1
                    }
                    end += 1
                }
            }
            var present = end - start
            if !shredded.definitions.isEmpty {
                present = 0
                for position in start..<end where shredded.definitions[position] == maxDefinition { present += 1 }
            }
            if !shredded.definitions.isEmpty { definitions.append(contentsOf: shredded.definitions[start..<end]) }
            if !shredded.repetitions.isEmpty { repetitions.append(contentsOf: shredded.repetitions[start..<end]) }
            if present > 0 { values.append(shredded.values.slice(offset: valueStart, count: present)) }
            pendingRows += rows
            pendingBytes += present * bytesPerValue + (end - start) / 4
            valueCount += end - start
            start = end
            valueStart += present
            if pendingRows >= options.pageRowLimit || pendingBytes >= options.pageByteLimit { try flushPage() }
        }
    }

    /// Encodes the buffered values as a data page.
    func flushPage() throws(ParquetError) {
        guard pendingRows > 0 else { return }
        let logical: any ArrowArray
        switch values.count {
        case 0: logical = makeNullArray(type: type, count: 0)
        case 1: logical = values[0]
        default:
            do { logical = try Compute.concatenate(values) } catch {
                throw .invalidArgument("column \(column.dottedPath): \(error)")
            }
        }
        let physical = try PhysicalValues(arrow: logical, column: column)
        let entries = max(definitions.count, repetitions.count, physical.count)
        let nulls = entries - physical.count

        // Version 1 pages carry their levels in the compressed body, so levels and values go into one buffer,
        // sized up front: growing it by doubling, then concatenating, copied every page twice more.
        let levels = encodeLevels()
        let levelPrefix = options.pageVersion == .v1 ? levels.repetition.prefixed + levels.definition.prefixed : []
        var body: [UInt8] = []
        body.reserveCapacity(levelPrefix.count + pendingBytes + 64)
        body.append(contentsOf: levelPrefix)
        let encoding = try encodeValues(physical, into: &body)
        if !encodings.contains(encoding) { encodings.append(encoding) }

        var page = EncodedPageInfo(compressedSize: 0, firstRowIndex: Int64(rowCount), nullCount: Int64(nulls),
                                   hasValues: physical.count > 0)
        var statistics: Statistics?
        if options.writeStatistics {
            let stats = Compute.statistics(logical)
            page.minScalar = stats.min
            page.maxScalar = stats.max
            page.bounds = StatisticsEncoder.bounds(of: stats, type: type, column: column,
                                                   truncateTo: options.statisticsTruncateLength)
            statistics = Self.thriftStatistics(page.bounds, nullCount: nulls)
            merge(stats)
        }
        nullCount += nulls

        let compressed = try PageCompression.compress(body, codec: options.compression, level: options.compressionLevel)
        let header: PageHeader
        let levelBytes: [UInt8]
        switch options.pageVersion {
        case .v1:
            levelBytes = []
            var v1 = PageHeader(type: .dataPage, uncompressedPageSize: try Self.size(body.count),
                                compressedPageSize: try Self.size(compressed.count))
            v1.dataPageHeader = DataPageHeader(numValues: Int32(entries), encoding: encoding,
                                               statistics: statistics)
            header = v1
        case .v2:
            levelBytes = levels.repetition.bare + levels.definition.bare
            var v2 = PageHeader(type: .dataPageV2,
                                uncompressedPageSize: try Self.size(levelBytes.count + body.count),
                                compressedPageSize: try Self.size(levelBytes.count + compressed.count))
            v2.dataPageHeaderV2 = DataPageHeaderV2(
                numValues: Int32(entries), numNulls: Int32(nulls), numRows: Int32(pendingRows), encoding: encoding,
                definitionLevelsByteLength: Int32(levels.definition.bare.count),
                repetitionLevelsByteLength: Int32(levels.repetition.bare.count),
                isCompressed: options.compression != .uncompressed, statistics: statistics)
            header = v2
        }
        let headerBytes = header.thriftBytes
        var pageBytes: [UInt8] = []
        pageBytes.reserveCapacity(headerBytes.count + levelBytes.count + compressed.count)
        pageBytes.append(contentsOf: headerBytes)
        pageBytes.append(contentsOf: levelBytes)
        pageBytes.append(contentsOf: compressed)
        uncompressedSize += headerBytes.count + levelBytes.count + body.count
        page.compressedSize = pageBytes.count
        compressedSize += page.compressedSize
        dataPages.append(pageBytes)
        pages.append(page)

        rowCount += pendingRows
        definitions.removeAll(keepingCapacity: true)
        repetitions.removeAll(keepingCapacity: true)
        values.removeAll()
        pendingRows = 0
        pendingBytes = 0
    }

    /// Finishes the chunk: the last page, the dictionary page, metadata with offsets relative to the chunk start.
    func finish() throws(ParquetError) -> EncodedColumnChunk {
        try flushPage()
        var dictionaryPage: [UInt8]?
        var allEncodings = encodings
        if dictionaryUsed, let dictionary {
            var body: [UInt8] = []
            PlainEncoder.encode(dictionary.values(column: column), into: &body)
            let compressed = try PageCompression.compress(body, codec: options.compression,
                                                          level: options.compressionLevel)
            var header = PageHeader(type: .dictionaryPage, uncompressedPageSize: try Self.size(body.count),
                                    compressedPageSize: try Self.size(compressed.count))
            header.dictionaryPageHeader = DictionaryPageHeader(numValues: Int32(dictionary.count), encoding: .plain)
            let headerBytes = header.thriftBytes
            dictionaryPage = headerBytes + compressed
            uncompressedSize += headerBytes.count + body.count
            compressedSize += headerBytes.count + compressed.count
            allEncodings.insert(.plain, at: 0)
        }
        // Levels are RLE-encoded in every page.
        if !allEncodings.contains(.rle) { allEncodings.append(.rle) }
        var metaData = ColumnMetaData(
            type: column.physicalType, encodings: allEncodings, pathInSchema: column.path, codec: codec,
            numValues: Int64(valueCount), totalUncompressedSize: Int64(uncompressedSize),
            totalCompressedSize: Int64(compressedSize), dataPageOffset: Int64(dictionaryPage?.count ?? 0))
        if dictionaryPage != nil { metaData.dictionaryPageOffset = 0 }
        if options.writeStatistics {
            var statistics = Statistics(nullCount: Int64(nullCount))
            if let min = chunkMin, let max = chunkMax,
               let bounds = StatisticsEncoder.bounds(
                   of: ColumnStatistics(min: min, max: max, nullCount: nullCount, valueCount: valueCount), type: type,
                   column: column, truncateTo: options.statisticsTruncateLength)
            {
                statistics = Self.thriftStatistics(bounds, nullCount: nullCount) ?? statistics
            }
            metaData.statistics = statistics
        }
        return EncodedColumnChunk(dictionaryPage: dictionaryPage, dataPages: dataPages, pages: pages,
                                  metaData: metaData, columnIndex: options.writePageIndex ? columnIndex() : nil)
    }

    // MARK: Encoding

    private func encodeValues(_ physical: PhysicalValues, into body: inout [UInt8]) throws(ParquetError) -> Encoding {
        if dictionaryActive, let dictionary {
            if let indices = dictionary.indices(of: physical, limit: options.dictionaryByteLimit) {
                dictionaryUsed = true
                let bitWidth = BitPacking.bitWidth(of: UInt64(max(dictionary.count - 1, 0)))
                var encoder = RLEHybridEncoder(bitWidth: bitWidth)
                for index in indices { encoder.append(UInt64(index)) }
                body.append(UInt8(bitWidth))
                body.append(contentsOf: encoder.finish())
                return .rleDictionary
            }
            // Too many distinct values: keep the dictionary for the pages already written, none for the rest.
            dictionaryActive = false
        }
        return try ValueEncoder.encode(physical, as: fallbackEncoding, column: column, into: &body)
    }

    private struct LevelBytes {
        var prefixed: [UInt8] = []
        var bare: [UInt8] = []
    }

    private func encodeLevels() -> (repetition: LevelBytes, definition: LevelBytes) {
        func encode(_ levels: [Int16], max: Int) -> LevelBytes {
            guard max > 0 else { return LevelBytes() }
            var encoder = RLEHybridEncoder(bitWidth: BitPacking.bitWidth(of: UInt64(max)))
            var index = 0
            while index < levels.count {
                let value = levels[index]
                var run = 1
                while index + run < levels.count, levels[index + run] == value { run += 1 }
                encoder.append(UInt64(value), count: run)
                index += run
            }
            let bare = encoder.finish()
            return LevelBytes(prefixed: withUnsafeBytes(of: UInt32(bare.count).littleEndian) { Array($0) } + bare,
                              bare: bare)
        }
        return (encode(repetitions, max: column.maxRepetitionLevel),
                encode(definitions, max: column.maxDefinitionLevel))
    }

    // MARK: Statistics and indexes

    private func merge(_ stats: ColumnStatistics) {
        if let min = stats.min, chunkMin.flatMap({ Compute.order(min, $0) }).map({ $0 < 0 }) ?? true {
            chunkMin = min
        }
        if let max = stats.max, chunkMax.flatMap({ Compute.order(max, $0) }).map({ $0 > 0 }) ?? true {
            chunkMax = max
        }
    }

    private static func thriftStatistics(_ bounds: EncodedBounds?, nullCount: Int) -> Statistics? {
        var statistics = Statistics(nullCount: Int64(nullCount), minValue: bounds?.min, maxValue: bounds?.max)
        if let bounds {
            if !bounds.isMinExact { statistics.isMinValueExact = false }
            if !bounds.isMaxExact { statistics.isMaxValueExact = false }
        }
        return statistics
    }

    private func columnIndex() -> ColumnIndex? {
        guard options.writeStatistics else { return nil }
        // A page with values but no bounds (all NaN, or an untruncatable maximum) cannot be indexed.
        guard pages.allSatisfy({ !$0.hasValues || $0.bounds != nil }) else { return nil }
        let withValues = pages.filter(\.hasValues)
        var ascending = true
        var descending = true
        for (previous, next) in zip(withValues, withValues.dropFirst()) {
            guard let pMin = previous.minScalar, let nMin = next.minScalar, let pMax = previous.maxScalar,
                  let nMax = next.maxScalar, let minOrder = Compute.order(pMin, nMin),
                  let maxOrder = Compute.order(pMax, nMax)
            else { return nil }
            if minOrder > 0 || maxOrder > 0 { ascending = false }
            if minOrder < 0 || maxOrder < 0 { descending = false }
        }
        let order: BoundaryOrder = ascending ? .ascending : descending ? .descending : .unordered
        return ColumnIndex(nullPages: pages.map { !$0.hasValues }, minValues: pages.map { $0.bounds?.min ?? [] },
                           maxValues: pages.map { $0.bounds?.max ?? [] }, boundaryOrder: order,
                           nullCounts: pages.map(\.nullCount))
    }

    // MARK: Helpers

    private static func plainBytesPerValue(_ values: any ArrowArray, column: ColumnDescriptor) -> Int {
        if let width = values.dataType.byteWidth { return width }
        if let strings = values as? StringArray, strings.count > 0 {
            return (strings.valueOffset(strings.count) - strings.valueOffset(0)) / strings.count + 4
        }
        if let binary = values as? BinaryArray, binary.count > 0 {
            return (binary.valueOffset(binary.count) - binary.valueOffset(0)) / binary.count + 4
        }
        return column.physicalType == .boolean ? 1 : 8
    }

    private static func size(_ count: Int) throws(ParquetError) -> Int32 {
        guard count <= Int(Int32.max) else { throw .invalidArgument("a page of \(count) bytes exceeds 2 GiB") }
        return Int32(count)
    }

    private static func check(_ encoding: Encoding, for column: ColumnDescriptor) throws(ParquetError) {
        let physical = column.physicalType
        let allowed: Bool
        switch encoding {
        case .plain, .rleDictionary, .plainDictionary: allowed = true
        case .rle: allowed = physical == .boolean
        case .deltaBinaryPacked: allowed = physical == .int32 || physical == .int64
        case .deltaLengthByteArray, .deltaByteArray: allowed = physical == .byteArray
        case .byteStreamSplit:
            allowed = [.float, .double, .int32, .int64, .fixedLenByteArray].contains(physical)
        default: allowed = false
        }
        guard allowed else {
            throw .invalidArgument("encoding \(encoding) cannot encode \(physical) column \(column.dottedPath)")
        }
    }
}

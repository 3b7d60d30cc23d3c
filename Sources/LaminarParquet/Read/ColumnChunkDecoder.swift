import LaminarArrow

/// Decodes the pages of a column chunk: page headers, decompression, levels (RLE or the deprecated BIT_PACKED)
/// and values in any encoding the format defines.
struct ColumnChunkDecoder {
    let column: ColumnDescriptor
    let codec: ParquetCodec

    /// Pages claiming more entries than this are rejected before anything is allocated for them.
    static let maxEntriesPerPage = 1 << 28

    private var definitions: [Int16] = []
    private var repetitions: [Int16] = []
    private var dictionary: PhysicalValues?
    private var entryCount = 0
    /// Whether definition levels reduce to a validity bitmap: maximum definition level 1, no repetition.
    private let isFlat: Bool
    /// A flat column's validity, started at the first page with a null.
    private var validity: BitmapBuilder?

    init(column: ColumnDescriptor, codec: ParquetCodec) {
        self.column = column
        self.codec = codec
        isFlat = column.maxDefinitionLevel == 1 && column.maxRepetitionLevel == 0
    }

    /// Decodes every page of the chunk `bytes[range]` (dictionary page first) until the footer's value count is
    /// read. `bytes` is a whole file held in memory or a reused read buffer, so no chunk is copied out; errors
    /// carry the page index and the offset within `bytes`. `scratch` holds decompressed pages; callers pass the
    /// same one for every chunk they decode.
    static func decode(_ bytes: [UInt8], range: Range<Int>, column: ColumnDescriptor, metaData: ColumnMetaData,
                       scratch: inout [UInt8]) throws(ParquetError) -> DecodedColumn
    {
        var decoder = ColumnChunkDecoder(column: column, codec: metaData.codec)
        let expected = Int(clamping: metaData.numValues)
        // Reservations from the footer are hints, capped relative to the chunk so a hostile footer cannot make
        // us allocate without bound.
        let values = ValueAccumulator(column: column, capacity: min(expected, range.count * 8),
                                      byteCapacity: min(Int(clamping: metaData.totalUncompressedSize), range.count * 16))
        if column.maxDefinitionLevel > 0, !decoder.isFlat {
            decoder.definitions.reserveCapacity(min(expected, range.count * 8))
        }
        if column.maxRepetitionLevel > 0 { decoder.repetitions.reserveCapacity(min(expected, range.count * 8)) }
        var position = range.lowerBound
        var page = 0
        while decoder.entryCount < expected, position < range.upperBound {
            do {
                position = try decoder.decodePage(bytes, at: position, end: range.upperBound, into: values,
                                                  scratch: &scratch)
            } catch {
                throw error.adding(column: column.dottedPath, page: page)
            }
            page += 1
        }
        guard decoder.entryCount >= expected else {
            throw ParquetError.corruptPage("the chunk's pages hold \(decoder.entryCount) of \(expected) values")
                .adding(column: column.dottedPath, page: page)
        }
        var validity: ValidityBitmap?
        if decoder.isFlat { validity = decoder.validity?.finishValidity() ?? .allValid }
        return DecodedColumn(definitions: decoder.definitions, repetitions: decoder.repetitions,
                             values: values.finish(), entryCount: decoder.entryCount, validity: validity)
    }

    /// Decodes the page at `start`; returns where the next page begins.
    private mutating func decodePage(_ file: [UInt8], at start: Int, end: Int, into values: ValueAccumulator,
                                     scratch: inout [UInt8]) throws(ParquetError) -> Int
    {
        var reader = CompactReader(file, position: start)
        let header: PageHeader
        do { header = try PageHeader(reading: &reader) } catch { throw ParquetError(error) }
        let bodyStart = reader.position
        let compressedSize = Int(header.compressedPageSize)
        guard compressedSize >= 0, compressedSize <= end - bodyStart else {
            throw .corruptPage("page of \(compressedSize) bytes runs past the chunk's end", offset: bodyStart)
        }
        let bodyEnd = bodyStart + compressedSize
        try file.withParquetBytes { (all: UnsafeRawBufferPointer) throws(ParquetError) in
            let body = UnsafeRawBufferPointer(rebasing: all[bodyStart..<bodyEnd])
            switch header.type {
            case .dictionaryPage:
                try readDictionary(header, body: body)
            case .dataPage:
                guard let info = header.dataPageHeader else { throw .corruptPage("data page without its header") }
                try PageCompression.withDecompressed(body, codec: codec, uncompressedSize: Int(header.uncompressedPageSize),
                                                     scratch: &scratch)
                { (page: UnsafeRawBufferPointer) throws(ParquetError) in
                    try readDataPageV1(info, page: page, into: values)
                }
            case .dataPageV2:
                guard let info = header.dataPageHeaderV2 else { throw .corruptPage("v2 data page without its header") }
                try readDataPageV2(info, header: header, body: body, into: values, scratch: &scratch)
            default:
                break  // Index pages and unknown page types carry no values.
            }
        }
        return bodyEnd
    }

    // MARK: Pages

    private mutating func readDictionary(_ header: PageHeader, body: UnsafeRawBufferPointer) throws(ParquetError) {
        guard let info = header.dictionaryPageHeader else { throw .corruptPage("dictionary page without its header") }
        guard info.encoding == .plain || info.encoding == .plainDictionary else {
            throw .unsupported("dictionary page encoding \(info.encoding)")
        }
        let count = Int(info.numValues)
        let data = try PageCompression.decompress(body, codec: codec, uncompressedSize: Int(header.uncompressedPageSize))
        guard count >= 0, count <= max(data.count, 1) * 8 else {
            throw .corruptPage("dictionary of \(count) values in \(data.count) bytes")
        }
        let accumulator = ValueAccumulator(column: column, capacity: count)
        _ = try data.withParquetBytes { (bytes: UnsafeRawBufferPointer) throws(ParquetError) in
            try PlainDecoder.decode(bytes, count: count, into: accumulator)
        }
        dictionary = accumulator.finish()
    }

    private mutating func readDataPageV1(_ info: DataPageHeader, page: UnsafeRawBufferPointer,
                                         into values: ValueAccumulator) throws(ParquetError)
    {
        let entries = try Self.checkedEntries(info.numValues)
        var position = 0
        if column.maxRepetitionLevel > 0 {
            position += try readLevels(page, from: position, count: entries, max: column.maxRepetitionLevel,
                                       encoding: info.repetitionLevelEncoding, into: &repetitions)
        }
        let definitionStart = definitions.count
        var present = entries
        if isFlat, info.definitionLevelEncoding == .rle {
            let (levels, length) = try RLEHybridDecoder.lengthPrefixed(UnsafeRawBufferPointer(rebasing: page[position...]),
                                                                     bitWidth: 1)
            present = try appendFlatValidity(levels, entries: entries)
            position += length
        } else if column.maxDefinitionLevel > 0 {
            position += try readLevels(page, from: position, count: entries, max: column.maxDefinitionLevel,
                                       encoding: info.definitionLevelEncoding, into: &definitions)
            present = presentCount(from: definitionStart, entries: entries)
            if isFlat { try convertToFlatValidity(entries: entries) }
        }
        try readValues(UnsafeRawBufferPointer(rebasing: page[position...]), count: present, encoding: info.encoding,
                       into: values)
        entryCount += entries
    }

    private mutating func readDataPageV2(_ info: DataPageHeaderV2, header: PageHeader, body: UnsafeRawBufferPointer,
                                         into values: ValueAccumulator, scratch: inout [UInt8]) throws(ParquetError)
    {
        let entries = try Self.checkedEntries(info.numValues)
        let repetitionBytes = Int(info.repetitionLevelsByteLength)
        let definitionBytes = Int(info.definitionLevelsByteLength)
        guard repetitionBytes >= 0, definitionBytes >= 0, repetitionBytes + definitionBytes <= body.count else {
            throw .corruptPage("level lengths \(repetitionBytes) and \(definitionBytes) exceed the page's \(body.count) bytes")
        }
        if column.maxRepetitionLevel > 0 {
            try Self.appendRLE(UnsafeRawBufferPointer(rebasing: body[0..<repetitionBytes]), count: entries,
                               max: column.maxRepetitionLevel, into: &repetitions)
        }
        let definitionStart = definitions.count
        let definitionLevels = UnsafeRawBufferPointer(rebasing: body[repetitionBytes..<(repetitionBytes + definitionBytes)])
        var present = entries
        if isFlat {
            present = try appendFlatValidity(try RLEHybridDecoder(definitionLevels, bitWidth: 1), entries: entries)
        } else if column.maxDefinitionLevel > 0 {
            try Self.appendRLE(definitionLevels, count: entries, max: column.maxDefinitionLevel, into: &definitions)
            present = presentCount(from: definitionStart, entries: entries)
        }
        let valueBytes = UnsafeRawBufferPointer(rebasing: body[(repetitionBytes + definitionBytes)...])
        let uncompressedValues = Int(header.uncompressedPageSize) - repetitionBytes - definitionBytes
        if info.isCompressed, codec != .uncompressed {
            guard uncompressedValues >= 0 else { throw .corruptPage("negative uncompressed value size") }
            try PageCompression.withDecompressed(valueBytes, codec: codec, uncompressedSize: uncompressedValues,
                                                 scratch: &scratch)
            { (bytes: UnsafeRawBufferPointer) throws(ParquetError) in
                try readValues(bytes, count: present, encoding: info.encoding, into: values)
            }
        } else {
            try readValues(valueBytes, count: present, encoding: info.encoding, into: values)
        }
        entryCount += entries
    }

    private static func checkedEntries(_ count: Int32) throws(ParquetError) -> Int {
        guard count >= 0, Int(count) <= maxEntriesPerPage else {
            throw .corruptPage("impossible value count \(count)")
        }
        return Int(count)
    }

    /// Reads a flat column's levels run by run into its validity; returns how many entries hold a value. The
    /// bitmap starts at the first null, so null-free chunks (one RLE run of 1s per page) never build one.
    private mutating func appendFlatValidity(_ levels: RLEHybridDecoder, entries: Int) throws(ParquetError) -> Int {
        var levels = levels
        var present = 0
        var seen = 0
        let visited = try levels.visitRuns(count: entries, repeated: { value, count in
            if value == 0 { startValidity(seen) }
            validity?.append(value == 1, count: count)
            if value == 1 { present += count }
            seen += count
        }, packed: { bytes, first, count in
            guard let base = bytes.baseAddress else { return }
            let ones = Bitmap.countSetBits(base, offset: first, count: count)
            if ones < count { startValidity(seen) }
            if validity != nil {
                for bit in first..<(first + count) { validity?.append(Bitmap.get(base, bit)) }
            }
            present += ones
            seen += count
        })
        guard visited == entries else { throw .corruptPage("levels hold \(visited) of \(entries) entries") }
        return present
    }

    /// Begins the validity bitmap at a flat column's first null, `seen` entries into the current page.
    private mutating func startValidity(_ seen: Int) {
        guard validity == nil else { return }
        var builder = BitmapBuilder(capacity: 2 * (entryCount + seen) + 1024)
        builder.append(true, count: entryCount + seen)
        validity = builder
    }

    /// The deprecated BIT_PACKED level encoding of a flat column, decoded into `definitions` like a nested
    /// column's, moved into its validity.
    private mutating func convertToFlatValidity(entries: Int) throws(ParquetError) {
        let start = definitions.count - entries
        if definitions[start...].contains(0) { startValidity(0) }
        if validity != nil {
            for level in definitions[start...] { validity?.append(level == 1) }
        }
        definitions.removeAll(keepingCapacity: true)
    }

    /// Entries of this page whose definition level says a value is present.
    private func presentCount(from start: Int, entries: Int) -> Int {
        guard column.maxDefinitionLevel > 0 else { return entries }
        let maxLevel = Int16(column.maxDefinitionLevel)
        var present = 0
        for index in start..<definitions.count where definitions[index] == maxLevel { present += 1 }
        return present
    }

    // MARK: Levels

    /// Reads v1 levels at `start`; returns the bytes they took.
    private func readLevels(_ page: UnsafeRawBufferPointer, from start: Int, count: Int, max: Int, encoding: Encoding,
                            into levels: inout [Int16]) throws(ParquetError) -> Int
    {
        let rest = UnsafeRawBufferPointer(rebasing: page[start...])
        switch encoding {
        case .rle:
            guard rest.count >= 4 else { throw .corruptPage("levels lack their length", offset: start) }
            let length = Int(rest.loadUnaligned(as: UInt32.self).littleEndian)
            guard length <= rest.count - 4 else {
                throw .corruptPage("levels of \(length) bytes run past the page end", offset: start)
            }
            try Self.appendRLE(UnsafeRawBufferPointer(rebasing: rest[4..<(4 + length)]), count: count, max: max,
                               into: &levels)
            return 4 + length
        case .bitPacked:
            let bitWidth = BitPacking.bitWidth(of: UInt64(max))
            let length = (count * bitWidth + 7) / 8
            guard length <= rest.count else { throw .corruptPage("BIT_PACKED levels run past the page end", offset: start) }
            // The deprecated BIT_PACKED encoding packs from the most significant bit.
            for index in 0..<count {
                var value = 0
                for bit in 0..<bitWidth {
                    let position = index * bitWidth + bit
                    value = value << 1 | Int(rest[position >> 3] >> UInt8(7 - position & 7)) & 1
                }
                levels.append(Int16(truncatingIfNeeded: value))
            }
            return length
        default:
            throw .unsupported("level encoding \(encoding)")
        }
    }

    private static func appendRLE(_ data: UnsafeRawBufferPointer, count: Int, max: Int, into levels: inout [Int16])
        throws(ParquetError)
    {
        var decoder = try RLEHybridDecoder(data, bitWidth: BitPacking.bitWidth(of: UInt64(max)))
        let start = levels.count
        levels.append(contentsOf: repeatElement(0, count: count))
        let decoded = try levels.withParquetElements { (buffer: UnsafeMutableBufferPointer<Int16>) throws(ParquetError) -> Int in
            try decoder.decode(into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
        guard decoded == count else { throw .corruptPage("levels hold \(decoded) of \(count) entries") }
        for index in start..<levels.count where levels[index] > max {
            throw .corruptPage("level \(levels[index]) exceeds the column's maximum \(max)")
        }
    }

    // MARK: Values

    private func readValues(_ data: UnsafeRawBufferPointer, count: Int, encoding: Encoding,
                            into values: ValueAccumulator) throws(ParquetError)
    {
        switch encoding {
        case .plain:
            try PlainDecoder.decode(data, count: count, into: values)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw .corruptPage("dictionary-encoded page without a dictionary page") }
            try DictionaryDecoder.decode(data, count: count, dictionary: dictionary, into: values)
        case .rle where column.physicalType == .boolean:
            let (decoder, _) = try RLEHybridDecoder.lengthPrefixed(data, bitWidth: 1)
            var rle = decoder
            var bits = [UInt8](repeating: 0, count: count)
            let decoded = try bits.withParquetElements { (buffer: UnsafeMutableBufferPointer<UInt8>) throws(ParquetError) -> Int in
                try rle.decode(into: buffer)
            }
            guard decoded == count else { throw .corruptPage("RLE booleans hold \(decoded) of \(count) values") }
            for bit in bits { values.appendBoolean(bit != 0) }
        case .deltaBinaryPacked where column.physicalType == .int32 || column.physicalType == .int64:
            var decoder = try DeltaBinaryPackedDecoder(data)
            var scratch = [Int64](repeating: 0, count: count)
            let decoded = try scratch.withParquetElements { (buffer: UnsafeMutableBufferPointer<Int64>) throws(ParquetError) -> Int in
                try decoder.decode(into: buffer)
            }
            guard decoded == count else { throw .corruptPage("DELTA_BINARY_PACKED holds \(decoded) of \(count) values") }
            if column.physicalType == .int32 {
                for value in scratch { values.fixed.append(Int32(truncatingIfNeeded: value)) }
            } else {
                scratch.withUnsafeBytes { values.fixed.append(contentsOf: $0) }
            }
            values.didAppend(count)
        case .deltaLengthByteArray where column.physicalType == .byteArray:
            try DeltaByteArrayDecoder.decodeLengths(data, count: count, into: values.bytes)
            values.didAppend(count)
        case .deltaByteArray where column.physicalType == .byteArray:
            try DeltaByteArrayDecoder.decodeIncremental(data, count: count, into: values.bytes)
            values.didAppend(count)
        case .byteStreamSplit where values.width > 0:
            let width = values.width
            guard count <= data.count / width else {
                throw .corruptPage("BYTE_STREAM_SPLIT of \(count) values needs \(count * width) bytes, has \(data.count)")
            }
            try values.fixed.append(uninitialized: count * width) { (output: UnsafeMutableRawBufferPointer) throws(ParquetError) -> Int in
                guard let base = output.baseAddress else { return 0 }
                try ByteStreamSplit.decode(data, width: width, count: count, into: base)
                return count * width
            }
            values.didAppend(count)
        default:
            throw .unsupported("encoding \(encoding) for \(column.physicalType) values")
        }
    }
}

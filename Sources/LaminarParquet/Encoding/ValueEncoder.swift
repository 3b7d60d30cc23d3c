import LaminarArrow

/// Encodes a page's values with a non-dictionary encoding chosen by the writer's options.
enum ValueEncoder {
    static func encode(_ values: PhysicalValues, as encoding: Encoding, column: ColumnDescriptor,
                       into body: inout [UInt8]) throws(ParquetError) -> Encoding
    {
        switch (encoding, values) {
        case (.rle, .boolean(let array)):
            var encoder = RLEHybridEncoder(bitWidth: 1)
            for index in 0..<array.count { encoder.append(array.value(at: index) ? 1 : 0) }
            let encoded = encoder.finish()
            withUnsafeBytes(of: UInt32(encoded.count).littleEndian) { body.append(contentsOf: $0) }
            body.append(contentsOf: encoded)
        case (.deltaBinaryPacked, .int32(let array)):
            var encoder = DeltaBinaryPackedEncoder(bitWidth: 32)
            array.withUnsafeValues { for value in $0 { encoder.append(Int64(value)) } }
            body.append(contentsOf: encoder.finish())
        case (.deltaBinaryPacked, .int64(let array)):
            var encoder = DeltaBinaryPackedEncoder(bitWidth: 64)
            array.withUnsafeValues { for value in $0 { encoder.append(value) } }
            body.append(contentsOf: encoder.finish())
        case (.deltaLengthByteArray, .byteArray(let array)):
            body.append(contentsOf: DeltaByteArrayEncoder.encodeLengths(try byteArrayValues(array)))
        case (.deltaByteArray, .byteArray(let array)):
            body.append(contentsOf: DeltaByteArrayEncoder.encodeIncremental(try byteArrayValues(array)))
        case (.byteStreamSplit, .boolean), (.byteStreamSplit, .byteArray):
            throw .invalidArgument("BYTE_STREAM_SPLIT cannot encode \(column.physicalType) column \(column.dottedPath)")
        case (.byteStreamSplit, _):
            var plain: [UInt8] = []
            PlainEncoder.encode(values, into: &plain)
            let width = values.count == 0 ? 1 : plain.count / values.count
            plain.withUnsafeBytes { body.append(contentsOf: ByteStreamSplit.encode($0, width: width)) }
        case (.plain, _):
            PlainEncoder.encode(values, into: &body)
        default:
            throw .invalidArgument("encoding \(encoding) cannot encode \(column.physicalType) column \(column.dottedPath)")
        }
        return encoding
    }

    private static func byteArrayValues(_ array: BinaryArray) throws(ParquetError) -> ByteArrayValues {
        let values = ByteArrayValues(capacity: array.count)
        for index in 0..<array.count {
            var failure: ParquetError?
            array.withBytes(at: index) { bytes in
                do throws(ParquetError) { try values.append(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        return values
    }
}

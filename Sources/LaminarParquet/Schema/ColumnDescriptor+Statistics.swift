import LaminarArrow

extension ColumnDescriptor {
    /// The Arrow type this leaf reads as, from its logical, converted and physical types.
    public var arrowType: DataType? { try? LaminarParquet.arrowType(of: element) }

    /// One statistics bound, stored PLAIN-encoded without a length prefix, as a scalar of the leaf's Arrow type
    /// (dates, decimals, unsigned integers, INT96 and float16 interpreted as the reader interprets values).
    /// Nil when the bytes do not have the physical type's width, so a malformed bound is never trusted.
    public func statisticValue(_ bytes: [UInt8]) -> ScalarValue? {
        guard let type = arrowType else { return nil }
        let accumulator = ValueAccumulator(column: self, capacity: 1)
        let decoded: Bool = bytes.withUnsafeBytes { raw in
            switch physicalType {
            case .byteArray: return (try? accumulator.appendBytes(raw)) != nil
            case .boolean: return raw.count == 1 && (try? PlainDecoder.decode(raw, count: 1, into: accumulator)) != nil
            default:
                return raw.count == accumulator.width
                    && (try? PlainDecoder.decode(raw, count: 1, into: accumulator)) != nil
            }
        }
        guard decoded, let array = try? accumulator.finish().arrow(as: type, column: self), array.count == 1 else {
            return nil
        }
        return array.scalar(at: 0)
    }
}

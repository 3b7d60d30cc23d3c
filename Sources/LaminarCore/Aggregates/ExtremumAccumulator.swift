import LaminarArrow

/// `MIN`/`MAX`, typed for fixed-width values and strings, with SQL ordering (NaN above every number).
func makeExtremumAccumulator(type: DataType, wantsMaximum: Bool) -> any GroupAccumulator {
    switch type {
    case .int8: PrimitiveExtremum<Int8>(type, wantsMaximum)
    case .int16: PrimitiveExtremum<Int16>(type, wantsMaximum)
    case .int32, .date32: PrimitiveExtremum<Int32>(type, wantsMaximum)
    case .int64, .timestamp, .time64: PrimitiveExtremum<Int64>(type, wantsMaximum)
    case .uint8: PrimitiveExtremum<UInt8>(type, wantsMaximum)
    case .uint16: PrimitiveExtremum<UInt16>(type, wantsMaximum)
    case .uint32: PrimitiveExtremum<UInt32>(type, wantsMaximum)
    case .uint64: PrimitiveExtremum<UInt64>(type, wantsMaximum)
    case .float32: PrimitiveExtremum<Float>(type, wantsMaximum)
    case .float64: PrimitiveExtremum<Double>(type, wantsMaximum)
    case .decimal128: PrimitiveExtremum<Int128>(type, wantsMaximum)
    default: ScalarExtremum(type, wantsMaximum)
    }
}

final class PrimitiveExtremum<T: ArrowNativeType>: GroupAccumulator {
    let type: DataType
    let wantsMaximum: Bool
    @exclusivity(unchecked) var best: [T] = []
    @exclusivity(unchecked) var seen: [Bool] = []

    init(_ type: DataType, _ wantsMaximum: Bool) {
        self.type = type
        self.wantsMaximum = wantsMaximum
    }

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if best.count < groupCount {
            best.append(contentsOf: repeatElement(T.zero, count: groupCount - best.count))
            seen.append(contentsOf: repeatElement(false, count: groupCount - seen.count))
        }
        guard let values else { return }
        guard let typed = values as? PrimitiveArray<T> else {
            throw .execution("min/max over \(values.dataType) where \(type) was planned")
        }
        let sign = wantsMaximum ? 1 : -1
        for (row, group) in groups.enumerated() where typed.isValid(row) {
            let slot = Int(group)
            let value = typed.value(at: row)
            if !seen[slot] || T.sqlCompare(value, best[slot]) * sign > 0 {
                best[slot] = value
                seen[slot] = true
            }
        }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        let builder = PrimitiveBuilder<T>(type: type, capacity: groups.count)
        for group in groups { builder.append(seen[group] ? best[group] : nil) }
        return builder.finishTyped()
    }
}

/// Strings, booleans and other types, ordered by `Compute.order`.
final class ScalarExtremum: GroupAccumulator {
    let type: DataType
    let wantsMaximum: Bool
    @exclusivity(unchecked) var best: [ScalarValue] = []

    init(_ type: DataType, _ wantsMaximum: Bool) {
        self.type = type
        self.wantsMaximum = wantsMaximum
    }

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if best.count < groupCount { best.append(contentsOf: repeatElement(.null, count: groupCount - best.count)) }
        guard let values else { return }
        let sign = wantsMaximum ? 1 : -1
        for (row, group) in groups.enumerated() where values.isValid(row) {
            let slot = Int(group)
            let value = values.scalar(at: row)
            if best[slot].isNull || (Compute.order(value, best[slot]) ?? 0) * sign > 0 { best[slot] = value }
        }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        do {
            return try makeArray(type: type, scalars: groups.map { best[$0] })
        } catch {
            throw .arrow(error)
        }
    }
}

/// Casts whose target is a date, time or timestamp.
extension Compute {
    static func castToTemporal(_ array: any ArrowArray, to target: DataType, options: CastOptions)
        throws(ArrowError) -> any ArrowArray
    {
        let convert = try temporalConverter(array, to: target)
        if case .date32 = target {
            return try castEach(array, to: target, options: options) { row in convert(row).flatMap { Int32(exactly: $0) } }
        }
        return try castEach(array, to: target, options: options) { row in convert(row) }
    }

    /// Element `row` of `array` converted to the target's ticks (days for dates), nil when impossible.
    private static func temporalConverter(_ array: any ArrowArray, to target: DataType) throws(ArrowError)
        -> (Int) -> Int64?
    {
        let source = array.dataType
        if let strings = array as? StringArray {
            return stringParser(strings, to: target)
        }
        guard let read = numberReader(array) ?? temporalReader(array) else {
            throw .unsupported("cast from \(source) to \(target)")
        }
        let ticks: (Int) -> Int64? = { row in
            switch read(row) {
            case .signed(let v): v
            case .unsigned(let v): Int64(exactly: v)
            default: nil
            }
        }
        switch (source, target) {
        case (_, _) where source.isInteger:
            return ticks
        case (.date32, .timestamp(let unit, _)):
            return { row in ticks(row).flatMap { rescale($0, by: Temporal.secondsPerDay * unit.ticksPerSecond) } }
        case (.timestamp(let unit, _), .date32):
            return { row in ticks(row).map { Temporal.floorDivide($0, Temporal.secondsPerDay * unit.ticksPerSecond).quotient } }
        case (.timestamp(let from, _), .timestamp(let to, _)), (.time64(let from), .time64(let to)):
            return { row in ticks(row).flatMap { convertUnit($0, from: from, to: to) } }
        case (.timestamp(let from, _), .time64(let to)):
            let perDay = Temporal.secondsPerDay * from.ticksPerSecond
            return { row in
                ticks(row).flatMap { convertUnit(Temporal.floorDivide($0, perDay).remainder, from: from, to: to) }
            }
        default:
            throw .unsupported("cast from \(source) to \(target)")
        }
    }

    /// Temporal arrays read as their integer ticks.
    private static func temporalReader(_ array: any ArrowArray) -> ((Int) -> NumberValue)? {
        switch array {
        case let a as Int32Array: { .signed(Int64(a.value(at: $0))) }
        case let a as Int64Array: { .signed(a.value(at: $0)) }
        default: nil
        }
    }

    private static func stringParser(_ strings: StringArray, to target: DataType) -> (Int) -> Int64? {
        switch target {
        case .date32:
            return { row in
                let text = strings.value(at: row)
                if let days = Temporal.parseDate(text) { return Int64(days) }
                // A timestamp literal casts to its date, as in Spark and DuckDB.
                return Temporal.parseTimestamp(text, unit: .second).map {
                    Temporal.floorDivide($0.ticks, Temporal.secondsPerDay).quotient
                }
            }
        case .time64(let unit):
            return { row in Temporal.parseTime(strings.value(at: row), unit: unit) }
        case .timestamp(let unit, _):
            return { row in Temporal.parseTimestamp(strings.value(at: row), unit: unit)?.ticks }
        default:
            return { _ in nil }
        }
    }

    private static func rescale(_ value: Int64, by factor: Int64) -> Int64? {
        let (result, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : result
    }

    /// Converts ticks between units: exact when finer, floor when coarser (so instants before 1970 round down).
    static func convertUnit(_ value: Int64, from: TimeUnit, to: TimeUnit) -> Int64? {
        if from.ticksPerSecond <= to.ticksPerSecond {
            return rescale(value, by: to.ticksPerSecond / from.ticksPerSecond)
        }
        return Temporal.floorDivide(value, from.ticksPerSecond / to.ticksPerSecond).quotient
    }
}

import Foundation
import LaminarArrow
import LaminarSQL

/// `date_trunc`, `date_part`/`extract` and its shorthands (`year(ts)`, ...), `epoch_ms`, `to_timestamp`,
/// `now`/`current_timestamp`, all in UTC.
enum TemporalFunctions {
    static var all: [ScalarFunction] {
        var functions = [dateTrunc(), datePart(), epochMilliseconds(), toTimestamp(), now("now"), now("current_timestamp")]
        for field in [DateTimeField.year, .quarter, .month, .week, .day, .hour, .minute, .second] {
            functions.append(shorthand(field))
        }
        functions.append(shorthand(.dayOfWeek, name: "dayofweek"))
        functions.append(shorthand(.dayOfYear, name: "dayofyear"))
        return functions
    }

    /// Accepts dates and timestamps as they are; strings are read as timestamps.
    static func temporalArgument(_ type: DataType) -> DataType? {
        switch type {
        case .date32, .timestamp: return type
        case .utf8, .null: return .timestamp(.microsecond, timeZone: nil)
        default: return nil
        }
    }

    /// The value of `field` for one date (`unit == nil`, value in days) or timestamp.
    static func extract(_ field: DateTimeField, _ value: Int64, unit: TimeUnit?) -> ScalarValue {
        let time = unit.map { CivilTime(ticks: value, unit: $0) } ?? CivilTime(days: value)
        let perSecond = time.unit.ticksPerSecond
        switch field {
        case .year: return .int64(time.year)
        case .quarter: return .int64((time.month - 1) / 3 + 1)
        case .month: return .int64(time.month)
        case .week: return .int64(time.isoWeek)
        case .day: return .int64(time.day)
        case .hour: return .int64(time.hour)
        case .minute: return .int64(time.minute)
        case .second: return .int64(time.second)
        case .millisecond: return .int64(time.second * 1000 + time.fraction * 1000 / perSecond)
        case .microsecond: return .int64(time.second * 1_000_000 + time.fraction * 1_000_000 / perSecond)
        case .nanosecond: return .int64(time.second * 1_000_000_000 + time.fraction * (1_000_000_000 / perSecond))
        case .dayOfWeek: return .int64(time.dayOfWeek)
        case .dayOfYear: return .int64(time.dayOfYear)
        case .epoch:
            guard let unit else { return .float64(Double(value) * Double(Temporal.secondsPerDay)) }
            return .float64(Double(value) / Double(unit.ticksPerSecond))
        }
    }

    static func extractResultType(_ field: DateTimeField) -> DataType { field == .epoch ? .float64 : .int64 }

    /// `extract(field FROM x)` over a column of dates or timestamps.
    static func extract(_ field: DateTimeField, _ array: any ArrowArray) throws(EngineError) -> any ArrowArray {
        let unit: TimeUnit?
        switch array.dataType {
        case .date32: unit = nil
        case .timestamp(let u, _): unit = u
        default: throw .execution("cannot extract \(field.sql) from \(array.dataType)")
        }
        let builder = makeBuilder(for: extractResultType(field), capacity: array.count)
        let raw = try rawValues(array)
        for row in 0..<array.count {
            do {
                if let value = raw(row) { try builder.append(extract(field, value, unit: unit)) } else { builder.appendNull() }
            } catch {
                throw .arrow(error)
            }
        }
        return builder.finish()
    }

    /// Reads dates (days) and timestamps (ticks) as Int64, nil for null.
    static func rawValues(_ array: any ArrowArray) throws(EngineError) -> (Int) -> Int64? {
        switch array {
        case let dates as Int32Array: return { dates.isValid($0) ? Int64(dates.value(at: $0)) : nil }
        case let ticks as Int64Array: return { ticks.isValid($0) ? ticks.value(at: $0) : nil }
        default: throw .execution("expected a date or timestamp, found \(array.dataType)")
        }
    }

    private static func fieldArgument(_ value: ColumnarValue, function: String) throws(EngineError) -> DateTimeField {
        guard case .scalar(.utf8(let text)) = value, let field = DateTimeField(name: text) else {
            throw .execution("\(function) needs a constant part name such as 'day' or 'month'")
        }
        return field
    }

    private static func datePart() -> ScalarFunction {
        ScalarFunction("date_part", arity: 2...2, resolve: { types in
            guard let temporal = temporalArgument(types[1]) else { return nil }
            return ([.utf8, temporal], .int64)
        }) { args, rows, _ throws(EngineError) in
            let field = try fieldArgument(args[0], function: "date_part")
            return try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                try extract(field, try args[1].array(count: n, type: .timestamp(.microsecond, timeZone: nil)))
            }
        }
    }

    private static func shorthand(_ field: DateTimeField, name: String? = nil) -> ScalarFunction {
        ScalarFunction(name ?? field.rawValue, arity: 1...1, resolve: { types in
            guard let temporal = temporalArgument(types[0]) else { return nil }
            return ([temporal], .int64)
        }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                try extract(field, try args[0].array(count: n, type: .timestamp(.microsecond, timeZone: nil)))
            }
        }
    }

    /// `date_trunc(part, x)`: the start of the year, quarter, month, ISO week, day, hour, minute or second.
    private static func dateTrunc() -> ScalarFunction {
        ScalarFunction("date_trunc", arity: 2...2, resolve: { types in
            guard let temporal = temporalArgument(types[1]) else { return nil }
            return ([.utf8, temporal], temporal)
        }) { args, rows, types throws(EngineError) in
            let field = try fieldArgument(args[0], function: "date_trunc")
            return try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) -> any ArrowArray in
                let input = try args[1].array(count: n, type: types[1])
                let raw = try rawValues(input)
                let unit: TimeUnit? = if case .timestamp(let u, _) = input.dataType { u } else { nil }
                let builder = makeBuilder(for: input.dataType, capacity: n)
                for row in 0..<n {
                    guard let value = raw(row) else { builder.appendNull(); continue }
                    let truncated = try truncate(value, unit: unit, to: field)
                    let scalar: ScalarValue = if let unit {
                        .timestamp(truncated, unit, timeZone: timeZone(input.dataType))
                    } else {
                        .date32(Int32(truncatingIfNeeded: truncated))
                    }
                    do throws(ArrowError) {
                        try builder.append(scalar)
                    } catch {
                        throw .arrow(error)
                    }
                }
                return builder.finish()
            }
        }
    }

    private static func timeZone(_ type: DataType) -> String? {
        if case .timestamp(_, let zone) = type { return zone }
        return nil
    }

    static func truncate(_ value: Int64, unit: TimeUnit?, to field: DateTimeField) throws(EngineError) -> Int64 {
        let time = unit.map { CivilTime(ticks: value, unit: $0) } ?? CivilTime(days: value)
        let perSecond = time.unit.ticksPerSecond
        let days: Int64
        var timeOfDay: Int64 = 0
        switch field {
        case .year: days = Temporal.daysFromCivil(year: time.year, month: 1, day: 1)
        case .quarter: days = Temporal.daysFromCivil(year: time.year, month: (time.month - 1) / 3 * 3 + 1, day: 1)
        case .month: days = Temporal.daysFromCivil(year: time.year, month: time.month, day: 1)
        case .week: days = time.days - (time.dayOfWeek + 6) % 7
        case .day: days = time.days
        case .hour:
            days = time.days
            timeOfDay = time.hour * 3600 * perSecond
        case .minute:
            days = time.days
            timeOfDay = time.timeOfDay - time.timeOfDay % (60 * perSecond)
        case .second:
            days = time.days
            timeOfDay = time.timeOfDay - time.fraction
        case .millisecond, .microsecond, .nanosecond:
            let step = max(1, perSecond / (field == .millisecond ? 1000 : field == .microsecond ? 1_000_000 : 1_000_000_000))
            days = time.days
            timeOfDay = time.timeOfDay - time.timeOfDay % step
        case .dayOfWeek, .dayOfYear, .epoch:
            throw .execution("date_trunc does not accept '\(field.rawValue)'")
        }
        return unit == nil ? days : time.ticks(days: days, timeOfDay: timeOfDay)
    }

    private static func epochMilliseconds() -> ScalarFunction {
        ScalarFunction("epoch_ms", arity: 1...1, resolve: { _ in ([.int64], .timestamp(.millisecond, timeZone: nil)) }) {
            args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let ints = try FunctionLoops.int64s(args[0], rows: n)
                return Int64Array(dataType: .timestamp(.millisecond, timeZone: nil), values: ints.valueBuffer,
                                  offset: ints.offset, count: ints.count, validity: ints.validity)
            }
        }
    }

    /// `to_timestamp(seconds)`: seconds since the epoch (fractions kept to the microsecond) as a UTC timestamp.
    private static func toTimestamp() -> ScalarFunction {
        let type = DataType.timestamp(.microsecond, timeZone: "UTC")
        return ScalarFunction("to_timestamp", arity: 1...1, resolve: { _ in ([.float64], type) }) {
            args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let seconds = try FunctionLoops.doubles(args[0], rows: n)
                let builder = PrimitiveBuilder<Int64>(type: type, capacity: n)
                for row in 0..<n {
                    guard seconds.isValid(row) else { builder.appendNull(); continue }
                    let micros = (seconds.value(at: row) * 1_000_000).rounded()
                    guard let exact = Int64(exactly: micros) else {
                        throw .execution("to_timestamp(\(seconds.value(at: row))) is out of range")
                    }
                    builder.append(exact)
                }
                return builder.finishTyped()
            }
        }
    }

    private static func now(_ name: String) -> ScalarFunction {
        let type = DataType.timestamp(.microsecond, timeZone: "UTC")
        return ScalarFunction(name, arity: 0...0, resolve: { _ in ([], type) }) { _, _, _ throws(EngineError) in
            let micros = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
            return .scalar(.timestamp(micros, .microsecond, timeZone: "UTC"))
        }
    }
}

extension DateTimeField {
    /// Parses a part name as `date_trunc`/`date_part` take it: `'day'`, `'days'`, `'dow'`.
    init?(name: String) {
        let lowered = name.lowercased()
        if let field = DateTimeField(rawValue: lowered) {
            self = field
            return
        }
        let singular = lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered
        guard let field = DateTimeField(rawValue: singular) else { return nil }
        self = field
    }
}

import LaminarArrow

/// The aggregate functions of `SELECT ... GROUP BY`, with DuckDB's result types (except that integer sums
/// are `BIGINT`, failing on overflow, where DuckDB widens to `HUGEINT`).
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count
    case sum
    case min
    case max
    case avg
    case countDistinct = "count_distinct"

    /// The type the argument is cast to before accumulating, so each accumulator handles one type.
    func inputType(for argument: DataType) -> DataType? {
        switch self {
        case .count, .countDistinct, .min, .max: return argument
        case .sum:
            if argument.isInteger || argument == .boolean { return .int64 }
            if argument.isFloatingPoint { return .float64 }
            if case .decimal128(_, let scale) = argument { return .decimal128(precision: 38, scale: scale) }
            return nil
        case .avg:
            return argument.isNumeric ? .float64 : nil
        }
    }

    func resultType(for input: DataType?) -> DataType {
        switch self {
        case .count, .countDistinct: return .int64
        case .avg: return .float64
        case .sum, .min, .max: return input ?? .null
        }
    }
}

/// One aggregate of a query: the function, its bound argument (nil for `COUNT(*)`) and its output name.
public struct AggregateCall: Sendable, CustomStringConvertible {
    public let function: AggregateFunction
    public let argument: (any PhysicalExpression)?
    public let name: String

    public init(_ function: AggregateFunction, argument: (any PhysicalExpression)?, name: String) {
        self.function = function
        self.argument = argument
        self.name = name
    }

    public var resultType: DataType { function.resultType(for: argument?.dataType) }

    public var description: String {
        switch function {
        case .countDistinct: "count(DISTINCT \(argument?.description ?? ""))"
        default: "\(function.rawValue)(\(argument?.description ?? "*"))"
        }
    }

    func makeAccumulator() throws(EngineError) -> any GroupAccumulator {
        switch function {
        case .count: return CountAccumulator(countsNulls: argument == nil)
        case .countDistinct: return DistinctCountAccumulator(type: argument?.dataType ?? .null)
        case .avg: return AverageAccumulator()
        case .sum:
            switch argument?.dataType {
            case .int64: return SumAccumulator<Int64>(type: .int64)
            case .float64: return SumAccumulator<Double>(type: .float64)
            case .decimal128(let p, let s): return SumAccumulator<Int128>(type: .decimal128(precision: p, scale: s))
            default: throw .unsupported("sum of \(argument?.dataType.description ?? "nothing")")
            }
        case .min, .max:
            guard let type = argument?.dataType else { throw .unsupported("\(function.rawValue)(*)") }
            return makeExtremumAccumulator(type: type, wantsMaximum: function == .max)
        }
    }
}

import LaminarArrow

/// `CAST(x AS type)`; with `TRY_CAST` a value that does not convert becomes null instead of failing the query.
public struct CastExpression: PhysicalExpression {
    public let operand: any PhysicalExpression
    public let dataType: DataType
    public let options: CastOptions

    public init(_ operand: any PhysicalExpression, to type: DataType, options: CastOptions = .default) {
        self.operand = operand
        self.dataType = type
        self.options = options
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        switch try operand.evaluate(batch) {
        case .array(let array):
            let input = dataType.isInteger ? try CastExpression.roundedIfFloating(array) : array
            return .array(try kernel(self) { () throws(ArrowError) in
                try Compute.cast(input, to: dataType, options: options)
            })
        case .scalar(let scalar):
            return .scalar(try CastExpression.cast(scalar, from: operand.dataType, to: dataType, options: options,
                                                   expression: self))
        }
    }

    /// Casts one value through the array kernel, so scalars follow exactly the column rules.
    static func cast(_ scalar: ScalarValue, from source: DataType, to target: DataType, options: CastOptions = .default,
                     expression: any PhysicalExpression) throws(EngineError) -> ScalarValue {
        if scalar.isNull { return .null }
        var one = try ColumnarValue.broadcast(scalar, type: source, count: 1)
        if target.isInteger { one = try roundedIfFloating(one) }
        return try kernel(expression) { () throws(ArrowError) in
            try Compute.cast(one, to: target, options: options).scalar(at: 0)
        }
    }

    /// SQL casts from floating point to integers round to the nearest integer, halves to even, as DuckDB
    /// and PostgreSQL do; the Arrow kernel truncates, so the values are rounded first.
    static func roundedIfFloating(_ array: any ArrowArray) throws(EngineError) -> any ArrowArray {
        switch array {
        case let doubles as Float64Array:
            return Float64Array(doubles.values.map { $0?.rounded(.toNearestOrEven) })
        case let floats as Float32Array:
            return Float32Array(floats.values.map { $0?.rounded(.toNearestOrEven) })
        default:
            return array
        }
    }

    public var description: String {
        "\(options.safe ? "CAST" : "TRY_CAST")(\(operand) AS \(dataType))"
    }
}

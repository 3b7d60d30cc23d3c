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
            return .array(try kernel(self) { () throws(ArrowError) in
                try Compute.cast(array, to: dataType, options: options)
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
        let one = try ColumnarValue.broadcast(scalar, type: source, count: 1)
        return try kernel(expression) { () throws(ArrowError) in
            try Compute.cast(one, to: target, options: options).scalar(at: 0)
        }
    }

    public var description: String {
        "\(options.safe ? "CAST" : "TRY_CAST")(\(operand) AS \(dataType))"
    }
}

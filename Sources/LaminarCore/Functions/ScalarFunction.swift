import LaminarArrow

/// A built-in scalar function: how it types its arguments and how it computes a batch.
///
/// `resolve` sees the argument types and answers the types the arguments should be cast to plus the result
/// type, or nil when the function does not apply; the planner inserts those casts, so `body` can rely on
/// them and run typed loops.
public struct ScalarFunction: Sendable {
    public typealias Resolver = @Sendable ([DataType]) -> (arguments: [DataType], result: DataType)?
    public typealias Body = @Sendable (_ arguments: [ColumnarValue], _ rows: Int, _ types: [DataType])
        throws(EngineError) -> ColumnarValue

    public let name: String
    public let arity: ClosedRange<Int>
    public let resolve: Resolver
    public let body: Body

    public init(_ name: String, arity: ClosedRange<Int>, resolve: @escaping Resolver, body: @escaping Body) {
        self.name = name
        self.arity = arity
        self.resolve = resolve
        self.body = body
    }

    /// Every built-in function by lower-case name, aliases included.
    public static let builtins: [String: ScalarFunction] = {
        var table: [String: ScalarFunction] = [:]
        for function in StringFunctions.all + MathFunctions.all + TemporalFunctions.all {
            table[function.name] = function
        }
        return table
    }()
}

/// Loops shared by the function families: map every valid row of a typed column, keep nulls.
enum FunctionLoops {
    static func strings(_ value: ColumnarValue, rows: Int) throws(EngineError) -> StringArray {
        let array = try value.array(count: rows, type: .utf8)
        guard let strings = array as? StringArray else { throw .execution("expected a string, found \(array.dataType)") }
        return strings
    }

    static func doubles(_ value: ColumnarValue, rows: Int) throws(EngineError) -> Float64Array {
        let array = try value.array(count: rows, type: .float64)
        guard let doubles = array as? Float64Array else { throw .execution("expected a double, found \(array.dataType)") }
        return doubles
    }

    static func int64s(_ value: ColumnarValue, rows: Int) throws(EngineError) -> Int64Array {
        let array = try value.array(count: rows, type: .int64)
        guard let ints = array as? Int64Array else { throw .execution("expected a bigint, found \(array.dataType)") }
        return ints
    }

    static func mapStrings(_ input: StringArray, _ transform: (String) -> String?) -> StringArray {
        let builder = StringBuilder(capacity: input.count)
        for row in 0..<input.count {
            if input.isValid(row), let result = transform(input.value(at: row)) {
                builder.append(result)
            } else {
                builder.appendNull()
            }
        }
        return builder.finishTyped()
    }

    static func mapDoubles(_ input: Float64Array, _ transform: (Double) -> Double?) -> Float64Array {
        let builder = PrimitiveBuilder<Double>(capacity: input.count)
        for row in 0..<input.count {
            builder.append(input.isValid(row) ? transform(input.value(at: row)) : nil)
        }
        return builder.finishTyped()
    }

    /// Whether every argument is a scalar, so the function can compute one row and return a scalar.
    static func allScalar(_ arguments: [ColumnarValue]) -> Bool {
        arguments.allSatisfy { if case .scalar = $0 { true } else { false } }
    }

    /// Runs `body` over one row when every argument is constant, else over the whole batch.
    static func run(_ arguments: [ColumnarValue], rows: Int, _ body: (Int) throws(EngineError) -> any ArrowArray)
        throws(EngineError) -> ColumnarValue
    {
        if allScalar(arguments) { return .scalar(try body(1).scalar(at: 0)) }
        return .array(try body(rows))
    }
}

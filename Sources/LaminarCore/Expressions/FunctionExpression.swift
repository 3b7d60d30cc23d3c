import LaminarArrow
import LaminarSQL

/// A call of a built-in ``ScalarFunction`` whose arguments the planner has already cast.
public struct FunctionExpression: PhysicalExpression {
    public let function: ScalarFunction
    public let arguments: [any PhysicalExpression]
    public let dataType: DataType

    public init(_ function: ScalarFunction, arguments: [any PhysicalExpression], dataType: DataType) {
        self.function = function
        self.arguments = arguments
        self.dataType = dataType
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        var values: [ColumnarValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.evaluate(batch)) }
        do {
            return try function.body(values, batch.rowCount, arguments.map(\.dataType))
        } catch {
            throw .execution("\(function.name): \(error.message)")
        }
    }

    public var description: String {
        "\(function.name)(" + arguments.map(\.description).joined(separator: ", ") + ")"
    }
}

/// `EXTRACT(field FROM x)`.
public struct ExtractExpression: PhysicalExpression {
    public let field: String
    let part: DateTimeField
    public let operand: any PhysicalExpression

    init(_ part: DateTimeField, _ operand: any PhysicalExpression) {
        self.part = part
        self.field = part.rawValue
        self.operand = operand
    }

    public var dataType: DataType { TemporalFunctions.extractResultType(part) }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        switch try operand.evaluate(batch) {
        case .array(let array): return .array(try TemporalFunctions.extract(part, array))
        case .scalar(let value):
            let one = try ColumnarValue.broadcast(value, type: operand.dataType, count: 1)
            return .scalar(try TemporalFunctions.extract(part, one).scalar(at: 0))
        }
    }

    public var description: String { "EXTRACT(\(field.uppercased()) FROM \(operand))" }
}

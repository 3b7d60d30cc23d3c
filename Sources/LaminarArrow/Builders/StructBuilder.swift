/// Builds a `StructArray`: append one value to every child, then call `appendRow()`.
public final class StructBuilder: ArrayBuilder {
    public let fields: [Field]
    public let children: [any ArrayBuilder]
    private var validity: BitmapBuilder

    public init(fields: [Field], capacity: Int = 0) {
        self.fields = fields
        children = fields.map { makeBuilder(for: $0.type, capacity: capacity) }
        validity = BitmapBuilder(capacity: capacity)
    }

    public var dataType: DataType { .struct(fields) }
    public var count: Int { validity.count }

    /// Ends a valid row whose child values have been appended.
    public func appendRow() { validity.append(true) }

    /// Appends a null row, with a null in every child to keep them aligned.
    public func appendNull() {
        for child in children { child.appendNull() }
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        switch scalar {
        case .null:
            appendNull()
        case .struct(let values, _) where values.count == children.count:
            for (child, value) in zip(children, values) { try child.append(value) }
            appendRow()
        default:
            throw mismatch(scalar, dataType)
        }
    }

    public func finishTyped() -> StructArray {
        let count = self.count
        return StructArray(
            fields: fields, children: children.map { $0.finish() }, count: count, validity: validity.finishValidity()
        )
    }

    public func finish() -> any ArrowArray { finishTyped() }
}

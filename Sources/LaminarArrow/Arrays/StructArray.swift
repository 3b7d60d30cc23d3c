/// Rows of named child columns; each child has the struct's length and is sliced with it.
public struct StructArray: ArrowArray {
    public let fields: [Field]
    public let children: [any ArrowArray]
    public let count: Int
    public let validity: ValidityBitmap
    public let nullCount: Int

    public init(fields: [Field], children: [any ArrowArray], count: Int? = nil, validity: ValidityBitmap = .allValid) {
        precondition(fields.count == children.count, "one child per field")
        for (field, child) in zip(fields, children) {
            precondition(field.type == child.dataType, "child \(field.name) is \(child.dataType), not \(field.type)")
        }
        let length = count ?? children.first?.count ?? 0
        precondition(children.allSatisfy { $0.count == length }, "children differ in length")
        self.fields = fields
        self.children = children
        self.count = length
        self.validity = validity
        self.nullCount = validity.nullCount(count: length)
    }

    public var dataType: DataType { .struct(fields) }

    public func child(named name: String) -> (any ArrowArray)? {
        fields.firstIndex { $0.name == name }.map { children[$0] }
    }

    public func slice(offset start: Int, count length: Int) -> StructArray {
        checkSlice(offset: start, count: length)
        return StructArray(
            fields: fields, children: children.map { $0.slice(offset: start, count: length) }, count: length,
            validity: validity.sliced(by: start)
        )
    }

    public func scalar(at index: Int) -> ScalarValue {
        isValid(index) ? .struct(children.map { $0.scalar(at: index) }, fields: fields) : .null
    }

    public func replacingValidity(_ validity: ValidityBitmap) -> Self {
        StructArray(fields: fields, children: children, count: count, validity: validity)
    }

    public func takeUnchecked(_ indices: UnsafeBufferPointer<Int>) -> StructArray {
        StructArray(
            fields: fields, children: children.map { $0.takeUnchecked(indices) }, count: indices.count,
            validity: takeValidity(validity, nullCount: nullCount, indices)
        )
    }

    public static func concatenateUnchecked(_ arrays: [StructArray]) -> StructArray {
        guard let first = arrays.first else { preconditionFailure("concatenate needs at least one array") }
        let children = first.fields.indices.map { column in concatenateSameType(arrays.map { $0.children[column] }) }
        return StructArray(
            fields: first.fields, children: children, count: arrays.reduce(0) { $0 + $1.count },
            validity: concatenateValidity(arrays)
        )
    }
}

/// Builds a `ListArray` (lists and maps): append an element's items to `values`, then call `appendElement()`.
public final class ListBuilder: ArrayBuilder {
    public let dataType: DataType
    /// Receives the items of the element being built.
    public let values: any ArrayBuilder
    private let offsets: MutableBuffer
    private var validity: BitmapBuilder

    public init(type: DataType, capacity: Int = 0) {
        let child: Field
        switch type {
        case .list(let item): child = item
        case .map(let entries, _): child = entries
        default: preconditionFailure("\(type) is not a list or map type")
        }
        dataType = type
        values = makeBuilder(for: child.type, capacity: capacity)
        offsets = MutableBuffer(capacity: (capacity + 1) * 4)
        validity = BitmapBuilder(capacity: capacity)
        offsets.append(Int32(0))
    }

    public var count: Int { validity.count }

    /// Ends the current element: the items appended to `values` since the previous element.
    public func appendElement() {
        offsets.append(Int32(truncatingIfNeeded: values.count))
        validity.append(true)
    }

    public func appendNull() {
        offsets.append(Int32(truncatingIfNeeded: values.count))
        validity.append(false)
    }

    public func append(_ scalar: ScalarValue) throws(ArrowError) {
        switch scalar {
        case .null:
            appendNull()
        case .list(let items, _) where !isMap:
            for item in items { try values.append(item) }
            appendElement()
        case .map(let keys, let mapValues, _) where isMap:
            guard let entries = values as? StructBuilder, entries.children.count == 2 else {
                throw mismatch(scalar, dataType)
            }
            for (key, value) in zip(keys, mapValues) {
                try entries.children[0].append(key)
                try entries.children[1].append(value)
                entries.appendRow()
            }
            appendElement()
        default:
            throw mismatch(scalar, dataType)
        }
    }

    private var isMap: Bool { dataType.mapKeyValue != nil }

    public func finishTyped() -> ListArray {
        let count = self.count
        let array = ListArray(
            dataType: dataType, offsets: offsets.freeze(), child: values.finish(), count: count,
            validity: validity.finishValidity()
        )
        offsets.append(Int32(0))
        return array
    }

    public func finish() -> any ArrowArray { finishTyped() }
}

import LaminarArrow

/// One `ORDER BY` key, bound.
public struct SortKey: Sendable, CustomStringConvertible {
    public let expression: any PhysicalExpression
    public let descending: Bool
    /// Nulls sort last unless asked otherwise, in both directions, as in DuckDB.
    public let nullsFirst: Bool

    public init(_ expression: any PhysicalExpression, descending: Bool = false, nullsFirst: Bool = false) {
        self.expression = expression
        self.descending = descending
        self.nullsFirst = nullsFirst
    }

    public var description: String {
        "\(expression)\(descending ? " DESC" : "")\(nullsFirst ? " NULLS FIRST" : "")"
    }
}

/// A typed three-way comparison of two rows of one column, ignoring nulls (the caller orders those).
func makeRowComparator(_ array: any ArrowArray) -> (Int, Int) -> Int {
    switch array {
    case let primitive as any PrimitiveArrayProtocol: return primitiveComparator(primitive)
    case let strings as StringArray:
        return { a, b in
            strings.withBytes(at: a) { left in strings.withBytes(at: b) { right in Compute.compareBytes(left, right) } }
        }
    case let booleans as BooleanArray:
        return { a, b in
            let (x, y) = (booleans.value(at: a), booleans.value(at: b))
            return x == y ? 0 : (x ? 1 : -1)
        }
    default:
        return { a, b in Compute.order(array.scalar(at: a), array.scalar(at: b)) ?? 0 }
    }
}

private func primitiveComparator<P: PrimitiveArrayProtocol>(_ array: P) -> (Int, Int) -> Int {
    let values = array.asPrimitive
    return { a, b in P.Native.sqlCompare(values.value(at: a), values.value(at: b)) }
}

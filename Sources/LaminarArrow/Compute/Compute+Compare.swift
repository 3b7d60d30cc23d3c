#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The six comparison operators of SQL.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether the operator holds for a three-way comparison result (-1, 0, 1).
    @inlinable
    public func holds(_ ordering: Int) -> Bool {
        switch self {
        case .equal: ordering == 0
        case .notEqual: ordering != 0
        case .less: ordering < 0
        case .lessOrEqual: ordering <= 0
        case .greater: ordering > 0
        case .greaterOrEqual: ordering >= 0
        }
    }
}

/// Element-wise comparison with SQL semantics: a null on either side gives null; floats order NaN last and
/// equal to itself; strings and binaries compare bytewise (code-point order for UTF-8).
extension Compute {
    public static func compare(_ lhs: any ArrowArray, _ op: ComparisonOperator, _ rhs: any ArrowArray)
        throws(ArrowError) -> BooleanArray
    {
        try checkLengths(lhs, rhs)
        return try compare(lhs, op, rhs, broadcastRight: false)
    }

    /// Compares every element with one scalar of the same type; a null scalar gives an all-null result.
    public static func compare(_ lhs: any ArrowArray, _ op: ComparisonOperator, _ rhs: ScalarValue)
        throws(ArrowError) -> BooleanArray
    {
        if rhs.isNull { return BooleanArray(Array(repeating: nil, count: lhs.count)) }
        let right = try makeArray(type: lhs.dataType, scalars: [rhs])
        return try compare(lhs, op, right, broadcastRight: true)
    }

    private static func compare(_ lhs: any ArrowArray, _ op: ComparisonOperator, _ rhs: any ArrowArray,
                                broadcastRight: Bool) throws(ArrowError) -> BooleanArray
    {
        guard lhs.dataType == rhs.dataType || (lhs.dataType.isTemporal && sameStorage(lhs, rhs)) else {
            throw .invalidArgument("cannot compare \(lhs.dataType) with \(rhs.dataType); cast one side first")
        }
        let validity = intersectValidity(lhs, rhs, broadcastRight: broadcastRight)
        let ordering = try orderingFunction(lhs, rhs)
        var bits = BitmapBuilder(capacity: lhs.count)
        if let lhs = lhs as? any PrimitiveArrayProtocol, let fast = comparePrimitive(lhs, op, rhs, broadcastRight) {
            return BooleanArray(values: fast, count: lhs.count, validity: validity)
        }
        for index in 0..<lhs.count {
            bits.append(validity.isValid(index) && op.holds(ordering(index, broadcastRight ? 0 : index)))
        }
        return BooleanArray(values: bits.finish(), count: lhs.count, validity: validity)
    }

    private static func sameStorage(_ lhs: any ArrowArray, _ rhs: any ArrowArray) -> Bool {
        switch (lhs.dataType, rhs.dataType) {
        case (.timestamp(let a, _), .timestamp(let b, _)): a == b
        default: false
        }
    }

    private static func comparePrimitive<P: PrimitiveArrayProtocol>(
        _ lhs: P, _ op: ComparisonOperator, _ rhs: any ArrowArray, _ broadcast: Bool
    ) -> Buffer? {
        guard let rhs = rhs as? PrimitiveArray<P.Native> else { return nil }
        var bits = BitmapBuilder(capacity: lhs.count)
        lhs.asPrimitive.withUnsafeValues { left in
            rhs.withUnsafeValues { right in
                if broadcast {
                    let value = right[0]
                    for item in left { bits.append(op.holds(P.Native.sqlCompare(item, value))) }
                } else {
                    for index in left.indices {
                        bits.append(op.holds(P.Native.sqlCompare(left[index], right[index])))
                    }
                }
            }
        }
        return bits.finish()
    }

    /// A three-way comparison of element `i` of `lhs` with element `j` of `rhs`, for non-primitive types.
    static func orderingFunction(_ lhs: any ArrowArray, _ rhs: any ArrowArray) throws(ArrowError)
        -> (Int, Int) -> Int
    {
        switch (lhs, rhs) {
        case (let l as BooleanArray, let r as BooleanArray):
            return { i, j in Bool.sqlCompare(l.value(at: i), r.value(at: j)) }
        case (let l as StringArray, let r as StringArray):
            return { i, j in l.withBytes(at: i) { a in r.withBytes(at: j) { b in compareBytes(a, b) } } }
        case (let l as BinaryArray, let r as BinaryArray):
            return { i, j in l.withBytes(at: i) { a in r.withBytes(at: j) { b in compareBytes(a, b) } } }
        case (let l as FixedSizeBinaryArray, let r as FixedSizeBinaryArray):
            return { i, j in l.withBytes(at: i) { a in r.withBytes(at: j) { b in compareBytes(a, b) } } }
        case (let l as any PrimitiveArrayProtocol, _):
            return primitiveOrdering(l, rhs)
        case (is NullArray, _):
            return { _, _ in 0 }
        default:
            // Nested values: equal when their scalars are; ordered by their printed form otherwise, which keeps
            // ORDER BY total without pretending to a collation the SQL standard does not define.
            return { i, j in
                let a = lhs.scalar(at: i)
                let b = rhs.scalar(at: j)
                return a == b ? 0 : (a.description < b.description ? -1 : 1)
            }
        }
    }

    private static func primitiveOrdering<P: PrimitiveArrayProtocol>(_ lhs: P, _ rhs: any ArrowArray)
        -> (Int, Int) -> Int
    {
        let left = lhs.asPrimitive
        guard let right = rhs as? PrimitiveArray<P.Native> else { return { _, _ in 0 } }
        return { i, j in P.Native.sqlCompare(left.value(at: i), right.value(at: j)) }
    }

    /// Lexicographic byte order, shorter first on a common prefix.
    @inlinable
    public static func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let result = memcmpBytes(pa, pb, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }
}

@usableFromInline
func memcmpBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int {
    Int(memcmp(a, b, count))
}

extension Bool {
    /// false < true, as in SQL.
    static func sqlCompare(_ a: Bool, _ b: Bool) -> Int { a == b ? 0 : (a ? 1 : -1) }
}

extension Compute {
    /// Three-way order of two non-null scalars of the same type, with the rules `compare` uses (SQL NaN order,
    /// unsigned bytes); nil when they differ in type or either is null.
    public static func order(_ lhs: ScalarValue, _ rhs: ScalarValue) -> Int? {
        guard !lhs.isNull, !rhs.isNull, lhs.dataType == rhs.dataType,
              let array = try? makeArray(type: lhs.dataType, scalars: [lhs, rhs]),
              let ordering = try? orderingFunction(array, array)
        else { return nil }
        return ordering(0, 1)
    }
}

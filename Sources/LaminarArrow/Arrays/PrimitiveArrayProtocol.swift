/// Lets kernels open an `any ArrowArray` as a `PrimitiveArray<T>` for some `T` and run one generic loop for all
/// fixed-width types: `if let p = array as? any PrimitiveArrayProtocol { kernel(p) }`.
public protocol PrimitiveArrayProtocol: ArrowArray {
    associatedtype Native: ArrowNativeType
    var asPrimitive: PrimitiveArray<Native> { get }
}

extension PrimitiveArray: PrimitiveArrayProtocol {
    public var asPrimitive: PrimitiveArray<T> { self }
}

/// SQL ordering of native values: integers as usual; floats with NaN equal to itself and above every number,
/// and -0.0 equal to 0.0, as Spark, DuckDB and PostgreSQL order them.
extension ArrowNativeType {
    @inlinable
    public static func sqlCompare(_ a: Self, _ b: Self) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}

@inlinable
func floatingSQLCompare<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> Int {
    if a.isNaN { return b.isNaN ? 0 : 1 }
    if b.isNaN { return -1 }
    return a < b ? -1 : (a == b ? 0 : 1)
}

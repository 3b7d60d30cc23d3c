/// Errors raised by the columnar core. Every case says what was expected, so callers can surface it unchanged.
public enum ArrowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two inputs that must agree (types, lengths, schemas) do not.
    case invalidArgument(String)
    /// A value does not fit the target type, e.g. `300` cast to `int8`.
    case overflow(String)
    /// Integer division or remainder by zero.
    case divideByZero(row: Int)
    /// A string could not be parsed as the requested type.
    case parse(row: Int, value: String, expected: String)
    /// The operation is not defined for these types.
    case unsupported(String)
    /// An index lies outside the array.
    case indexOutOfBounds(index: Int, count: Int)

    public var description: String {
        switch self {
        case .invalidArgument(let message): "invalid argument: \(message)"
        case .overflow(let message): "overflow: \(message)"
        case .divideByZero(let row): "division by zero at row \(row)"
        case .parse(let row, let value, let expected): "cannot parse '\(value)' at row \(row) as \(expected)"
        case .unsupported(let message): "unsupported: \(message)"
        case .indexOutOfBounds(let index, let count): "index \(index) out of bounds for array of \(count) elements"
        }
    }
}

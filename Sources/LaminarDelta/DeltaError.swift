/// A failure reading or writing a Delta table; the message names the file (and line) involved.
public struct DeltaError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A log file that does not parse, or actions that contradict each other.
        case corruptLog
        /// A schema, type or table feature this implementation cannot handle.
        case unsupported
        case invalidArgument
        /// The location holds no `_delta_log`, or not the version asked for.
        case notFound
        /// The stream's schema does not fit the table's.
        case schemaMismatch
        /// Another writer committed something this commit cannot be reconciled with.
        case conflict
        /// The storage failed.
        case io
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

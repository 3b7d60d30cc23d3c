/// A failure reading or writing a Delta table; the message names the file (and line) involved.
public struct DeltaError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A log file that does not parse, or actions that contradict each other.
        case corruptLog
        /// A schema or type this implementation cannot map.
        case unsupported
        case invalidArgument
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

import LaminarArrow

/// A failure while running a pipeline: evaluating expressions, reading a source or writing a sink.
///
/// Planning failures are `SQLError`s (they point into the statement); these carry the operator or
/// connector that failed so a user can tell which part of a running pipeline broke.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// An expression could not be evaluated: overflow, division by zero, a failed cast.
        case execution
        /// A source could not be read: a missing file, malformed input, a broken connection.
        case source
        /// A sink could not write or commit.
        case sink
        /// A feature the engine does not implement.
        case unsupported
        /// The pipeline was stopped before it finished.
        case cancelled
        /// A call that does not fit the current state, such as pushing to a dropped source.
        case invalidState
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func execution(_ message: String) -> EngineError { EngineError(.execution, message) }
    public static func unsupported(_ message: String) -> EngineError { EngineError(.unsupported, message) }

    /// Wraps a kernel failure so the message keeps the kernel's explanation.
    public static func arrow(_ error: ArrowError) -> EngineError { EngineError(.execution, "\(error)") }

    public var description: String { message }
}

/// How `Compute.cast` treats values that cannot be converted.
public struct CastOptions: Hashable, Sendable {
    /// When true (the default, SQL's `CAST`), a value that does not fit or does not parse is an error naming the
    /// row; when false (SQL's `TRY_CAST`), it becomes null.
    public var safe: Bool

    public init(safe: Bool = true) { self.safe = safe }

    public static let `default` = CastOptions()
    public static let nullOnFailure = CastOptions(safe: false)
}

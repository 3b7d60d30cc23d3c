/// `OPTIMIZE target [WITH (...)]` and `VACUUM target [RETAIN n HOURS] [DRY RUN] [WITH (...)]`: maintenance
/// of a lake table, named by the sink that writes it or by its location.
public struct TableMaintenance: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        /// A sink: its table and storage options are the sink's.
        case sink(Identifier)
        /// A table location (path or URL), given as a string.
        case location(String)
    }

    public var target: Target
    /// `RETAIN n HOURS` (VACUUM only).
    public var retainHours: Double?
    /// `DRY RUN` (VACUUM only).
    public var dryRun: Bool
    /// Options such as `target_file_size`, and storage options for a location.
    public var options: [WithOption]

    public init(target: Target, retainHours: Double? = nil, dryRun: Bool = false, options: [WithOption] = []) {
        self.target = target
        self.retainHours = retainHours
        self.dryRun = dryRun
        self.options = options
    }
}

/// One top-level SQL statement; a script is `[Statement]`.
public enum Statement: Sendable, Hashable {
    case createSource(CreateSource)
    case createSink(CreateSink)
    case createStream(CreateStream)
    case drop(DropStatement)
    /// `SHOW SOURCES|SINKS|STREAMS`
    case show(ObjectKind)
    /// `DESCRIBE name`
    case describe(Identifier)
    /// `EXPLAIN SELECT ...`
    case explain(Query)
    /// A bare ad-hoc query.
    case query(Query)
    /// `SET key = value`: a setting of the session, such as `checkpoint_interval`.
    case set(WithOption)
    /// `CHECKPOINT`: take a checkpoint of every running pipeline now.
    case checkpoint
    /// `OPTIMIZE target`: compact a lake table's small files.
    case optimize(TableMaintenance)
    /// `VACUUM target [RETAIN n HOURS] [DRY RUN]`: delete files no longer referenced.
    case vacuum(TableMaintenance)
}

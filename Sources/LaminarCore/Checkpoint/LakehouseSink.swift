import LaminarArrow

/// A sink that commits in two phases, driven by checkpoint barriers.
///
/// Between barriers it buffers or stages rows (`write`); at a barrier it flushes them into files and
/// describes them (`prepareCommit`), without making them visible; once the checkpoint holding that
/// description is durable, `finalizeCommit` makes them visible in one atomic step of the table format.
/// `finalizeCommit` must be idempotent: after a crash it runs again for a commit that may have landed.
public protocol LakehouseSink: AnyObject {
    /// Opens the sink for rows of `schema`. Called after recovery has finalized or aborted every prepared
    /// commit, so anything the writer staged and no checkpoint references is garbage it may delete.
    func initialize(schema: Schema) async throws(EngineError)
    func write(_ batch: RecordBatch) async throws(EngineError)
    /// Flushes what was written since the last barrier and describes it, invisible to readers.
    func prepareCommit(checkpointID: Int64) async throws(EngineError) -> PreparedCommit
    /// Makes a prepared commit visible; a no-op (reported in ``CommitInfo/alreadyCommitted``) when it landed.
    func finalizeCommit(_ commit: PreparedCommit) async throws(EngineError) -> CommitInfo
    /// Discards a prepared commit of a checkpoint that never completed, deleting its files only after
    /// checking that they did not land.
    func abort(_ commit: PreparedCommit) async throws(EngineError)
    /// Releases the writer; staged files stay for recovery to sort out.
    func close() async
}

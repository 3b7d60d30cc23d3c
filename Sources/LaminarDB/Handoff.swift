/// Carries a reader or sink from the actor, where it is opened, into the task that runs its pipeline.
///
/// Readers are opened before `CREATE SINK` or `subscribe` returns, so a push source has the query
/// attached before the caller's first `push`, and a sink that cannot be opened fails the statement; after
/// the handoff only the pipeline's task touches them, which is what makes the unchecked transfer sound.
struct Handoff<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}

/// Carries a reader from the actor, where it is opened, into the task that runs its pipeline.
///
/// Readers are opened before `CREATE SINK` or `subscribe` returns, so a push source has the query
/// attached before the caller's first `push`; after the handoff only the pipeline's task touches the
/// reader, which is what makes the unchecked transfer sound.
struct Handoff<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}

/// What an injected fault does to a call.
public enum FaultEffect: Sendable, Hashable {
    /// Waits before the call, as a slow network does.
    case latency(Duration)
    /// Throws `.unavailable` without making the call, as a throttled or failed request does.
    case unavailable
    /// Makes the call, then throws an error of this kind (`.unknownOutcome` or `.unavailable`) as if the answer
    /// were lost: the write took effect but the caller cannot know. Only calls that change the store are hit.
    case failAfterWrite(ObjectStoreError.Kind)
}

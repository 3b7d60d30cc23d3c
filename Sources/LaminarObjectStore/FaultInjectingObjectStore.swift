import Synchronization

/// Wraps a store and injects the faults of a plan, to test that callers survive slow and failing requests,
/// and above all requests whose answer was lost after the write took effect: a commit that retries such a
/// `putIfAbsent` blindly would see `.alreadyExists` and wrongly think it lost.
public final class FaultInjectingObjectStore: ObjectStore {
    public let inner: any ObjectStore

    private struct State {
        var random: SeededRandomNumberGenerator
        var rules: [FaultRule]
        /// Calls left for each `.nextCalls` rule, by the rule's index.
        var remaining: [Int]
        var counts: [StoreOperation: FaultCounts] = [:]

        init(seed: UInt64, rules: [FaultRule]) {
            random = SeededRandomNumberGenerator(seed: seed)
            self.rules = []
            remaining = []
            replaceRules(rules)
        }

        mutating func replaceRules(_ rules: [FaultRule]) {
            self.rules = rules
            remaining = rules.map { rule in
                guard case .nextCalls(let count) = rule.trigger else { return 0 }
                return count
            }
        }

        mutating func fires(_ index: Int) -> Bool {
            switch rules[index].trigger {
            case .probability(let chance):
                guard chance > 0 else { return false }
                guard chance < 1 else { return true }
                return Double.random(in: 0..<1, using: &random) < chance
            case .nextCalls:
                guard remaining[index] > 0 else { return false }
                remaining[index] -= 1
                return true
            }
        }
    }

    /// The faults decided for one call.
    private struct Decision {
        var latency = Duration.zero
        var failBefore = false
        var failAfter: ObjectStoreError.Kind?
    }

    private let state: Mutex<State>

    public init(wrapping inner: any ObjectStore, plan: FaultPlan = FaultPlan()) {
        self.inner = inner
        state = Mutex(State(seed: plan.seed, rules: plan.rules))
    }

    /// Replaces the rules, keeping the counts and the generator, to arm a fault in the middle of a test.
    public func setRules(_ rules: [FaultRule]) {
        state.withLock { $0.replaceRules(rules) }
    }

    /// Every fault injected so far.
    public var injectedFaults: FaultCounts {
        state.withLock { $0.counts.values.reduce(FaultCounts(), +) }
    }

    public func injectedFaults(for operation: StoreOperation) -> FaultCounts {
        state.withLock { $0.counts[operation] ?? FaultCounts() }
    }

    /// Evaluates the rules for one call: latency and failures before the call first, then failures after it,
    /// which cannot happen to a call that is never made. Once a failure is chosen, later failure rules are
    /// not consulted, so their "next calls" are not used up by a call they could not have hit.
    private func decide(_ operation: StoreOperation) -> Decision {
        state.withLock { state in
            var decision = Decision()
            var counts = FaultCounts()
            for index in state.rules.indices where state.rules[index].operations.contains(operation) {
                switch state.rules[index].effect {
                case .latency(let duration):
                    if state.fires(index) {
                        decision.latency += duration
                        counts.latency += 1
                    }
                case .unavailable:
                    if !decision.failBefore, state.fires(index) {
                        decision.failBefore = true
                        counts.unavailable += 1
                    }
                case .failAfterWrite:
                    continue
                }
            }
            if !decision.failBefore, operation.changesStore {
                for index in state.rules.indices where state.rules[index].operations.contains(operation) {
                    guard case .failAfterWrite(let kind) = state.rules[index].effect, state.fires(index) else { continue }
                    decision.failAfter = kind
                    counts.failedAfterWrite += 1
                    break
                }
            }
            state.counts[operation, default: FaultCounts()] = state.counts[operation, default: FaultCounts()] + counts
            return decision
        }
    }

    /// Runs `body` under the faults decided for `operation`. A cancelled latency wait ends early; the call
    /// itself then meets the cancellation.
    func perform<T>(_ operation: StoreOperation, path: String?, _ body: () async throws -> T) async throws -> T {
        let decision = decide(operation)
        if decision.latency > .zero { try? await Task.sleep(for: decision.latency) }
        if decision.failBefore {
            throw ObjectStoreError(.unavailable, path: path, detail: "injected fault: \(operation) failed before reaching the store")
        }
        let result = try await body()
        if let kind = decision.failAfter {
            throw ObjectStoreError(kind, path: path, detail: "injected fault: \(operation) took effect but its answer was lost")
        }
        return result
    }

    public func get(_ path: ObjectPath, range: ByteRange?) async throws -> [UInt8] {
        try await perform(.get, path: path.rawValue) { try await inner.get(path, range: range) }
    }

    public func head(_ path: ObjectPath) async throws -> ObjectMeta {
        try await perform(.head, path: path.rawValue) { try await inner.head(path) }
    }

    public func put(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try await perform(.put, path: path.rawValue) { try await inner.put(path, bytes) }
    }

    public func putIfAbsent(_ path: ObjectPath, _ bytes: [UInt8]) async throws {
        try await perform(.putIfAbsent, path: path.rawValue) { try await inner.putIfAbsent(path, bytes) }
    }

    /// Faults hit each page fetch, as a listing's requests fail one by one.
    public func list(prefix: ObjectPath?, delimiter: Bool) -> ObjectListing {
        let listing = inner.list(prefix: prefix, delimiter: delimiter)
        return ObjectListing { [self] token in
            try await perform(.list, path: prefix?.rawValue) { try await listing.page(after: token) }
        }
    }

    public func delete(_ path: ObjectPath) async throws {
        try await perform(.delete, path: path.rawValue) { try await inner.delete(path) }
    }

    public func delete(_ paths: [ObjectPath]) async throws {
        try await perform(.delete, path: nil) { try await inner.delete(paths) }
    }

    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        try await perform(.copy, path: destination.rawValue) { try await inner.copy(from: source, to: destination) }
    }

    public func upload(_ path: ObjectPath) async throws -> any MultipartUpload {
        let upload = try await perform(.createUpload, path: path.rawValue) { try await inner.upload(path) }
        return FaultInjectingUpload(inner: upload, store: self, path: path)
    }
}

import LaminarObjectStore
import Testing

@Suite struct FaultInjectingObjectStoreTests {
    @Test func passesEverythingThroughWithoutFaults() async throws {
        let store = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore(pageSize: 2))
        try await ObjectStoreConformance.run(store: store)
        #expect(store.injectedFaults == FaultCounts())
    }

    @Test func failsTheNextCallsBeforeTheyReachTheStore() async throws {
        let inner = try InMemoryObjectStore()
        let store = FaultInjectingObjectStore(
            wrapping: inner, plan: FaultPlan(rules: [FaultRule(.unavailable, on: [.put], trigger: .nextCalls(2))]))
        await expectError(.unavailable) { try await store.put("x", [1]) }
        await expectError(.unavailable) { try await store.put("x", [2]) }
        await expectError(.notFound, "nothing reached the store") { try await inner.head("x") }
        try await store.put("x", [3])
        #expect(try await store.get("x", range: nil) == [3], "other operations are untouched")
        #expect(store.injectedFaults(for: .put) == FaultCounts(unavailable: 2))
        #expect(store.injectedFaults(for: .get) == FaultCounts())
        #expect(store.injectedFaults.total == 2)
    }

    /// The commit hazard: the create happened but its answer was lost; retrying finds the caller's own file.
    @Test func failsAfterTheWriteTookEffect() async throws {
        let inner = try InMemoryObjectStore()
        let store = FaultInjectingObjectStore(wrapping: inner, plan: FaultPlan(rules: [
            FaultRule(.failAfterWrite(.unknownOutcome), on: [.putIfAbsent], trigger: .nextCalls(1)),
        ]))
        await expectError(.unknownOutcome) { try await store.putIfAbsent("log/1.json", Array("mine".utf8)) }
        #expect(try await inner.get("log/1.json", range: nil) == Array("mine".utf8))
        await expectError(.alreadyExists, "the retry meets the write that landed") {
            try await store.putIfAbsent("log/1.json", Array("mine".utf8))
        }
        #expect(store.injectedFaults == FaultCounts(failedAfterWrite: 1))
    }

    @Test func failAfterWriteSparesCallsThatWriteNothing() async throws {
        let store = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore(), plan: FaultPlan(rules: [
            FaultRule(.failAfterWrite(.unavailable), trigger: .nextCalls(1)),
        ]))
        await expectError(.notFound) { try await store.head("x") }
        await expectError(.notFound) { try await store.get("x", range: nil) }
        #expect(store.injectedFaults == FaultCounts())
        await expectError(.unavailable) { try await store.delete("x") }
        #expect(store.injectedFaults(for: .delete) == FaultCounts(failedAfterWrite: 1))
    }

    @Test func aFailureBeforeTheCallPreemptsOneAfter() async throws {
        let inner = try InMemoryObjectStore()
        let store = FaultInjectingObjectStore(wrapping: inner, plan: FaultPlan(rules: [
            FaultRule(.failAfterWrite(.unknownOutcome), on: [.put], trigger: .nextCalls(1)),
            FaultRule(.unavailable, on: [.put], trigger: .nextCalls(1)),
        ]))
        await expectError(.unavailable) { try await store.put("x", [1]) }
        await expectError(.notFound) { try await inner.head("x") }
        await expectError(.unknownOutcome, "the after-write rule was not used up") { try await store.put("x", [2]) }
        #expect(try await inner.get("x", range: nil) == [2])
        #expect(store.injectedFaults == FaultCounts(unavailable: 1, failedAfterWrite: 1))
    }

    /// The same seed gives the same faults on the same calls; another seed gives others.
    @Test func probabilitiesAreSeeded() async throws {
        func failingCalls(seed: UInt64) async throws -> [Int] {
            let inner = try InMemoryObjectStore()
            try await inner.put("x", [1])
            let store = FaultInjectingObjectStore(wrapping: inner, plan: FaultPlan(seed: seed, rules: [
                FaultRule(.unavailable, on: [.head], trigger: .probability(0.3)),
            ]))
            var failing: [Int] = []
            for call in 0..<200 {
                do { _ = try await store.head("x") } catch { failing.append(call) }
            }
            #expect(store.injectedFaults.unavailable == failing.count)
            return failing
        }
        let first = try await failingCalls(seed: 42)
        #expect(try await failingCalls(seed: 42) == first)
        #expect(try await failingCalls(seed: 7) != first)
        #expect((30...90).contains(first.count), "about 60 of 200 calls fail: \(first.count)")
    }

    @Test func certainAndImpossibleProbabilities() async throws {
        let store = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore(), plan: FaultPlan(rules: [
            FaultRule(.unavailable, on: [.put], trigger: .probability(1)),
            FaultRule(.unavailable, on: [.head], trigger: .probability(0)),
            FaultRule(.unavailable, on: [.head], trigger: .probability(.nan)),
        ]))
        for _ in 0..<20 { await expectError(.unavailable) { try await store.put("x", [1]) } }
        for _ in 0..<20 { await expectError(.notFound) { try await store.head("x") } }
        #expect(store.injectedFaults == FaultCounts(unavailable: 20))
    }

    @Test func addsLatency() async throws {
        let store = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore(), plan: FaultPlan(rules: [
            FaultRule(.latency(.milliseconds(50)), on: [.put], trigger: .nextCalls(1)),
        ]))
        let clock = ContinuousClock()
        let slow = try await clock.measure { try await store.put("x", [1]) }
        #expect(slow >= .milliseconds(50))
        #expect(store.injectedFaults == FaultCounts(latency: 1))
        try await store.put("x", [2])
        #expect(store.injectedFaults == FaultCounts(latency: 1), "only the next call was slowed")
    }

    @Test func faultsHitListingPages() async throws {
        let store = FaultInjectingObjectStore(wrapping: try InMemoryObjectStore(pageSize: 1))
        for key in ["a", "b", "c"] { try await store.put(ObjectPath(key), [0]) }
        store.setRules([FaultRule(.unavailable, on: [.list], trigger: .nextCalls(1))])
        await expectError(.unavailable) { try await CollectedListing(store.list(prefix: nil, delimiter: false)) }
        let listing = try await CollectedListing(store.list(prefix: nil, delimiter: false))
        #expect(listing.keys == ["a", "b", "c"])
        #expect(store.injectedFaults(for: .list) == FaultCounts(unavailable: 1))
    }

    @Test func faultsHitUploads() async throws {
        let inner = try InMemoryObjectStore()
        let store = FaultInjectingObjectStore(wrapping: inner, plan: FaultPlan(rules: [
            FaultRule(.unavailable, on: [.uploadWrite], trigger: .nextCalls(1)),
            FaultRule(.failAfterWrite(.unknownOutcome), on: [.completeUpload], trigger: .nextCalls(1)),
        ]))
        let upload = try await store.upload("big")
        await expectError(.unavailable) { try await upload.write([1]) }
        try await upload.write([2])
        await expectError(.unknownOutcome) { try await upload.complete() }
        #expect(try await inner.get("big", range: nil) == [2], "the completion took effect")
        #expect(store.injectedFaults(for: .uploadWrite) == FaultCounts(unavailable: 1))
        #expect(store.injectedFaults(for: .completeUpload) == FaultCounts(failedAfterWrite: 1))
    }
}

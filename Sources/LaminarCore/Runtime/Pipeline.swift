import Foundation
import LaminarArrow
import Logging

/// One running query: a source, the plan's operators and a sink, driven by a single task.
///
/// The loop reads a batch, pushes it through every operator, hands the results to the sink and only then
/// reads again. Watermarks computed from the source's batches travel the same path after the batch that
/// advanced them, so a window closes only after every row before the watermark has been counted.
///
/// With a ``LakehouseSink`` the pipeline also checkpoints, between batches: periodically, on request, when
/// a bounded source is exhausted and when the task is cancelled (a clean stop). On start it recovers from
/// its last complete checkpoint: finalizes that checkpoint's commits if needed, aborts those of any later
/// incomplete checkpoint, restores the source position and the operators' state, and resumes.
public final class Pipeline {
    private enum Output {
        case stream(any StreamSink)
        case lakehouse(any LakehouseSink, Checkpointing)
    }

    public let plan: LogicalPlan
    public let metrics: PipelineMetrics
    private let source: any LakehouseSource
    private let output: Output
    private let operators: [any StreamOperator]
    private var watermark = Int64.min
    private var nextCheckpointID: Int64 = 1
    private var checkpointDue: ContinuousClock.Instant?
    private var instruments: CheckpointInstruments?

    /// A pipeline whose results go to a non-transactional sink (a collected result, a subscription).
    public init(plan: LogicalPlan, source: any LakehouseSource, sink: any StreamSink, metrics: PipelineMetrics = PipelineMetrics()) {
        self.plan = plan
        self.source = source
        self.output = .stream(sink)
        self.metrics = metrics
        self.operators = plan.makeOperators()
    }

    /// A pipeline that commits into `sink` in two phases at checkpoints stored by `checkpointing`.
    public init(plan: LogicalPlan, source: any LakehouseSource, sink: any LakehouseSink, checkpointing: Checkpointing,
                metrics: PipelineMetrics = PipelineMetrics()) {
        self.plan = plan
        self.source = source
        self.output = .lakehouse(sink, checkpointing)
        self.metrics = metrics
        self.operators = plan.makeOperators()
        self.instruments = CheckpointInstruments(pipeline: checkpointing.pipeline)
    }

    /// Runs until the source is exhausted, a `LIMIT` is satisfied, or the task is cancelled. A cancelled
    /// run is a clean stop: it commits what reached the sink (with a final checkpoint for lakehouse sinks).
    /// A failed run rethrows; a lakehouse sink's staged files are left for the next start to recover.
    public func run() async throws(EngineError) {
        var outcome: EngineError?
        do {
            try await open()
            try await loop()
        } catch {
            outcome = error
        }
        let clean = outcome == nil || outcome?.kind == .cancelled
        switch output {
        case .stream(let sink):
            await source.close()
            do {
                if clean { try await sink.commit() }
            } catch {
                outcome = error
            }
            if outcome != nil && outcome?.kind != .cancelled { await sink.abort() }
        case .lakehouse(let sink, let checkpointing):
            do {
                if clean { try await checkpoint(sink, checkpointing) }
            } catch {
                outcome = error
            }
            await source.close()
            await sink.close()
            checkpointing.control.finish(outcome?.kind == .cancelled ? nil : outcome)
        }
        let failure = outcome?.kind == .cancelled ? nil : outcome
        metrics.markFinished(failure: failure?.message)
        if let failure { throw failure }
    }

    // MARK: Start and recovery

    private func open() async throws(EngineError) {
        guard case .lakehouse(let sink, let checkpointing) = output else {
            try await source.start(from: nil)
            return
        }
        let storage = checkpointing.storage
        let recovery = try await storage.recover()
        for warning in recovery.warnings {
            metrics.record(warning: warning)
            instruments?.logger.warning("recovery: \(warning)")
        }
        for incomplete in recovery.incomplete {
            for commit in incomplete.commits { try await sink.abort(commit) }
            try await storage.discard(incomplete.checkpointID)
        }
        if let latest = recovery.latest {
            if !recovery.latestFinalized {
                for commit in latest.commits { _ = try await sink.finalizeCommit(commit) }
                try await storage.markFinalized(latest.checkpointID)
            }
            try await source.start(from: latest.source)
            for (index, reference) in latest.operators {
                guard operators.indices.contains(index) else {
                    throw EngineError(.invalidState, "checkpoint \(latest.checkpointID) holds state for operator \(index), but the query has \(operators.count); was the query changed?")
                }
                try operators[index].restoreState(try await storage.loadState(reference))
            }
            if let restored = latest.watermark { watermark = restored }
            nextCheckpointID = max(latest.checkpointID, recovery.highestCheckpointID) + 1
            metrics.record(checkpoint: latest.checkpointID, recovered: true)
            instruments?.logger.info("recovered from checkpoint \(latest.checkpointID)", metadata: [
                "aborted": "\(recovery.incomplete.count)", "refinalized": "\(!recovery.latestFinalized)",
            ])
        } else {
            try await source.start(from: nil)
            nextCheckpointID = recovery.highestCheckpointID + 1
        }
        try await sink.initialize(schema: plan.schema)
        if let interval = checkpointing.interval { checkpointDue = ContinuousClock.now + interval }
    }

    // MARK: The loop

    private func loop() async throws(EngineError) {
        let watermarkSpec = plan.source.watermark
        while !Task.isCancelled {
            guard let batch = try await source.pollNext() else {
                try await finishOperators()
                return
            }
            if batch.rowCount > 0 {
                metrics.record(rowsIn: batch.rowCount)
                try await forward([batch], from: 0)
                if let watermarkSpec, let next = try watermarkSpec.watermark(of: batch), next > watermark {
                    watermark = next
                    metrics.record(watermark: next)
                    for index in operators.indices {
                        try await forward(try operators[index].advanceWatermark(to: next), from: index + 1)
                    }
                }
            }
            if operators.contains(where: \.isExhausted) {
                try await finishOperators()
                return
            }
            try await checkpointIfDue()
        }
        throw EngineError(.cancelled, "the pipeline was stopped")
    }

    private func finishOperators() async throws(EngineError) {
        for index in operators.indices {
            try await forward(try operators[index].finish(), from: index + 1)
        }
    }

    /// Pushes batches through the operators from `index` on, then into the sink.
    private func forward(_ batches: [RecordBatch], from index: Int) async throws(EngineError) {
        var current = batches
        var position = index
        while position < operators.count, !current.isEmpty {
            var next: [RecordBatch] = []
            for batch in current { next.append(contentsOf: try operators[position].process(batch)) }
            current = next
            position += 1
        }
        for batch in current where batch.rowCount > 0 {
            switch output {
            case .stream(let sink): try await sink.write(batch)
            case .lakehouse(let sink, _): try await sink.write(batch)
            }
            metrics.record(rowsOut: batch.rowCount)
        }
    }

    // MARK: Checkpoints

    private func checkpointIfDue() async throws(EngineError) {
        guard case .lakehouse(let sink, let checkpointing) = output else { return }
        let requested = checkpointing.control.takeRequest()
        let due = checkpointDue.map { ContinuousClock.now >= $0 } ?? false
        guard requested || due else { return }
        try await checkpoint(sink, checkpointing)
        if let interval = checkpointing.interval { checkpointDue = ContinuousClock.now + interval }
    }

    /// One checkpoint, in the order exactly-once depends on: source position and operator state captured,
    /// sink prepared, manifest durable, marked complete, sink finalized, finalization recorded.
    private func checkpoint(_ sink: any LakehouseSink, _ checkpointing: Checkpointing) async throws(EngineError) {
        do {
            try await takeCheckpoint(sink, checkpointing)
        } catch {
            instruments?.failures.increment()
            instruments?.logger.error("checkpoint \(nextCheckpointID) failed: \(error.message)")
            throw error
        }
    }

    private func takeCheckpoint(_ sink: any LakehouseSink, _ checkpointing: Checkpointing) async throws(EngineError) {
        let started = ContinuousClock.now
        let storage = checkpointing.storage
        let id = nextCheckpointID
        let position = source.currentCheckpoint()
        var states: [Int: StateReference] = [:]
        for (index, stage) in operators.enumerated() {
            if let state = try stage.snapshotState() {
                states[index] = try await storage.saveState(state, checkpointID: id, operator: index)
            }
        }
        let preparing = ContinuousClock.now
        let commit = try await sink.prepareCommit(checkpointID: id)
        let prepared = ContinuousClock.now
        let manifest = CheckpointManifest(
            pipeline: checkpointing.pipeline, checkpointID: id,
            createdAt: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()), source: position,
            watermark: watermark == .min ? nil : watermark, operators: states, commits: [commit])
        try await storage.writeManifest(manifest)
        try await storage.markComplete(id)
        let finalizing = ContinuousClock.now
        let info = try await sink.finalizeCommit(commit)
        let finalized = ContinuousClock.now
        try await storage.markFinalized(id)
        try await source.commit(position)
        try await storage.prune(keeping: checkpointing.retained)
        nextCheckpointID = id + 1
        let total = ContinuousClock.now - started
        let stateBytes = states.values.reduce(Int64(0)) { $0 + $1.sizeBytes }
        metrics.record(checkpoint: id, duration: total, stateBytes: stateBytes)
        if let instruments {
            let bytes = commit.files.reduce(Int64(0)) { $0 + $1.sizeBytes }
            instruments.duration.recordNanoseconds(total.nanoseconds)
            instruments.prepare.recordNanoseconds((prepared - preparing).nanoseconds)
            instruments.finalize.recordNanoseconds((finalized - finalizing).nanoseconds)
            instruments.committedBytes.increment(by: bytes)
            instruments.committedRows.increment(by: commit.rowCount)
            instruments.stateBytes.record(stateBytes)
            instruments.completed.increment()
            instruments.logger.debug("checkpoint \(id) complete", metadata: [
                "duration_ms": "\(total.nanoseconds / 1_000_000)", "files": "\(info.filesAdded)",
                "rows": "\(info.rowsAdded)", "bytes": "\(bytes)", "state_bytes": "\(stateBytes)",
            ])
        }
        checkpointing.control.completed(id)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds &* 1_000_000_000 &+ components.attoseconds / 1_000_000_000
    }
}

import LaminarArrow

/// One running query: a source, the plan's operators and a sink, driven by a single task.
///
/// The loop reads a batch, pushes it through every operator, hands the results to the sink and only then
/// reads again. Watermarks computed from the source's batches travel the same path after the batch that
/// advanced them, so a window closes only after every row before the watermark has been counted.
public final class Pipeline {
    public let plan: LogicalPlan
    public let metrics: PipelineMetrics
    private let source: any StreamSource
    private let sink: any StreamSink
    private let operators: [any StreamOperator]
    private var watermark = Int64.min

    public init(plan: LogicalPlan, source: any StreamSource, sink: any StreamSink, metrics: PipelineMetrics = PipelineMetrics()) {
        self.plan = plan
        self.source = source
        self.sink = sink
        self.metrics = metrics
        self.operators = plan.makeOperators()
    }

    /// Runs until the source is exhausted, a `LIMIT` is satisfied, or the task is cancelled. A cancelled
    /// run commits what reached the sink (a clean stop); a failed one aborts the sink and rethrows.
    public func run() async throws(EngineError) {
        var outcome: EngineError?
        do {
            try await loop()
        } catch {
            outcome = error
        }
        await source.close()
        do {
            if outcome == nil || outcome?.kind == .cancelled {
                try await sink.commit()
                metrics.markFinished(failure: nil)
                return
            }
        } catch {
            outcome = error
        }
        await sink.abort()
        metrics.markFinished(failure: outcome?.message)
        if let outcome { throw outcome }
    }

    private func loop() async throws(EngineError) {
        let watermarkSpec = plan.source.watermark
        while !Task.isCancelled {
            guard let batch = try await source.next() else {
                try await finishOperators()
                return
            }
            metrics.record(rowsIn: batch.rowCount)
            try await forward([batch], from: 0)
            if let watermarkSpec, let next = try watermarkSpec.watermark(of: batch), next > watermark {
                watermark = next
                metrics.record(watermark: next)
                for index in operators.indices {
                    try await forward(try operators[index].advanceWatermark(to: next), from: index + 1)
                }
            }
            if operators.contains(where: \.isExhausted) {
                try await finishOperators()
                return
            }
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
            try await sink.write(batch)
            metrics.record(rowsOut: batch.rowCount)
        }
    }
}

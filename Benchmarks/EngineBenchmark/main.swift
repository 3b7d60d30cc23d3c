import Foundation
import LaminarArrow
import LaminarCore
import LaminarDB

// Throughput of the streaming engine on one core: generator -> filter -> projection -> tumbling-window
// aggregate, run as a bounded query so the whole pipeline executes in the calling task. Also the cost of
// handing a batch from one operator to the next, from the difference between chains of 1 and 21 operators.
//
// Usage: EngineBenchmark [events] [repeats] [checkpoint-groups-small] [checkpoint-groups-large]

let arguments = CommandLine.arguments
let events = arguments.count > 1 ? Int(arguments[1]) ?? 10_000_000 : 10_000_000
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let state = FileManager.default.temporaryDirectory.appendingPathComponent("laminar-bench-\(UUID().uuidString)").path
let db = try await LaminarDB.open(directory: state)
try await db.execute("""
    CREATE SOURCE trades (symbol VARCHAR, price DOUBLE, quantity BIGINT, event_time TIMESTAMP,
                          WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND)
    WITH (type = 'generator', max_rows = \(events), seed = 7,
          'fields.symbol.values' = 'AAPL,MSFT,GOOG,AMZN,NVDA,META,TSLA,ORCL',
          'fields.price.min' = 10, 'fields.price.max' = 500,
          'fields.quantity.min' = 1, 'fields.quantity.max' = 1000,
          'fields.event_time.step' = '1 ms');
    """)
let query = """
    SELECT symbol, window_start, count(*) AS trades, sum(notional) AS notional, max(price) AS high
    FROM (SELECT symbol, price, price * quantity AS notional, event_time FROM trades WHERE quantity > 100) AS t
    GROUP BY symbol, TUMBLE(event_time, INTERVAL '1' MINUTE)
    """
print("engine: generator -> filter -> projection -> tumbling window, \(events) events, best of \(repeats)")
var best = Double.infinity
var windows = 0
for _ in 0..<repeats {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await db.execute(query)
    let elapsed = seconds(clock.now - start)
    windows = result.result?.rowCount ?? 0
    best = min(best, elapsed)
    print(String(format: "  run: %.3f s, %.2f M events/s, %d window rows", elapsed, Double(events) / elapsed / 1e6, windows))
}
print(String(format: "best: %.3f s, %.2f M events/s", best, Double(events) / best / 1e6))

let generatorOnly = "SELECT count(*) FROM trades"
let clock = ContinuousClock()
let generatorStart = clock.now
_ = try await db.execute(generatorOnly)
let generatorTime = seconds(clock.now - generatorStart)
print(String(format: "generator alone (count(*)): %.3f s, %.2f M events/s", generatorTime, Double(events) / generatorTime / 1e6))
await db.shutdown()
try? FileManager.default.removeItem(atPath: state)

// Batch handoff: the same 1,024-row batch pushed through a chain of pass-through projections.
final class RepeatingSource: LakehouseSource {
    let batch: RecordBatch
    var remaining: Int
    init(batch: RecordBatch, count: Int) {
        self.batch = batch
        self.remaining = count
    }
    var schema: Schema { batch.schema }
    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {}
    func currentCheckpoint() -> SourceCheckpoint { SourceCheckpoint(offset: Int64(remaining)) }
    func pollNext() async throws(EngineError) -> RecordBatch? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        return batch
    }
    func close() async {}
}

let batch = try RecordBatch(["a": Int64Array(values: Array(0..<1024)), "b": Float64Array(values: (0..<1024).map(Double.init))])
let descriptor = SourceDescriptor(name: "repeat", schema: batch.schema, isBounded: true)
func chain(_ length: Int) -> LogicalPlan {
    var plan = LogicalPlan.scan(descriptor)
    let columns: [any PhysicalExpression] = batch.schema.fields.enumerated().map {
        ColumnExpression(index: $0.offset, name: $0.element.name, dataType: $0.element.type)
    }
    for _ in 0..<length { plan = .project(plan, expressions: columns, schema: batch.schema) }
    return plan
}
func timeChain(_ length: Int, batches: Int) async throws -> Double {
    let pipeline = Pipeline(plan: chain(length), source: RepeatingSource(batch: batch, count: batches), sink: NullSink())
    let start = ContinuousClock.now
    try await pipeline.run()
    return seconds(ContinuousClock.now - start)
}
final class NullSink: StreamSink {
    func write(_ batch: RecordBatch) async throws(EngineError) {}
    func commit() async throws(EngineError) {}
    func abort() async {}
}
let handoffBatches = 200_000
var shortest = Double.infinity
var longest = Double.infinity
for _ in 0..<repeats {
    shortest = min(shortest, try await timeChain(1, batches: handoffBatches))
    longest = min(longest, try await timeChain(21, batches: handoffBatches))
}
let perHandoff = (longest - shortest) / Double(handoffBatches * 20)
print(String(format: "batch handoff (pass-through projection, %d batches): %.0f ns per operator per batch", handoffBatches, perHandoff * 1e9))

// Checkpoint latency with small and large operator state.
let smallGroups = arguments.count > 3 ? Int(arguments[3]) ?? 70_000 : 70_000
let largeGroups = arguments.count > 4 ? Int(arguments[4]) ?? 8_400_000 : 8_400_000
for groups in [smallGroups, largeGroups] {
    let result = try await measureCheckpointLatency(groups: groups, runs: repeats)
    print(String(format: "checkpoint latency, Parquet sink, %d groups (%.1f MB of state): best %.1f ms, median %.1f ms",
                 groups, Double(result.stateBytes) / 1e6, result.best * 1e3, result.median * 1e3))
}

#if Delta
import Foundation
import LaminarArrow
import LaminarConnectors
import LaminarCore
import LaminarSQL
import LaminarStorage

// Ingest into a local Delta table through the Delta sink, as a pipeline drives it: micro-batches of
// `batchRows` rows, a checkpoint (prepare + finalize = one table commit) every `batchesPerCommit` batches.
// The batches are built before the clock starts, so only the sink's work is timed: Parquet encoding,
// statistics, file writes with fsync, and the commits. Then commit latency alone, with small commits.
//
// Then a full scan of the ingested table through LaminarDelta's reader (every file, every column), which
// scripts/bench-delta.sh repeats with delta-rs and DuckDB on the same table.
//
// Usage: DeltaBenchmark [rows] [batch-rows] [batches-per-commit] [directory]
// Prints one JSON line per measurement, for scripts/bench-delta.sh.

let arguments = CommandLine.arguments
let rows = arguments.count > 1 ? Int(arguments[1]) ?? 10_000_000 : 10_000_000
let batchRows = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let batchesPerCommit = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
let root = arguments.count > 4 ? arguments[4] : FileManager.default.temporaryDirectory.appendingPathComponent("laminar-delta-bench").path

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Eight columns with the same values the Python side computes: ids, a timestamp, two low-cardinality
/// strings, a price, a quantity, a flag and a sequence.
func makeBatch(start: Int, count: Int) throws -> RecordBatch {
    let symbols = ["AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "ORCL"]
    let venues = ["XNAS", "XNYS", "BATS", "IEXG"]
    let ids = (start..<start + count).map { Int64($0) }
    return try RecordBatch([
        "id": Int64Array(values: ids),
        "event_time": Int64Array(values: ids.map { 1_700_000_000_000_000 + $0 * 1000 }, type: .timestamp(.microsecond, timeZone: "UTC")),
        "symbol": StringArray(ids.map { symbols[Int($0 % 8)] }),
        "venue": StringArray(ids.map { venues[Int($0 % 4)] }),
        "price": Float64Array(values: ids.map { 100 + Double($0 % 1000) / 100 }),
        "quantity": Int32Array(values: ids.map { Int32($0 % 500) + 1 }),
        "is_buy": BooleanArray(ids.map { $0 % 2 == 0 }),
        "sequence": Int64Array(values: ids.map { $0 * 7 % 1_000_003 }),
    ])
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func json(_ fields: [String: Any]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

func run(table: String, rows: Int, batchRows: Int, batchesPerCommit: Int) async throws -> (seconds: Double, prepare: [Double], finalize: [Double]) {
    try? FileManager.default.removeItem(atPath: table)
    let batches = try (0..<batchesPerCommit).map { try makeBatch(start: $0 * batchRows, count: batchRows) }
    let sink = try DeltaSink(DeltaSinkSettings(name: "bench", location: table, writerID: "bench"))
    try await sink.initialize(schema: batches[0].schema)
    let clock = ContinuousClock()
    var prepare: [Double] = []
    var finalize: [Double] = []
    let start = clock.now
    var written = 0
    var checkpoint: Int64 = 0
    while written < rows {
        for batch in batches where written < rows {
            try await sink.write(batch)
            written += batch.rowCount
        }
        checkpoint += 1
        let before = clock.now
        let prepared = try await sink.prepareCommit(checkpointID: checkpoint)
        let middle = clock.now
        _ = try await sink.finalizeCommit(prepared)
        prepare.append(seconds(middle - before))
        finalize.append(seconds(clock.now - middle))
    }
    let elapsed = seconds(clock.now - start)
    await sink.close()
    return (elapsed, prepare, finalize)
}

let ingest = try await run(table: root + "/ingest", rows: rows, batchRows: batchRows, batchesPerCommit: batchesPerCommit)
print(json(["measurement": "ingest", "rows": rows, "seconds": ingest.seconds, "commits": ingest.prepare.count,
            "rows_per_second": Double(rows) / ingest.seconds]))

// Commit latency: 200 commits of one 10,000-row batch each, the cadence of a pipeline checkpointing often.
let latency = try await run(table: root + "/latency", rows: 200 * batchRows, batchRows: batchRows, batchesPerCommit: 1)
print(json(["measurement": "latency", "commits": latency.prepare.count,
            "prepare_p50_ms": percentile(latency.prepare, 0.5) * 1000, "prepare_p99_ms": percentile(latency.prepare, 0.99) * 1000,
            "finalize_p50_ms": percentile(latency.finalize, 0.5) * 1000, "finalize_p99_ms": percentile(latency.finalize, 0.99) * 1000]))
try? FileManager.default.removeItem(atPath: root + "/latency")

/// Reads every live row of the table through the Delta source, as `SELECT * FROM` a delta source does.
func scan(_ path: String) async throws -> Int {
    let options = [WithOption("type", .string("delta")), WithOption("location", .string(path))]
    let source = try await Connectors.source(for: options).prepare(SourceDefinition(name: "scan", columns: nil, options: options))
    let reader = try await source.makeReader()
    try await reader.start(from: nil)
    var rows = 0
    while let batch = try await reader.pollNext() { rows += batch.rowCount }
    await reader.close()
    return rows
}

var bestScan = Double.infinity
var scanned = 0
for _ in 0..<3 {
    let clock = ContinuousClock()
    let start = clock.now
    scanned = try await scan(root + "/ingest")
    bestScan = min(bestScan, seconds(clock.now - start))
}
print(json(["measurement": "scan", "rows": scanned, "seconds": bestScan, "rows_per_second": Double(scanned) / bestScan]))
#else
print("DeltaBenchmark needs the Delta package trait")
#endif

import ArgumentParser
import Foundation
import LaminarArrow
import LaminarCompression

/// The main job while the SQL engine and lake sinks are being built: a deterministic stream of trade events
/// goes through the columnar kernels (cast, filter, arithmetic, hash partitioning, statistics) and lands on
/// local disk as zstd-compressed JSON lines, one file per partition, with a summary printed at the end.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the columnar demo pipeline on local storage."
    )

    @Option(help: "Rows to generate.") var rows = 1_000_000
    @Option(help: "Rows per batch.") var batchSize = 65_536
    @Option(help: "Hash partitions to write.") var partitions = 4
    @Option(help: "Output directory (created if missing).") var output = "laminar-demo-output"

    func validate() throws {
        guard rows >= 0, batchSize > 0, partitions > 0 else {
            throw ValidationError("rows must be >= 0, batch size and partitions > 0")
        }
    }

    func run() throws {
        let start = Date()
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var sinks = (0..<partitions).map { _ in [UInt8]() }
        var kept: [RecordBatch] = []
        var produced = 0
        while produced < rows {
            let count = min(batchSize, rows - produced)
            let batch = try TradeGenerator.batch(offset: produced, count: count)
            produced += count
            let large = try Compute.compare(try batch.column(named: "quantity").orThrow(), .greaterOrEqual, .int32(10))
            let selected = try Compute.filter(batch, mask: large)
            let notional = try Compute.arithmetic(
                try Compute.cast(try selected.column(named: "price").orThrow(), to: .float64), .multiply,
                try Compute.cast(try selected.column(named: "quantity").orThrow(), to: .float64))
            let enriched = try RecordBatch(
                schema: Schema(selected.schema.fields + [Field(name: "notional", type: .float64)]),
                columns: selected.columns + [notional])
            let hashes = try Compute.hashRows([try enriched.column(named: "symbol").orThrow()])
            for partition in 0..<partitions {
                let indices = hashes.indices.filter { Int(hashes[$0] % UInt64(partitions)) == partition }
                JSONLines.append(try Compute.take(enriched, indices: indices), to: &sinks[partition])
            }
            kept.append(enriched.slice(offset: 0, count: min(enriched.rowCount, 3)))
        }
        var written = 0
        for (partition, lines) in sinks.enumerated() {
            let compressed = try CompressionCodec.zstd.compress(lines)
            let file = directory.appendingPathComponent("part-\(partition).jsonl.zst")
            try Data(compressed).write(to: file, options: .atomic)
            written += compressed.count
        }
        let sample = try RecordBatch.concatenate(kept)
        print(PrettyPrinter.format([sample], maxRows: 6))
        for (field, column) in zip(sample.schema.fields, sample.columns) where !field.type.isNested {
            let stats = Compute.statistics(column)
            print("\(field.name): min \(stats.min?.description ?? "-") max \(stats.max?.description ?? "-")")
        }
        let seconds = Date().timeIntervalSince(start)
        print("\(produced) rows in \(partitions) partitions, \(written) bytes written to \(directory.path) "
              + "in \(String(format: "%.2f", seconds)) s")
    }
}

/// Deterministic synthetic trades: the same offset always yields the same rows.
enum TradeGenerator {
    static let symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ORCL"]

    static func batch(offset: Int, count: Int) throws -> RecordBatch {
        let ids = PrimitiveBuilder<Int64>(capacity: count)
        let times = PrimitiveBuilder<Int64>(type: .timestamp(.microsecond, timeZone: "UTC"), capacity: count)
        let symbols = StringBuilder(capacity: count)
        let prices = PrimitiveBuilder<Int128>(type: .decimal128(precision: 12, scale: 2), capacity: count)
        let quantities = PrimitiveBuilder<Int32>(capacity: count)
        for row in offset..<(offset + count) {
            let noise = UInt64(row).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15).low
            ids.append(Int64(row))
            times.append(1_767_225_600_000_000 + Int64(row) * 1_000)
            symbols.append(Self.symbols[Int(noise % UInt64(Self.symbols.count))])
            prices.append(Int128(10_000 + Int(noise >> 40) % 90_000))
            if row % 97 == 0 { quantities.appendNull() } else { quantities.append(Int32(noise >> 20 & 0xFF)) }
        }
        return try RecordBatch([
            "id": ids.finishTyped(), "ts": times.finishTyped(), "symbol": symbols.finishTyped(),
            "price": prices.finishTyped(), "quantity": quantities.finishTyped(),
        ])
    }
}

/// Minimal JSON-lines encoding of flat batches for the demo's output.
enum JSONLines {
    static func append(_ batch: RecordBatch, to output: inout [UInt8]) {
        let names = batch.schema.names.map { "\"\($0)\":" }
        for row in 0..<batch.rowCount {
            var line = "{"
            for (index, column) in batch.columns.enumerated() {
                if index > 0 { line += "," }
                line += names[index] + value(column.scalar(at: row))
            }
            line += "}\n"
            output.append(contentsOf: line.utf8)
        }
    }

    private static func value(_ scalar: ScalarValue) -> String {
        switch scalar {
        case .null: "null"
        case .int32, .int64, .float64: scalar.description
        default: "\"\(scalar.description)\""
        }
    }
}

extension Optional {
    func orThrow() throws -> Wrapped {
        guard let self else { throw ValidationError("missing column") }
        return self
    }
}

import LaminarArrow

/// `GROUP BY` with aggregates, optionally per event-time window.
///
/// Output columns are the group keys, then `window_start` and `window_end` when windowed, then the
/// aggregates. When rows are emitted depends on the input:
/// - windowed: a window's rows once the watermark passes its end (late rows for closed windows are dropped
///   and counted), and every open window when input ends;
/// - not windowed, bounded input: every group once, when input ends;
/// - not windowed, unbounded input (`emitsUpdates`): after each batch, the new values of the groups it
///   touched, so downstream always holds the latest value per key.
public final class AggregateOperator: StreamOperator {
    public let keys: [any PhysicalExpression]
    public let aggregates: [AggregateCall]
    public let window: WindowSpec?
    public let emitsUpdates: Bool
    public let outputSchema: Schema

    /// Rows that arrived for windows already closed by the watermark.
    public internal(set) var lateRows = 0

    final class State {
        let table: GroupTable
        let accumulators: [any GroupAccumulator]

        init(keyTypes: [DataType], aggregates: [AggregateCall]) throws(EngineError) {
            table = GroupTable(keyTypes: keyTypes)
            var accumulators: [any GroupAccumulator] = []
            for aggregate in aggregates { accumulators.append(try aggregate.makeAccumulator()) }
            self.accumulators = accumulators
        }
    }

    /// Open windows by start (ticks of the time column); key 0 holds the single state of unwindowed queries.
    var states: [Int64: State] = [:]
    var watermarkMicros = Int64.min

    public init(keys: [any PhysicalExpression], aggregates: [AggregateCall], window: WindowSpec?, emitsUpdates: Bool,
                schema: Schema) {
        self.keys = keys
        self.aggregates = aggregates
        self.window = window
        self.emitsUpdates = emitsUpdates && window == nil
        self.outputSchema = schema
    }

    public func process(_ batch: RecordBatch) throws(EngineError) -> [RecordBatch] {
        guard batch.rowCount > 0 else { return [] }
        var keyColumns: [any ArrowArray] = []
        for key in keys { keyColumns.append(try key.evaluateArray(batch)) }
        var inputs: [(any ArrowArray)?] = []
        for aggregate in aggregates { inputs.append(try aggregate.argument?.evaluateArray(batch)) }
        guard let window else {
            let state = try self.state(at: 0)
            let groups = try accumulate(into: state, keyColumns, inputs, rows: batch.rowCount)
            guard emitsUpdates else { return [] }
            let touched = Array(Set(groups.map(Int.init))).sorted()
            return [try emit(state, groups: touched, windowStart: nil)]
        }
        try accumulateWindows(window, batch: batch, keyColumns, inputs)
        return []
    }

    public func advanceWatermark(to watermark: Int64) throws(EngineError) -> [RecordBatch] {
        guard watermark > watermarkMicros else { return [] }
        watermarkMicros = watermark
        guard let window else { return [] }
        let closing = states.keys.filter { window.micros($0 &+ window.ticks(window.sizeMicros)) <= watermark }.sorted()
        return try emitWindows(closing)
    }

    public func finish() throws(EngineError) -> [RecordBatch] {
        if window != nil {
            return try emitWindows(states.keys.sorted())
        }
        guard !emitsUpdates else { return [] }
        if keys.isEmpty && states.isEmpty {
            // A global aggregate over no rows still answers one row: COUNT 0, SUM NULL.
            _ = try accumulate(into: try state(at: 0), [], aggregates.map { _ in nil as (any ArrowArray)? }, rows: 0)
        }
        guard let state = states[0] else { return [] }
        states = [:]
        return [try emit(state, groups: Array(0..<state.table.groupCount), windowStart: nil)]
    }

    func state(at start: Int64) throws(EngineError) -> State {
        if let existing = states[start] { return existing }
        let created = try State(keyTypes: keys.map(\.dataType), aggregates: aggregates)
        states[start] = created
        return created
    }

    private func accumulate(into state: State, _ keyColumns: [any ArrowArray], _ inputs: [(any ArrowArray)?],
                            rows: Int) throws(EngineError) -> [Int32] {
        let groups = try state.table.groups(for: keyColumns, rows: rows)
        let groupCount = state.table.groupCount
        for (accumulator, input) in zip(state.accumulators, inputs) {
            try accumulator.update(input, groups: groups, groupCount: groupCount)
        }
        return groups
    }

    /// Assigns rows to windows (one for tumbling, `size / slide` for hopping) and accumulates each window's rows.
    private func accumulateWindows(_ window: WindowSpec, batch: RecordBatch, _ keyColumns: [any ArrowArray],
                                   _ inputs: [(any ArrowArray)?]) throws(EngineError) {
        let times = try window.time.evaluateArray(batch)
        guard let ticks = times as? Int64Array else {
            throw .execution("window time column \(window.time) is \(times.dataType), not a timestamp")
        }
        let size = window.ticks(window.sizeMicros)
        let slide = window.ticks(window.slideMicros)
        let passes = Int((size + slide - 1) / slide)
        for pass in 0..<passes {
            var rowsByWindow: [Int64: [Int]] = [:]
            var single: Int64?
            var mixed = false
            var starts = [Int64](repeating: 0, count: ticks.count)
            var included = [Bool](repeating: false, count: ticks.count)
            for row in 0..<ticks.count where ticks.isValid(row) {
                let time = ticks.value(at: row)
                let start = Temporal.floorDivide(time, slide).quotient &* slide &- Int64(pass) &* slide
                guard time < start &+ size else { continue }
                if window.micros(start &+ size) <= watermarkMicros {
                    lateRows += 1
                    continue
                }
                starts[row] = start
                included[row] = true
                if single == nil { single = start } else if single != start { mixed = true }
            }
            if let single, !mixed, !included.contains(false) {
                // The common case: the whole batch falls into one window.
                rowsByWindow[single] = Array(0..<ticks.count)
            } else {
                for row in 0..<ticks.count where included[row] { rowsByWindow[starts[row], default: []].append(row) }
            }
            for (start, rows) in rowsByWindow {
                let state = try self.state(at: start)
                if rows.count == batch.rowCount {
                    _ = try accumulate(into: state, keyColumns, inputs, rows: rows.count)
                    continue
                }
                var keyPart: [any ArrowArray] = []
                var inputPart: [(any ArrowArray)?] = []
                do {
                    for column in keyColumns { keyPart.append(try Compute.take(column, indices: rows)) }
                    for input in inputs {
                        if let input { inputPart.append(try Compute.take(input, indices: rows)) } else { inputPart.append(nil) }
                    }
                } catch {
                    throw .arrow(error)
                }
                _ = try accumulate(into: state, keyPart, inputPart, rows: rows.count)
            }
        }
    }

    /// Emits and forgets the windows starting at `starts`, in that order.
    private func emitWindows(_ starts: [Int64]) throws(EngineError) -> [RecordBatch] {
        var batches: [RecordBatch] = []
        for start in starts {
            guard let state = states.removeValue(forKey: start) else { continue }
            let groups = Array(0..<state.table.groupCount)
            if !groups.isEmpty { batches.append(try emit(state, groups: groups, windowStart: start)) }
        }
        return batches
    }

    private func emit(_ state: State, groups: [Int], windowStart: Int64?) throws(EngineError) -> RecordBatch {
        var columns = try state.table.keyColumns(groups)
        if let window, let windowStart {
            let end = windowStart &+ window.ticks(window.sizeMicros)
            let type = window.boundType
            let zone: String? = if case .timestamp(_, let z) = type { z } else { nil }
            columns.append(try ColumnarValue.broadcast(.timestamp(windowStart, window.unit, timeZone: zone), type: type,
                                                       count: groups.count))
            columns.append(try ColumnarValue.broadcast(.timestamp(end, window.unit, timeZone: zone), type: type,
                                                       count: groups.count))
        }
        for accumulator in state.accumulators { columns.append(try accumulator.finish(groups)) }
        return try makeBatch(outputSchema, columns, rows: groups.count)
    }
}

import LaminarArrow

/// Checkpoints of a `GROUP BY`: one table per open window (one in all for unwindowed queries) whose rows
/// are the groups: the window start, the key values, then each aggregate's partial state.
extension AggregateOperator {
    public func snapshotState() throws(EngineError) -> OperatorState? {
        var batches: [RecordBatch] = []
        for start in states.keys.sorted() {
            guard let state = states[start], state.table.groupCount > 0 else { continue }
            let groups = Array(0..<state.table.groupCount)
            var columns: [any ArrowArray] = [Int64Array(values: [Int64](repeating: start, count: groups.count))]
            columns += try state.table.keyColumns(groups)
            for accumulator in state.accumulators { columns += try accumulator.exportState(groups) }
            let fields = columns.enumerated().map { Field(name: "c\($0.offset)", type: $0.element.dataType) }
            batches.append(try makeBatch(Schema(fields), columns, rows: groups.count))
        }
        return OperatorState(batches: batches, values: [
            "watermark": String(watermarkMicros), "late_rows": String(lateRows),
        ])
    }

    public func restoreState(_ snapshot: OperatorState) throws(EngineError) {
        states = [:]
        watermarkMicros = snapshot.values["watermark"].flatMap(Int64.init) ?? .min
        lateRows = snapshot.values["late_rows"].flatMap(Int.init) ?? 0
        for batch in snapshot.batches where batch.rowCount > 0 {
            guard let starts = batch.columns[0] as? Int64Array else {
                throw EngineError(.invalidState, "checkpoint state does not start with window starts; was the query changed?")
            }
            // Decoding may merge the tables of several windows into one batch: split it by window again.
            var rowsByWindow: [Int64: [Int]] = [:]
            for row in 0..<batch.rowCount { rowsByWindow[starts.value(at: row), default: []].append(row) }
            for (start, rows) in rowsByWindow {
                let part: RecordBatch
                do {
                    part = rows.count == batch.rowCount ? batch : try Compute.take(batch, indices: rows)
                } catch {
                    throw .arrow(error)
                }
                try restoreWindow(start, part)
            }
        }
    }

    private func restoreWindow(_ start: Int64, _ batch: RecordBatch) throws(EngineError) {
        let state = try self.state(at: start)
        let expected = 1 + keys.count + state.accumulators.reduce(0) { $0 + $1.stateWidth }
        guard batch.columnCount == expected else {
            throw EngineError(.invalidState, "checkpoint state of \(batch.columnCount) columns does not fit this GROUP BY (\(expected) expected); was the query changed?")
        }
        let keyColumns = Array(batch.columns[1..<(1 + keys.count)])
        let groups = try state.table.groups(for: keyColumns, rows: batch.rowCount)
        var next = 1 + keys.count
        for accumulator in state.accumulators {
            let width = accumulator.stateWidth
            try accumulator.importState(Array(batch.columns[next..<(next + width)]), groups: groups,
                                        groupCount: state.table.groupCount)
            next += width
        }
    }
}

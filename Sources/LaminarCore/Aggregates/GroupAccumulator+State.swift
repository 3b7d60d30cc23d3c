import LaminarArrow

// Checkpoint state of each accumulator: most export exactly what `finish` returns (a count, a nullable
// sum or extremum); averages keep sum and count, distinct counts the set itself.

extension GroupAccumulator {
    func exportState(_ groups: [Int]) throws(EngineError) -> [any ArrowArray] { [try finish(groups)] }
    var stateWidth: Int { 1 }

    /// Grows the state to `groupCount` groups and checks the column count.
    func prepareImport(_ columns: [any ArrowArray], groupCount: Int) throws(EngineError) {
        guard columns.count == stateWidth else {
            throw EngineError(.invalidState, "checkpoint state has \(columns.count) columns for an aggregate that keeps \(stateWidth)")
        }
        try update(nil, groups: [], groupCount: groupCount)
    }
}

extension CountAccumulator {
    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        guard let values = columns[0] as? Int64Array else { throw stateMismatch(columns[0]) }
        for (row, group) in groups.enumerated() { counts[Int(group)] = values.value(at: row) }
    }
}

extension SumAccumulator {
    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        guard let values = columns[0] as? PrimitiveArray<T> else { throw stateMismatch(columns[0]) }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            sums[Int(group)] = values.value(at: row)
            seen[Int(group)] = true
        }
    }
}

extension AverageAccumulator {
    var stateWidth: Int { 2 }

    func exportState(_ groups: [Int]) throws(EngineError) -> [any ArrowArray] {
        [Float64Array(values: groups.map { sums[$0] }), Int64Array(values: groups.map { counts[$0] })]
    }

    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        guard let totals = columns[0] as? Float64Array else { throw stateMismatch(columns[0]) }
        guard let numbers = columns[1] as? Int64Array else { throw stateMismatch(columns[1]) }
        for (row, group) in groups.enumerated() {
            sums[Int(group)] = totals.value(at: row)
            counts[Int(group)] = numbers.value(at: row)
        }
    }
}

extension DistinctCountAccumulator {
    func exportState(_ groups: [Int]) throws(EngineError) -> [any ArrowArray] {
        let element = Field(name: "item", type: type)
        do {
            return [try makeArray(type: .list(element), scalars: groups.map { .list(Array(sets[$0]), element: element) })]
        } catch {
            throw .arrow(error)
        }
    }

    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        for (row, group) in groups.enumerated() {
            guard case .list(let items, _) = columns[0].scalar(at: row) else { throw stateMismatch(columns[0]) }
            sets[Int(group)].formUnion(items)
        }
    }
}

extension PrimitiveExtremum {
    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        guard let values = columns[0] as? PrimitiveArray<T> else { throw stateMismatch(columns[0]) }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            best[Int(group)] = values.value(at: row)
            seen[Int(group)] = true
        }
    }
}

extension ScalarExtremum {
    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError) {
        try prepareImport(columns, groupCount: groupCount)
        for (row, group) in groups.enumerated() { best[Int(group)] = columns[0].scalar(at: row) }
    }
}

private func stateMismatch(_ column: any ArrowArray) -> EngineError {
    EngineError(.invalidState, "checkpoint state column of type \(column.dataType) does not fit this aggregate")
}

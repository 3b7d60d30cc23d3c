import LaminarArrow

/// The running state of one aggregate for every group of a ``GroupTable``.
///
/// `update` takes a whole batch plus each row's group, so an accumulator runs one typed loop per batch.
/// An accumulator belongs to one pipeline's task, so its per-group arrays are marked
/// `@exclusivity(unchecked)`: the dynamic access checks would otherwise cost more than the additions.
protocol GroupAccumulator: AnyObject {
    /// Adds `values` (nil for `COUNT(*)`) row by row into the groups `groups[row]`; `groupCount` is the
    /// table's size after the batch, so state can grow first.
    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError)
    /// The aggregate of each of `groups`, in that order.
    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray
    /// The partial state of each of `groups` as columns, for a checkpoint.
    func exportState(_ groups: [Int]) throws(EngineError) -> [any ArrowArray]
    /// Puts exported state back: row `i` of `columns` becomes the state of group `groups[i]`.
    func importState(_ columns: [any ArrowArray], groups: [Int32], groupCount: Int) throws(EngineError)
    /// How many columns `exportState` produces.
    var stateWidth: Int { get }
}

final class CountAccumulator: GroupAccumulator {
    let countsNulls: Bool
    @exclusivity(unchecked) var counts: [Int64] = []

    init(countsNulls: Bool) { self.countsNulls = countsNulls }

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if counts.count < groupCount { counts.append(contentsOf: repeatElement(0, count: groupCount - counts.count)) }
        if countsNulls || values == nil || values?.nullCount == 0 {
            for group in groups { counts[Int(group)] += 1 }
            return
        }
        guard let values else { return }
        for (row, group) in groups.enumerated() where values.isValid(row) { counts[Int(group)] += 1 }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        Int64Array(values: groups.map { counts[$0] })
    }
}

/// `SUM` over `Int64` (overflow is an error, as in DuckDB for `BIGINT` results), `Double` or decimals.
final class SumAccumulator<T: ArrowArithmetic>: GroupAccumulator {
    let type: DataType
    @exclusivity(unchecked) var sums: [T] = []
    @exclusivity(unchecked) var seen: [Bool] = []

    init(type: DataType) { self.type = type }

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if sums.count < groupCount {
            sums.append(contentsOf: repeatElement(T.zero, count: groupCount - sums.count))
            seen.append(contentsOf: repeatElement(false, count: groupCount - seen.count))
        }
        guard let values else { return }
        guard let typed = values as? PrimitiveArray<T> else {
            throw .execution("sum over \(values.dataType) where \(type) was planned")
        }
        let hasNulls = typed.nullCount > 0
        let overflowed = typed.withUnsafeValues { buffer -> Bool in
            for (row, group) in groups.enumerated() {
                if hasNulls && !typed.isValid(row) { continue }
                let slot = Int(group)
                guard let sum = T.apply(.add, sums[slot], buffer[row]) else { return true }
                sums[slot] = sum
                seen[slot] = true
            }
            return false
        }
        if overflowed { throw .execution("sum overflows \(type)") }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        let builder = PrimitiveBuilder<T>(type: type, capacity: groups.count)
        for group in groups { builder.append(seen[group] ? sums[group] : nil) }
        return builder.finishTyped()
    }
}

/// `AVG` in double precision, null for groups without a non-null value.
final class AverageAccumulator: GroupAccumulator {
    @exclusivity(unchecked) var sums: [Double] = []
    @exclusivity(unchecked) var counts: [Int64] = []

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if sums.count < groupCount {
            sums.append(contentsOf: repeatElement(0, count: groupCount - sums.count))
            counts.append(contentsOf: repeatElement(0, count: groupCount - counts.count))
        }
        guard let values else { return }
        guard let typed = values as? Float64Array else {
            throw .execution("avg over \(values.dataType) where double was planned")
        }
        let hasNulls = typed.nullCount > 0
        typed.withUnsafeValues { buffer in
            for (row, group) in groups.enumerated() {
                if hasNulls && !typed.isValid(row) { continue }
                sums[Int(group)] += buffer[row]
                counts[Int(group)] += 1
            }
        }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        Float64Array(groups.map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil })
    }
}

/// `COUNT(DISTINCT x)`: a set of the values seen per group.
final class DistinctCountAccumulator: GroupAccumulator {
    @exclusivity(unchecked) var sets: [Set<ScalarValue>] = []
    /// The counted values' type, so checkpoints can store the sets as typed lists.
    let type: DataType

    init(type: DataType) { self.type = type }

    func update(_ values: (any ArrowArray)?, groups: [Int32], groupCount: Int) throws(EngineError) {
        if sets.count < groupCount { sets.append(contentsOf: repeatElement([], count: groupCount - sets.count)) }
        guard let values else { return }
        for (row, group) in groups.enumerated() where values.isValid(row) {
            sets[Int(group)].insert(values.scalar(at: row))
        }
    }

    func finish(_ groups: [Int]) throws(EngineError) -> any ArrowArray {
        Int64Array(values: groups.map { Int64(sets[$0].count) })
    }
}

import LaminarArrow

/// `CASE WHEN ... THEN ... ELSE ... END` and `COALESCE(...)`: each row takes its value from one of several
/// candidate columns.
///
/// Every candidate is evaluated for the whole batch, the candidates are laid end to end, and one `take`
/// gathers each row's pick, so the work per row is an index computation rather than a dispatch.
public struct SelectionExpression: PhysicalExpression {
    public enum Rule: Sendable {
        /// Branch `i` applies where `conditions[i]` is true (and no earlier one was); the last candidate is
        /// the `ELSE` value.
        case firstTrue(conditions: [any PhysicalExpression])
        /// The first candidate that is not null.
        case firstNonNull
    }

    public let rule: Rule
    public let candidates: [any PhysicalExpression]
    public let dataType: DataType
    let name: String

    public init(_ rule: Rule, candidates: [any PhysicalExpression], dataType: DataType, name: String) {
        self.rule = rule
        self.candidates = candidates
        self.dataType = dataType
        self.name = name
    }

    public func evaluate(_ batch: RecordBatch) throws(EngineError) -> ColumnarValue {
        let rows = batch.rowCount
        var values: [any ArrowArray] = []
        values.reserveCapacity(candidates.count)
        for candidate in candidates { values.append(try candidate.evaluateArray(batch)) }
        var choice = [Int](repeating: -1, count: rows)
        switch rule {
        case .firstTrue(let conditions):
            var undecided = rows
            for (branch, condition) in conditions.enumerated() where undecided > 0 {
                let mask = try condition.evaluateMask(batch)
                for row in 0..<rows where choice[row] < 0 && mask.isValid(row) && mask.value(at: row) {
                    choice[row] = branch
                    undecided -= 1
                }
            }
            let otherwise = candidates.count - 1
            for row in 0..<rows where choice[row] < 0 { choice[row] = otherwise }
        case .firstNonNull:
            for row in 0..<rows {
                choice[row] = values.firstIndex { $0.isValid(row) } ?? 0
            }
        }
        let indices = choice.enumerated().map { row, branch in branch * rows + row }
        return .array(try kernel(self) { () throws(ArrowError) in
            try Compute.take(try Compute.concatenate(values), indices: indices)
        })
    }

    public var description: String {
        switch rule {
        case .firstNonNull:
            return "\(name)(" + candidates.map(\.description).joined(separator: ", ") + ")"
        case .firstTrue(let conditions):
            let branches = zip(conditions, candidates).map { "WHEN \($0) THEN \($1)" }.joined(separator: " ")
            return "CASE \(branches) ELSE \(candidates[candidates.count - 1]) END"
        }
    }
}

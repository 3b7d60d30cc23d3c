import LaminarArrow

/// Assigns a dense group number to every distinct combination of key values.
///
/// Rows are hashed a batch at a time (`Compute.hashRows`); the table maps a hash to its first group and
/// chains groups sharing a hash, and the typed key stores confirm a match, so equal hashes of different
/// keys never merge groups.
final class GroupTable {
    let keyTypes: [DataType]
    private let keys: [any GroupKeyColumn]
    @exclusivity(unchecked) private var firstGroup: [UInt64: Int32] = [:]
    @exclusivity(unchecked) private var nextInChain: [Int32] = []

    init(keyTypes: [DataType]) {
        self.keyTypes = keyTypes
        self.keys = keyTypes.map(makeGroupKeyColumn)
    }

    var groupCount: Int { nextInChain.count }

    /// The group of every row of `columns`, creating groups for keys not seen before.
    func groups(for columns: [any ArrowArray], rows: Int) throws(EngineError) -> [Int32] {
        if keys.isEmpty {
            if groupCount == 0 { nextInChain.append(-1) }
            return [Int32](repeating: 0, count: rows)
        }
        let hashes: [UInt64]
        do {
            hashes = try Compute.hashRows(columns)
        } catch {
            throw .arrow(error)
        }
        var matchers: [(Int, Int) -> Bool] = []
        matchers.reserveCapacity(keys.count)
        for (key, column) in zip(keys, columns) { matchers.append(try key.matcher(for: column)) }
        var result = [Int32](repeating: 0, count: rows)
        for row in 0..<rows {
            let hash = hashes[row]
            var candidate = firstGroup[hash] ?? -1
            while candidate >= 0 {
                let group = Int(candidate)
                if matchers.allSatisfy({ $0(row, group) }) { break }
                candidate = nextInChain[group]
            }
            if candidate < 0 {
                candidate = Int32(nextInChain.count)
                nextInChain.append(firstGroup[hash] ?? -1)
                firstGroup[hash] = candidate
                for (key, column) in zip(keys, columns) { key.append(from: column, row: row) }
            }
            result[row] = candidate
        }
        return result
    }

    /// The key columns of `groups`, in that order.
    func keyColumns(_ groups: [Int]) throws(EngineError) -> [any ArrowArray] {
        var columns: [any ArrowArray] = []
        for key in keys { columns.append(try key.build(groups)) }
        return columns
    }
}

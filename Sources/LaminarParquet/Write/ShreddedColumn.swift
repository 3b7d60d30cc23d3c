import LaminarArrow

/// One leaf column's share of a batch, shredded into Dremel levels: one definition and repetition level per
/// entry (left empty when the column's maximum level is 0) and the non-null leaf values, still Arrow-typed.
struct ShreddedColumn {
    var definitions: [Int16]
    var repetitions: [Int16]
    var values: any ArrowArray
    var entryCount: Int
}

/// Turns Arrow arrays into levels and values along an `ArrowNode`, the inverse of `RecordAssembler`.
enum LevelShredder {
    /// Shreds `array` (one top-level column of a batch) into one `ShreddedColumn` per leaf under `node`.
    static func shred(_ array: any ArrowArray, node: ArrowNode, columns: [ColumnDescriptor])
        throws(ParquetError) -> [Int: ShreddedColumn]
    {
        if case .primitive(let field, let column, _) = node, columns[column].maxRepetitionLevel == 0,
           columns[column].maxDefinitionLevel <= 1
        {
            return [column: try shredFlat(array, field: field, column: columns[column])]
        }
        let count = array.count
        let entries = Entries(
            definitions: [Int16](repeating: 0, count: count),
            repetitions: [Int16](repeating: 0, count: count),
            indices: Array(0..<Int32(truncatingIfNeeded: count))
        )
        var result: [Int: ShreddedColumn] = [:]
        try shred(array, node: node, entries: entries, columns: columns, into: &result)
        return result
    }

    /// A top-level primitive column: definition level 1 for values, 0 for nulls, no repetition.
    private static func shredFlat(_ array: any ArrowArray, field: Field, column: ColumnDescriptor)
        throws(ParquetError) -> ShreddedColumn
    {
        if column.maxDefinitionLevel == 0 {
            guard array.nullCount == 0 else {
                throw .invalidArgument("column \(field.name) is not nullable but holds \(array.nullCount) nulls")
            }
            return ShreddedColumn(definitions: [], repetitions: [], values: array, entryCount: array.count)
        }
        guard array.nullCount > 0 else {
            return ShreddedColumn(definitions: [Int16](repeating: 1, count: array.count), repetitions: [],
                                  values: array, entryCount: array.count)
        }
        var definitions = [Int16](repeating: 0, count: array.count)
        var valid: [Int] = []
        valid.reserveCapacity(array.count - array.nullCount)
        for index in 0..<array.count where array.isValid(index) {
            definitions[index] = 1
            valid.append(index)
        }
        let values = valid.withUnsafeBufferPointer { array.takeUnchecked($0) }
        return ShreddedColumn(definitions: definitions, repetitions: [], values: values, entryCount: array.count)
    }

    /// Level entries of one node: the definition level reached so far, the repetition level, and the index of the
    /// node's value in its array, or -1 where an ancestor is null or a list is empty.
    private struct Entries {
        var definitions: [Int16]
        var repetitions: [Int16]
        var indices: [Int32]
    }

    private static func shred(_ array: any ArrowArray, node: ArrowNode, entries: Entries,
                              columns: [ColumnDescriptor], into result: inout [Int: ShreddedColumn])
        throws(ParquetError)
    {
        switch node {
        case .primitive(let field, let column, let definition):
            var entries = entries
            var valueIndices: [Int] = []
            for position in entries.indices.indices {
                let index = Int(entries.indices[position])
                guard index >= 0 else { continue }
                if array.isValid(index) {
                    entries.definitions[position] = Int16(definition)
                    valueIndices.append(index)
                } else if !field.isNullable, field.type != .null {
                    throw .invalidArgument("field \(columns[column].dottedPath) is not nullable but holds a null")
                }
            }
            let values = valueIndices.withUnsafeBufferPointer { array.takeUnchecked($0) }
            let levels = columns[column]
            result[column] = ShreddedColumn(
                definitions: levels.maxDefinitionLevel > 0 ? entries.definitions : [],
                repetitions: levels.maxRepetitionLevel > 0 ? entries.repetitions : [],
                values: values, entryCount: entries.indices.count)
        case .structure(let field, let children, let definition):
            guard let structure = array as? StructArray else {
                throw .invalidArgument("field \(field.name) is \(array.dataType), expected a struct")
            }
            var entries = entries
            for position in entries.indices.indices where entries.indices[position] >= 0 {
                if structure.isValid(Int(entries.indices[position])) {
                    entries.definitions[position] = Int16(definition)
                } else {
                    entries.indices[position] = -1
                }
            }
            for (child, childArray) in zip(children, structure.children) {
                try shred(childArray, node: child, entries: entries, columns: columns, into: &result)
            }
        case .list(let field, let element, let definition, let elementDefinition, let repetition):
            guard let list = array as? ListArray else {
                throw .invalidArgument("field \(field.name) is \(array.dataType), expected a list or map")
            }
            var child = Entries(definitions: [], repetitions: [], indices: [])
            child.definitions.reserveCapacity(entries.indices.count)
            child.repetitions.reserveCapacity(entries.indices.count)
            child.indices.reserveCapacity(entries.indices.count)
            for position in entries.indices.indices {
                let index = Int(entries.indices[position])
                var definitionLevel = entries.definitions[position]
                let repetitionLevel = entries.repetitions[position]
                guard index >= 0, list.isValid(index) else {
                    child.definitions.append(definitionLevel)
                    child.repetitions.append(repetitionLevel)
                    child.indices.append(-1)
                    continue
                }
                definitionLevel = Int16(definition)
                let range = list.valueRange(at: index)
                guard !range.isEmpty else {
                    child.definitions.append(definitionLevel)
                    child.repetitions.append(repetitionLevel)
                    child.indices.append(-1)
                    continue
                }
                for item in range {
                    child.definitions.append(Int16(elementDefinition))
                    child.repetitions.append(item == range.lowerBound ? repetitionLevel : Int16(repetition))
                    child.indices.append(Int32(truncatingIfNeeded: item))
                }
            }
            try shred(list.child, node: element, entries: child, columns: columns, into: &result)
        }
    }
}

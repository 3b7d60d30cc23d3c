import LaminarArrow

/// A filter on top-level columns that a reader checks against row-group statistics to skip row groups that
/// cannot hold a matching row. Rows of surviving row groups are not filtered: that is the query engine's job.
public indirect enum ParquetPredicate: Sendable {
    case compare(column: String, ComparisonOperator, ScalarValue)
    case isNull(column: String)
    case isNotNull(column: String)
    case and([ParquetPredicate])
    case or([ParquetPredicate])

    /// False only when the statistics prove no row of the row group matches.
    func mightMatch(rowGroup: RowGroup, reader: ParquetFileReader) -> Bool {
        switch self {
        case .and(let parts): return parts.allSatisfy { $0.mightMatch(rowGroup: rowGroup, reader: reader) }
        case .or(let parts): return parts.contains { $0.mightMatch(rowGroup: rowGroup, reader: reader) }
        case .isNull(let name):
            guard let stats = Self.statistics(name, rowGroup, reader) else { return true }
            return stats.nullCount.map { $0 > 0 } ?? true
        case .isNotNull(let name):
            guard let stats = Self.statistics(name, rowGroup, reader) else { return true }
            return stats.nullCount.map { $0 < rowGroup.numRows } ?? true
        case .compare(let name, let op, let literal):
            guard let (min, max) = Self.bounds(name, rowGroup, reader), !literal.isNull,
                  let lowOrder = Compute.order(literal, min), let highOrder = Compute.order(literal, max)
            else { return true }
            switch op {
            case .equal: return lowOrder >= 0 && highOrder <= 0
            case .notEqual: return !(lowOrder == 0 && highOrder == 0)
            case .less: return lowOrder > 0
            case .lessOrEqual: return lowOrder >= 0
            case .greater: return highOrder < 0
            case .greaterOrEqual: return highOrder <= 0
            }
        }
    }

    private static func statistics(_ name: String, _ rowGroup: RowGroup, _ reader: ParquetFileReader) -> Statistics? {
        guard let field = reader.arrowSchema.index(of: name), case .primitive(_, let column, _) = reader.nodes[field],
              column < rowGroup.columns.count
        else { return nil }
        return rowGroup.columns[column].metaData?.statistics
    }

    /// Min and max as scalars of the column's Arrow type. The deprecated `min`/`max` fields are used only where
    /// their signed byte order agrees with the type's.
    private static func bounds(_ name: String, _ rowGroup: RowGroup, _ reader: ParquetFileReader)
        -> (ScalarValue, ScalarValue)?
    {
        guard let field = reader.arrowSchema.index(of: name),
              case .primitive(let arrowField, let column, _) = reader.nodes[field],
              let stats = statistics(name, rowGroup, reader)
        else { return nil }
        let descriptor = reader.schema.columns[column]
        let legacyIsSound = [.boolean, .int32, .int64, .float, .double].contains(descriptor.physicalType)
            && !(arrowField.type.isInteger && !arrowField.type.isSignedInteger)
        guard let minBytes = stats.minValue ?? (legacyIsSound ? stats.min : nil),
              let maxBytes = stats.maxValue ?? (legacyIsSound ? stats.max : nil),
              let min = descriptor.statisticValue(minBytes),
              let max = descriptor.statisticValue(maxBytes)
        else { return nil }
        return (min, max)
    }
}

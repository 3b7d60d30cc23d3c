import LaminarArrow

/// `delta.columnMapping.mode`: how data files name their columns. With `name`, files use each field's
/// `delta.columnMapping.physicalName`; with `id`, readers match Parquet field ids to
/// `delta.columnMapping.id`. Renames and drops then never rewrite files.
public enum ColumnMapping: String, Sendable {
    case none, name, id

    public init(_ metadata: Metadata) throws(DeltaError) {
        let mode = metadata.configuration["delta.columnMapping.mode"] ?? "none"
        guard let value = ColumnMapping(rawValue: mode) else {
            throw DeltaError(.unsupported, "unknown delta.columnMapping.mode '\(mode)'")
        }
        self = value
    }

    static let physicalNameKey = "delta.columnMapping.physicalName"
    static let idKey = "delta.columnMapping.id"

    /// The physical name of a logical field (its own name without mapping).
    public func physicalName(of field: Field) -> String {
        self == .none ? field.name : field.metadata[Self.physicalNameKey] ?? field.name
    }

    /// `batch` as read from a file, with its columns (and struct fields) renamed to the logical names of
    /// `logical`; columns no logical field claims (dropped columns, a data file's `_change_type`) are left
    /// out.
    func logical(_ batch: RecordBatch, as logical: Schema) throws(DeltaError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [any ArrowArray] = []
        for (field, column) in zip(batch.schema.fields, batch.columns) {
            guard let match = self.match(field, in: logical.fields) else { continue }
            let (renamed, array) = rename(field, column, to: match)
            fields.append(renamed)
            columns.append(array)
        }
        // A batch whose columns are all dropped keeps its row count.
        guard !columns.isEmpty else { return RecordBatch(emptySchemaRowCount: batch.rowCount) }
        do {
            return try RecordBatch(schema: Schema(fields), columns: columns)
        } catch {
            throw DeltaError(.corruptLog, "renaming physical columns: \(error)")
        }
    }

    /// The logical field a file's field stands for, if any.
    func match(_ field: Field, in candidates: [Field]) -> Field? {
        switch self {
        case .none: return candidates.first { $0.name.lowercased() == field.name.lowercased() }
        case .name: return candidates.first { physicalName(of: $0) == field.name }
        case .id:
            // Columns outside the mapping, such as a change data file's `_change_type`, carry no id.
            guard let id = field.fieldID else { return candidates.first { $0.metadata[Self.idKey] == nil && $0.name == field.name } }
            return candidates.first { $0.metadata[Self.idKey].flatMap { Int($0) } == id }
        }
    }

    private func rename(_ field: Field, _ column: any ArrowArray, to logical: Field) -> (Field, any ArrowArray) {
        let (type, array) = rename(column, from: field.type, to: logical.type)
        return (Field(name: logical.name, type: type, nullable: field.isNullable, metadata: field.metadata), array)
    }

    /// Renames the struct fields inside `column`, however deep (in lists, maps and structs), to the logical
    /// names; list and map entries are matched by position, struct fields by physical name or id.
    private func rename(_ column: any ArrowArray, from physical: DataType, to logical: DataType) -> (DataType, any ArrowArray) {
        switch (physical, logical) {
        case (.struct(let physicalChildren), .struct(let logicalChildren)):
            guard let structArray = column as? StructArray else { return (physical, column) }
            var children: [Field] = []
            var arrays: [any ArrowArray] = []
            for (child, array) in zip(physicalChildren, structArray.children) {
                guard let match = match(child, in: logicalChildren) else { continue }
                let (renamed, renamedArray) = rename(child, array, to: match)
                children.append(renamed)
                arrays.append(renamedArray)
            }
            return (.struct(children), StructArray(fields: children, children: arrays, count: structArray.count, validity: structArray.validity))
        case (.list(let element), .list(let logicalElement)):
            guard let list = column as? ListArray else { return (physical, column) }
            let (type, child) = rename(list.child, from: element.type, to: logicalElement.type)
            let renamed = DataType.list(Field(name: element.name, type: type, nullable: element.isNullable, metadata: element.metadata))
            return (renamed, ListArray(dataType: renamed, offsets: list.offsetBuffer, child: child, offset: list.offset, count: list.count,
                                       validity: list.validity))
        case (.map(let entries, let sorted), .map(let logicalEntries, _)):
            guard let list = column as? ListArray, let pairs = list.child as? StructArray,
                  case .struct(let physicalPair) = entries.type, case .struct(let logicalPair) = logicalEntries.type,
                  physicalPair.count == logicalPair.count else { return (physical, column) }
            var fields: [Field] = []
            var arrays: [any ArrowArray] = []
            for ((child, array), target) in zip(zip(physicalPair, pairs.children), logicalPair) {
                let (type, renamedArray) = rename(array, from: child.type, to: target.type)
                fields.append(Field(name: child.name, type: type, nullable: child.isNullable, metadata: child.metadata))
                arrays.append(renamedArray)
            }
            let entriesField = Field(name: entries.name, type: .struct(fields), nullable: entries.isNullable, metadata: entries.metadata)
            let renamed = DataType.map(entries: entriesField, keysSorted: sorted)
            let child = StructArray(fields: fields, children: arrays, count: pairs.count, validity: pairs.validity)
            return (renamed, ListArray(dataType: renamed, offsets: list.offsetBuffer, child: child, offset: list.offset, count: list.count,
                                       validity: list.validity))
        default:
            return (physical, column)
        }
    }
}

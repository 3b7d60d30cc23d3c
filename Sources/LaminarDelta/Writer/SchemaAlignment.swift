import LaminarArrow

/// How a stream's batches become rows of a table: columns matched by name (ignoring case, as Delta
/// requires names to be unique that way), missing nullable columns filled with nulls, narrower numbers
/// widened, and, when evolution is on, new stream columns added to the table as nullable columns.
public struct SchemaAlignment: Sendable {
    /// The table's schema after this alignment (with any evolved columns).
    public let tableSchema: Schema
    /// Columns the stream adds to the table; non-empty means a `metaData` update must be committed.
    public let addedColumns: [String]
    /// For each table column, the stream column it reads, nil for a column filled with nulls.
    let sources: [Int?]

    /// The types Delta has for `schema`: unsigned integers widened to the next signed type (`uint64` to
    /// `decimal(20,0)`), timestamps in microseconds (`timestamp` when zoned, `timestamp_ntz` otherwise),
    /// fixed-size binary as binary, and all-null columns as strings.
    public static func deltaTypes(_ schema: Schema) throws(DeltaError) -> Schema {
        var fields: [Field] = []
        for field in schema.fields { fields.append(try deltaField(field, path: field.name)) }
        return Schema(fields, metadata: schema.metadata)
    }

    static func deltaField(_ field: Field, path: String) throws(DeltaError) -> Field {
        Field(name: field.name, type: try deltaType(field.type, path: path), nullable: field.isNullable, metadata: field.metadata)
    }

    static func deltaType(_ type: DataType, path: String) throws(DeltaError) -> DataType {
        switch type {
        case .uint8: return .int16
        case .uint16: return .int32
        case .uint32: return .int64
        case .uint64: return .decimal128(precision: 20, scale: 0)
        case .null: return .utf8
        case .fixedSizeBinary: return .binary
        case .timestamp(_, let zone): return .timestamp(.microsecond, timeZone: zone == nil ? nil : "UTC")
        case .time64:
            throw DeltaError(.unsupported, "column \(path): Delta has no time-of-day type; cast it to a string or to microseconds")
        case .list(let element): return .list(try deltaField(element, path: path + "[]"))
        case .struct(let fields):
            var children: [Field] = []
            for child in fields { children.append(try deltaField(child, path: path + "." + child.name)) }
            return .struct(children)
        case .map(let entries, let sorted):
            return .map(entries: try deltaField(entries, path: path), keysSorted: sorted)
        default: return type
        }
    }

    /// Matches `stream` (already in Delta's types) against `table`; `evolve` lets new stream columns in.
    public init(stream: Schema, table: Schema, evolve: Bool, location: String) throws(DeltaError) {
        var sources: [Int?] = []
        var problems: [String] = []
        for field in table.fields {
            guard let index = stream.index(ofCaseInsensitive: field.name) else {
                if !field.isNullable { problems.append("column \(field.name) is NOT NULL in the table but missing from the stream") }
                sources.append(nil)
                continue
            }
            let given = stream.fields[index].type
            if !Self.fits(given, into: field.type) {
                problems.append("column \(field.name): the stream has \(given), the table has \(field.type)")
            }
            sources.append(index)
        }
        var fields = table.fields
        var added: [String] = []
        for (index, field) in stream.fields.enumerated() where table.index(ofCaseInsensitive: field.name) == nil {
            guard evolve else {
                problems.append("column \(field.name) is not in the table (set schema_evolution = true to add it)")
                continue
            }
            fields.append(Field(name: field.name, type: field.type, nullable: true, metadata: field.metadata))
            sources.append(index)
            added.append(field.name)
        }
        guard problems.isEmpty else {
            throw DeltaError(.schemaMismatch, "the stream does not fit the table at \(location): " + problems.joined(separator: "; "))
        }
        self.tableSchema = Schema(fields, metadata: table.metadata)
        self.addedColumns = added
        self.sources = sources
    }

    /// Whether values of `given` can be stored in a column of `target` without loss.
    /// These are the widenings of Delta's type widening feature: wider integers, `float` to `double`,
    /// `byte`, `short` and `int` to `double` (exactly), integers to decimals with room for every value, decimals to more precision, and
    /// `date` to `timestamp_ntz`.
    public static func fits(_ given: DataType, into target: DataType) -> Bool {
        if sameShape(given, target) { return true }
        let integers: [DataType] = [.int8, .int16, .int32, .int64]
        let integerDigits = [3, 5, 10, 20]
        switch (given, target) {
        case (.float32, .float64): return true
        case (.date32, .timestamp(_, nil)): return true
        case (.decimal128(let p1, let s1), .decimal128(let p2, let s2)): return s2 >= s1 && p2 - s2 >= p1 - s1
        case (_, .decimal128(let precision, let scale)):
            guard let from = integers.firstIndex(of: given) else { return false }
            return precision - scale >= integerDigits[from]
        case (_, .float64): return [.int8, .int16, .int32].contains(given)
        default:
            guard let from = integers.firstIndex(of: given), let to = integers.firstIndex(of: target) else { return false }
            return from <= to
        }
    }

    /// Types equal up to nullability, field metadata and the names Arrow gives list and map entries.
    static func sameShape(_ a: DataType, _ b: DataType) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return sameShape(x.type, y.type)
        case (.struct(let x), .struct(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.name.lowercased() == $1.name.lowercased() && sameShape($0.type, $1.type) }
        case (.map(let x, _), .map(let y, _)): return sameShape(x.type, y.type)
        default: return a == b
        }
    }

    /// `batch` (of the stream's schema) as a batch of the table's schema.
    public func align(_ batch: RecordBatch) throws(DeltaError) -> RecordBatch {
        var columns: [any ArrowArray] = []
        for (field, source) in zip(tableSchema.fields, sources) {
            guard let source else {
                columns.append(makeNullArray(type: field.type, count: batch.rowCount))
                continue
            }
            var column = batch.columns[source]
            if !field.isNullable, column.nullCount > 0 {
                throw DeltaError(.schemaMismatch, "column \(field.name) is NOT NULL in the table, but the stream sent \(column.nullCount) nulls")
            }
            if column.dataType != field.type {
                do {
                    column = try Compute.cast(column, to: field.type)
                } catch {
                    throw DeltaError(.schemaMismatch, "column \(field.name): cannot convert \(column.dataType) to \(field.type): \(error)")
                }
            }
            columns.append(column)
        }
        do {
            return try RecordBatch(schema: tableSchema, columns: columns)
        } catch {
            throw DeltaError(.schemaMismatch, "building a batch of the table's schema: \(error)")
        }
    }
}

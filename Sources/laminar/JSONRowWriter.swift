import LaminarArrow

/// Writes the rows of a batch as JSON lines: one object per row, keys in schema order.
///
/// Values follow what Spark's JSON writer and most JSON consumers expect: integers and finite floats as numbers,
/// NaN and the infinities as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (JSON has no literal for them),
/// decimals as strings keeping their scale, dates, times and timestamps in ISO 8601 (timestamps with `Z` when they
/// are instants), binary as base64, structs as objects, lists as arrays, and maps as objects when their keys are
/// strings, else as arrays of `{"key":…,"value":…}`.
///
/// The columns are resolved to their concrete array types once per batch (`JSONColumn`), so the per-value work
/// is one switch and bytes appended to a buffer.
struct JSONRowWriter {
    private let keys: [[UInt8]]
    private let columns: [JSONColumn]

    init(_ batch: RecordBatch) {
        keys = JSONColumn.objectKeys(batch.schema.fields)
        columns = batch.columns.map(JSONColumn.init)
    }

    /// Row `row` as one JSON object and a newline.
    func appendRow(_ row: Int, to out: inout [UInt8]) {
        if columns.isEmpty { out.append(UInt8(ascii: "{")) }
        for index in columns.indices {
            out.append(contentsOf: keys[index])
            columns[index].append(row, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        out.append(UInt8(ascii: "\n"))
    }
}

/// One Arrow array cast to its concrete type, with its children resolved the same way, so rendering a value
/// needs no dynamic casts.
indirect enum JSONColumn {
    case null
    case boolean(BooleanArray)
    case int8(PrimitiveArray<Int8>)
    case int16(PrimitiveArray<Int16>)
    case int32(PrimitiveArray<Int32>)
    case int64(PrimitiveArray<Int64>)
    case uint8(PrimitiveArray<UInt8>)
    case uint16(PrimitiveArray<UInt16>)
    case uint32(PrimitiveArray<UInt32>)
    case uint64(PrimitiveArray<UInt64>)
    case float32(PrimitiveArray<Float>)
    case float64(PrimitiveArray<Double>)
    case decimal(PrimitiveArray<Int128>, scale: Int)
    case string(StringArray)
    case binary(BinaryArray)
    case fixedSizeBinary(FixedSizeBinaryArray)
    case date(PrimitiveArray<Int32>)
    case time(PrimitiveArray<Int64>, TimeUnit)
    case timestamp(PrimitiveArray<Int64>, TimeUnit, utc: Bool)
    case list(ListArray, element: JSONColumn)
    /// `stringKeys` maps print as objects, others as arrays of key/value objects.
    case map(ListArray, key: JSONColumn, value: JSONColumn, stringKeys: Bool)
    /// `keys` are the pre-rendered `"name":` prefixes, the first with `{`, the others with `,`.
    case structure(StructArray, keys: [[UInt8]], children: [JSONColumn])
    /// An array whose concrete type does not match its data type; printed through its scalars' text.
    case other(any ArrowArray)

    init(_ array: any ArrowArray) {
        switch array.dataType {
        case .null: self = .null
        case .boolean: self = Self.cast(array, BooleanArray.self, Self.boolean)
        case .int8: self = Self.cast(array, PrimitiveArray<Int8>.self, Self.int8)
        case .int16: self = Self.cast(array, PrimitiveArray<Int16>.self, Self.int16)
        case .int32: self = Self.cast(array, PrimitiveArray<Int32>.self, Self.int32)
        case .int64: self = Self.cast(array, PrimitiveArray<Int64>.self, Self.int64)
        case .uint8: self = Self.cast(array, PrimitiveArray<UInt8>.self, Self.uint8)
        case .uint16: self = Self.cast(array, PrimitiveArray<UInt16>.self, Self.uint16)
        case .uint32: self = Self.cast(array, PrimitiveArray<UInt32>.self, Self.uint32)
        case .uint64: self = Self.cast(array, PrimitiveArray<UInt64>.self, Self.uint64)
        case .float32: self = Self.cast(array, PrimitiveArray<Float>.self, Self.float32)
        case .float64: self = Self.cast(array, PrimitiveArray<Double>.self, Self.float64)
        case .decimal128(_, let scale):
            self = Self.cast(array, PrimitiveArray<Int128>.self) { .decimal($0, scale: scale) }
        case .utf8: self = Self.cast(array, StringArray.self, Self.string)
        case .binary: self = Self.cast(array, BinaryArray.self, Self.binary)
        case .fixedSizeBinary: self = Self.cast(array, FixedSizeBinaryArray.self, Self.fixedSizeBinary)
        case .date32: self = Self.cast(array, PrimitiveArray<Int32>.self, Self.date)
        case .time64(let unit): self = Self.cast(array, PrimitiveArray<Int64>.self) { .time($0, unit) }
        case .timestamp(let unit, let zone):
            self = Self.cast(array, PrimitiveArray<Int64>.self) { .timestamp($0, unit, utc: zone != nil) }
        case .list:
            self = Self.cast(array, ListArray.self) { .list($0, element: JSONColumn($0.child)) }
        case .map(_, _):
            guard let list = array as? ListArray, let entries = list.child as? StructArray,
                  entries.children.count == 2
            else {
                self = .other(array)
                return
            }
            self = .map(list, key: JSONColumn(entries.children[0]), value: JSONColumn(entries.children[1]),
                        stringKeys: entries.children[0].dataType == .utf8)
        case .struct:
            self = Self.cast(array, StructArray.self) {
                .structure($0, keys: Self.objectKeys($0.fields), children: $0.children.map(JSONColumn.init))
            }
        }
    }

    /// The `{"name":` and `,"name":` prefixes of an object's members, rendered once per batch.
    static func objectKeys(_ fields: [Field]) -> [[UInt8]] {
        fields.enumerated().map { index, field in
            var key: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            TextBytes.appendJSONString(field.name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    private static func cast<A>(_ array: any ArrowArray, _: A.Type, _ make: (A) -> JSONColumn) -> JSONColumn {
        guard let typed = array as? A else { return .other(array) }
        return make(typed)
    }

    /// Appends element `row` as JSON.
    func append(_ row: Int, to out: inout [UInt8]) {
        append(row, quoted: true, to: &out)
    }

    /// Appends element `row` as a CSV cell's text: like JSON, but strings, decimals, dates, times, binary and the
    /// non-finite floats unquoted and unescaped (nested values stay JSON). Returns false for null, writing nothing.
    @discardableResult
    func appendText(_ row: Int, to out: inout [UInt8]) -> Bool {
        switch self {
        case .string(let array):
            guard array.isValid(row) else { return false }
            array.withBytes(at: row) { TextBytes.appendText($0, to: &out) }
            return true
        case .list, .map, .structure:
            guard isValid(row) else { return false }
            append(row, quoted: true, to: &out)
            return true
        default:
            guard isValid(row) else { return false }
            append(row, quoted: false, to: &out)
            return true
        }
    }

    func isValid(_ row: Int) -> Bool {
        switch self {
        case .null: false
        case .boolean(let array): array.isValid(row)
        case .int8(let array): array.isValid(row)
        case .int16(let array): array.isValid(row)
        case .int32(let array), .date(let array): array.isValid(row)
        case .int64(let array), .time(let array, _), .timestamp(let array, _, _): array.isValid(row)
        case .uint8(let array): array.isValid(row)
        case .uint16(let array): array.isValid(row)
        case .uint32(let array): array.isValid(row)
        case .uint64(let array): array.isValid(row)
        case .float32(let array): array.isValid(row)
        case .float64(let array): array.isValid(row)
        case .decimal(let array, _): array.isValid(row)
        case .string(let array): array.isValid(row)
        case .binary(let array): array.isValid(row)
        case .fixedSizeBinary(let array): array.isValid(row)
        case .list(let array, _), .map(let array, _, _, _): array.isValid(row)
        case .structure(let array, _, _): array.isValid(row)
        case .other(let array): array.isValid(row)
        }
    }

    // The `quoted` flag only matters for scalars JSON spells as strings; the CSV writer turns it off.
    private func append(_ row: Int, quoted: Bool, to out: inout [UInt8]) {
        guard isValid(row) else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let quote = TextBytes.quote
        switch self {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .boolean(let array):
            out.append(contentsOf: array.value(at: row) ? "true".utf8 : "false".utf8)
        case .int8(let array): TextBytes.appendSigned(Int64(array.value(at: row)), to: &out)
        case .int16(let array): TextBytes.appendSigned(Int64(array.value(at: row)), to: &out)
        case .int32(let array): TextBytes.appendSigned(Int64(array.value(at: row)), to: &out)
        case .int64(let array): TextBytes.appendSigned(array.value(at: row), to: &out)
        case .uint8(let array): TextBytes.appendUnsigned(UInt64(array.value(at: row)), to: &out)
        case .uint16(let array): TextBytes.appendUnsigned(UInt64(array.value(at: row)), to: &out)
        case .uint32(let array): TextBytes.appendUnsigned(UInt64(array.value(at: row)), to: &out)
        case .uint64(let array): TextBytes.appendUnsigned(array.value(at: row), to: &out)
        case .float32(let array): TextBytes.appendFloat(array.value(at: row), quoted: quoted, to: &out)
        case .float64(let array): TextBytes.appendFloat(array.value(at: row), quoted: quoted, to: &out)
        case .decimal(let array, let scale):
            if quoted { out.append(quote) }
            TextBytes.appendDecimal(array.value(at: row), scale: scale, to: &out)
            if quoted { out.append(quote) }
        case .string(let array):
            array.withBytes(at: row) { TextBytes.appendJSONString($0, to: &out) }
        case .binary(let array):
            if quoted { out.append(quote) }
            array.withBytes(at: row) { TextBytes.appendBase64($0, to: &out) }
            if quoted { out.append(quote) }
        case .fixedSizeBinary(let array):
            if quoted { out.append(quote) }
            array.withBytes(at: row) { TextBytes.appendBase64($0, to: &out) }
            if quoted { out.append(quote) }
        case .date(let array):
            if quoted { out.append(quote) }
            TextBytes.appendDate(days: Int64(array.value(at: row)), to: &out)
            if quoted { out.append(quote) }
        case .time(let array, let unit):
            if quoted { out.append(quote) }
            TextBytes.appendTime(array.value(at: row), unit: unit, to: &out)
            if quoted { out.append(quote) }
        case .timestamp(let array, let unit, let utc):
            if quoted { out.append(quote) }
            TextBytes.appendTimestamp(array.value(at: row), unit: unit, utc: utc, to: &out)
            if quoted { out.append(quote) }
        case .list(let array, let element):
            out.append(UInt8(ascii: "["))
            let range = array.valueRange(at: row)
            for child in range {
                if child != range.lowerBound { out.append(UInt8(ascii: ",")) }
                element.append(child, quoted: true, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let array, let key, let value, let stringKeys):
            appendMap(array.valueRange(at: row), key: key, value: value, asObject: stringKeys, to: &out)
        case .structure(_, let keys, let children):
            if children.isEmpty { out.append(UInt8(ascii: "{")) }
            for index in children.indices {
                out.append(contentsOf: keys[index])
                children[index].append(row, quoted: true, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .other(let array):
            let text = array.scalar(at: row).description
            if quoted { TextBytes.appendJSONString(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        }
    }

    private func appendMap(_ entries: Range<Int>, key: JSONColumn, value: JSONColumn, asObject: Bool,
                           to out: inout [UInt8]) {
        out.append(asObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        for entry in entries {
            if entry != entries.lowerBound { out.append(UInt8(ascii: ",")) }
            if asObject {
                // Keys are non-null strings in a valid map; a null one still leaves the object parseable.
                if key.isValid(entry) {
                    key.append(entry, quoted: true, to: &out)
                } else {
                    out.append(contentsOf: "\"\"".utf8)
                }
                out.append(UInt8(ascii: ":"))
            } else {
                out.append(contentsOf: "{\"key\":".utf8)
                key.append(entry, quoted: true, to: &out)
                out.append(contentsOf: ",\"value\":".utf8)
            }
            value.append(entry, quoted: true, to: &out)
            if !asObject { out.append(UInt8(ascii: "}")) }
        }
        out.append(asObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }
}

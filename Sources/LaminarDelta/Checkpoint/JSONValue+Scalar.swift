import LaminarArrow

/// Checkpoints hold the log's actions as Parquet columns; these conversions carry them to and from the JSON
/// shape the action types decode, so a checkpoint row and a commit line go through one decoder.
extension JSONValue {
    /// The JSON a checkpoint value stands for. Null struct fields are left out, as a commit line would
    /// leave them out; null map values stay (a null partition value is meaningful).
    init(_ scalar: ScalarValue) {
        switch scalar {
        case .null: self = .null
        case .boolean(let value): self = .bool(value)
        case .int8(let value): self = .integer(Int64(value))
        case .int16(let value): self = .integer(Int64(value))
        case .int32(let value): self = .integer(Int64(value))
        case .int64(let value): self = .integer(value)
        case .uint8(let value): self = .integer(Int64(value))
        case .uint16(let value): self = .integer(Int64(value))
        case .uint32(let value): self = .integer(Int64(value))
        case .uint64(let value): self = value <= UInt64(Int64.max) ? .integer(Int64(value)) : .number(Double(value))
        case .float32(let value): self = .number(Double(value))
        case .float64(let value): self = .number(value)
        case .decimal128, .time64, .timestamp, .date32: self = .string(scalar.description)
        case .utf8(let value): self = .string(value)
        case .binary(let bytes), .fixedSizeBinary(let bytes): self = .string(String(decoding: bytes, as: UTF8.self))
        case .list(let elements, _):
            var values: [JSONValue] = []
            for element in elements { values.append(JSONValue(element)) }
            self = .array(values)
        case .struct(let values, let fields):
            var object: [String: JSONValue] = [:]
            for (field, value) in zip(fields, values) where value != .null { object[field.name] = JSONValue(value) }
            self = .object(object)
        case .map(let keys, let values, _):
            var object: [String: JSONValue] = [:]
            for (key, value) in zip(keys, values) {
                let name: String
                if case .utf8(let text) = key { name = text } else { name = key.description }
                object[name] = JSONValue(value)
            }
            self = .object(object)
        }
    }

    /// The checkpoint value of type `type` for this JSON; `path` names the field in errors.
    func scalar(as type: DataType, path: String) throws(DeltaError) -> ScalarValue {
        if self == .null { return .null }
        switch (type, self) {
        case (.utf8, .string(let text)): return .utf8(text)
        case (.boolean, .bool(let value)): return .boolean(value)
        case (.int64, .integer(let value)): return .int64(value)
        case (.int32, .integer(let value)):
            guard let narrow = Int32(exactly: value) else { break }
            return .int32(narrow)
        case (.struct(let fields), .object(let object)):
            var values: [ScalarValue] = []
            for field in fields {
                values.append(try (object[field.name] ?? .null).scalar(as: field.type, path: path + "." + field.name))
            }
            return .struct(values, fields: fields)
        case (.list(let element), .array(let items)):
            var values: [ScalarValue] = []
            for item in items { values.append(try item.scalar(as: element.type, path: path + "[]")) }
            return .list(values, element: element)
        case (.map, .object(let object)):
            guard let (_, valueField) = type.mapKeyValue else { break }
            var keys: [ScalarValue] = []
            var values: [ScalarValue] = []
            for key in object.keys.sorted() {
                keys.append(.utf8(key))
                values.append(try (object[key] ?? .null).scalar(as: valueField.type, path: path + "[\(key)]"))
            }
            return .map(keys: keys, values: values, type: type)
        default: break
        }
        throw DeltaError(.invalidArgument, "\(path): cannot store \(self) as \(type) in a checkpoint")
    }
}

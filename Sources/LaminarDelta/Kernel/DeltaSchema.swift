import Foundation
import LaminarArrow

/// Delta's schema string (Spark's JSON schema) to and from Arrow.
///
/// Delta timestamps are microseconds: `timestamp` is UTC-adjusted (Arrow `timestamp(us, "UTC")`),
/// `timestamp_ntz` is wall-clock time (no zone). Field metadata values that are not strings (column
/// mapping ids) are kept as their JSON text.
public enum DeltaSchema {
    public static func arrowSchema(fromJSON text: String) throws(DeltaError) -> Schema {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw DeltaError(.corruptLog, "schemaString is not JSON: \(error)")
        }
        guard case .struct(let fields) = try dataType(root, path: "schema") else {
            throw DeltaError(.corruptLog, "schemaString is not a struct")
        }
        return Schema(fields)
    }

    public static func json(for schema: Schema) throws(DeltaError) -> String {
        var fields: [JSONValue] = []
        for child in schema.fields { fields.append(try field(child)) }
        let value = JSONValue.object(["type": .string("struct"), "fields": .array(fields)])
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw DeltaError(.invalidArgument, "encoding the schema: \(error)")
        }
    }

    /// The type as Spark's SQL prints it: `bigint`-style names are Delta's own (`long`, `string`, …), nested
    /// types as `array<…>`, `map<…,…>` and `struct<name:type,…>`.
    public static func typeName(_ type: DataType) -> String {
        guard let json = try? json(for: type, path: "") else { return "\(type)" }
        return typeName(json)
    }

    private static func typeName(_ json: JSONValue) -> String {
        switch json {
        case .string(let name): return name
        case .object(let object):
            switch object["type"] {
            case .string("array")?: return "array<" + typeName(object["elementType"] ?? .null) + ">"
            case .string("map")?: return "map<" + typeName(object["keyType"] ?? .null) + "," + typeName(object["valueType"] ?? .null) + ">"
            case .string("struct")?:
                guard case .array(let fields)? = object["fields"] else { return "struct<>" }
                let parts = fields.map { field -> String in
                    guard case .object(let entry) = field, case .string(let name)? = entry["name"] else { return "?" }
                    return name + ":" + typeName(entry["type"] ?? .null)
                }
                return "struct<" + parts.joined(separator: ",") + ">"
            default: return "?"
            }
        default: return "?"
        }
    }

    // MARK: Reading

    private static func dataType(_ value: JSONValue, path: String) throws(DeltaError) -> DataType {
        switch value {
        case .string(let name): return try primitive(name, path: path)
        case .object(let object):
            guard case .string(let kind)? = object["type"] else { throw DeltaError(.corruptLog, "\(path): a type without \"type\"") }
            switch kind {
            case "struct":
                guard case .array(let entries)? = object["fields"] else { throw DeltaError(.corruptLog, "\(path): a struct without fields") }
                var fields: [Field] = []
                for entry in entries { fields.append(try field(entry, path: path)) }
                return .struct(fields)
            case "array":
                guard let element = object["elementType"] else { throw DeltaError(.corruptLog, "\(path): an array without elementType") }
                return .list(of: try dataType(element, path: path + "[]"), nullable: object["containsNull"] != .bool(false))
            case "map":
                guard let key = object["keyType"], let value = object["valueType"] else {
                    throw DeltaError(.corruptLog, "\(path): a map without keyType or valueType")
                }
                return .map(key: try dataType(key, path: path + ".key"), value: try dataType(value, path: path + ".value"),
                            valueNullable: object["valueContainsNull"] != .bool(false))
            default:
                throw DeltaError(.unsupported, "\(path): unknown complex type \(kind)")
            }
        default:
            throw DeltaError(.corruptLog, "\(path): a type must be a string or an object")
        }
    }

    private static func field(_ value: JSONValue, path: String) throws(DeltaError) -> Field {
        guard case .object(let object) = value, case .string(let name)? = object["name"], let type = object["type"] else {
            throw DeltaError(.corruptLog, "\(path): a field without name or type")
        }
        var metadata: [String: String] = [:]
        if case .object(let entries)? = object["metadata"] {
            for (key, entry) in entries {
                switch entry {
                case .string(let text): metadata[key] = text
                case .integer(let number): metadata[key] = String(number)
                default:
                    if let data = try? JSONEncoder().encode(entry) { metadata[key] = String(decoding: data, as: UTF8.self) }
                }
            }
        }
        return Field(name: name, type: try dataType(type, path: path + "." + name), nullable: object["nullable"] != .bool(false),
                     metadata: metadata)
    }

    private static func primitive(_ name: String, path: String) throws(DeltaError) -> DataType {
        switch name {
        case "string": return .utf8
        case "long": return .int64
        case "integer": return .int32
        case "short": return .int16
        case "byte": return .int8
        case "float": return .float32
        case "double": return .float64
        case "boolean": return .boolean
        case "binary": return .binary
        case "date": return .date32
        case "timestamp": return .timestamp(.microsecond, timeZone: "UTC")
        case "timestamp_ntz": return .timestamp(.microsecond, timeZone: nil)
        default:
            if name.hasPrefix("decimal(") && name.hasSuffix(")") {
                let parts = name.dropFirst(8).dropLast().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                if parts.count == 2, let precision = parts[0], let scale = parts[1], (1...38).contains(precision), (0...precision).contains(scale) {
                    return .decimal128(precision: precision, scale: scale)
                }
            }
            throw DeltaError(.unsupported, "\(path): unsupported Delta type \(name)")
        }
    }

    // MARK: Writing

    private static func field(_ field: Field) throws(DeltaError) -> JSONValue {
        .object([
            "name": .string(field.name), "type": try json(for: field.type, path: field.name),
            "nullable": .bool(field.isNullable),
            "metadata": .object(field.metadata.filter { !$0.key.hasPrefix("PARQUET:") }.mapValues { .string($0) }),
        ])
    }

    private static func json(for type: DataType, path: String) throws(DeltaError) -> JSONValue {
        switch type {
        case .utf8: return .string("string")
        case .int64: return .string("long")
        case .int32: return .string("integer")
        case .int16: return .string("short")
        case .int8: return .string("byte")
        case .float32: return .string("float")
        case .float64: return .string("double")
        case .boolean: return .string("boolean")
        case .binary: return .string("binary")
        case .date32: return .string("date")
        case .timestamp(_, let zone): return .string(zone == nil ? "timestamp_ntz" : "timestamp")
        case .decimal128(let precision, let scale): return .string("decimal(\(precision),\(scale))")
        case .list(let element):
            return .object(["type": .string("array"), "elementType": try json(for: element.type, path: path + "[]"),
                            "containsNull": .bool(element.isNullable)])
        case .struct(let fields):
            var entries: [JSONValue] = []
            for child in fields { entries.append(try field(child)) }
            return .object(["type": .string("struct"), "fields": .array(entries)])
        case .map:
            guard let (key, value) = type.mapKeyValue else { throw DeltaError(.unsupported, "\(path): malformed map") }
            return .object(["type": .string("map"), "keyType": try json(for: key.type, path: path + ".key"),
                            "valueType": try json(for: value.type, path: path + ".value"),
                            "valueContainsNull": .bool(value.isNullable)])
        default:
            throw DeltaError(.unsupported, "\(path): Delta has no type for \(type); cast it (for example to a signed integer or a string)")
        }
    }
}

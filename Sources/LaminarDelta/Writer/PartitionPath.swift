import LaminarObjectStore

/// Where a partition's files go, and how `add.path` spells a file: two layers of escaping that readers undo
/// in one step each, so paths are never rebuilt from values.
public enum PartitionPath {
    /// The Hive directory name of one partition column: `column=value`, with Spark's (and Hive's) escaping of
    /// characters that are unsafe in paths, and `__HIVE_DEFAULT_PARTITION__` for null.
    public static func directory(column: String, value: String?) -> String {
        escape(column) + "=" + (value.map(escape) ?? "__HIVE_DEFAULT_PARTITION__")
    }

    /// The relative directory of a partition, columns in the table's partition order.
    public static func directory(columns: [String], values: [String: String?]) -> String {
        columns.map { directory(column: $0, value: values[$0] ?? nil) }.joined(separator: "/")
    }

    /// Hive's escaping: control characters and `"#%'*/:=?\{[]^` become `%XX` (upper-case hex of the byte).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsHiveEscape(scalar) {
                result += "%" + hex(UInt8(scalar.value))
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `add.path` for a relative object key: an RFC 2396 URI reference, so `%`, spaces and anything outside
    /// the unreserved set are percent-encoded (UTF-8 bytes); `/` and `=` stay, as in Spark's paths.
    public static func uriEncode(_ key: String) -> String {
        URIEncoding.encode(key, alsoKeeping: [UInt8(ascii: "/"), UInt8(ascii: "=")])
    }

    /// The object key `add.path` names (one round of percent-decoding), or nil for a malformed escape.
    public static func uriDecode(_ path: String) -> String? {
        URIEncoding.decode(path)
    }

    private static func needsHiveEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x01...0x1F, 0x7F: true
        case 0x22, 0x23, 0x25, 0x27, 0x2A, 0x2F, 0x3A, 0x3D, 0x3F, 0x5C, 0x7B, 0x5B, 0x5D, 0x5E: true
        default: false
        }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)

    private static func hex(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}

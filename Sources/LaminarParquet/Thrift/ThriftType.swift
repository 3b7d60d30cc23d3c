/// Element types of the Thrift compact protocol, as they appear in field headers and container headers.
public enum ThriftType: UInt8, Sendable, CustomStringConvertible {
    case stop = 0
    /// In field headers a boolean's value is its type: `booleanTrue` or `booleanFalse`.
    case booleanTrue = 1
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
    case uuid = 13

    public var description: String {
        switch self {
        case .stop: "stop"
        case .booleanTrue, .booleanFalse: "bool"
        case .byte: "byte"
        case .i16: "i16"
        case .i32: "i32"
        case .i64: "i64"
        case .double: "double"
        case .binary: "binary"
        case .list: "list"
        case .set: "set"
        case .map: "map"
        case .struct: "struct"
        case .uuid: "uuid"
        }
    }
}

/// One line of a Delta commit file: an object with a single key naming the action.
///
/// Actions this module does not model (`domainMetadata`, `checkpointMetadata`, `sidecar`, future ones) are
/// kept as ``unknown(_:_:)`` so reading and rewriting a log never drops them.
public enum DeltaAction: Codable, Hashable, Sendable {
    case protocolVersions(ProtocolAction)
    case metadata(Metadata)
    case add(AddFile)
    case remove(RemoveFile)
    case cdc(AddCDCFile)
    case transaction(TransactionAction)
    case commitInfo([String: JSONValue])
    case unknown(String, JSONValue)

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "an action is an object with exactly one key, found \(container.allKeys.map(\.stringValue))"))
        }
        switch key.stringValue {
        case "protocol": self = .protocolVersions(try container.decode(ProtocolAction.self, forKey: key))
        case "metaData": self = .metadata(try container.decode(Metadata.self, forKey: key))
        case "add": self = .add(try container.decode(AddFile.self, forKey: key))
        case "remove": self = .remove(try container.decode(RemoveFile.self, forKey: key))
        case "cdc": self = .cdc(try container.decode(AddCDCFile.self, forKey: key))
        case "txn": self = .transaction(try container.decode(TransactionAction.self, forKey: key))
        case "commitInfo": self = .commitInfo(try container.decode([String: JSONValue].self, forKey: key))
        default: self = .unknown(key.stringValue, try container.decode(JSONValue.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .protocolVersions(let value): try container.encode(value, forKey: Key("protocol"))
        case .metadata(let value): try container.encode(value, forKey: Key("metaData"))
        case .add(let value): try container.encode(value, forKey: Key("add"))
        case .remove(let value): try container.encode(value, forKey: Key("remove"))
        case .cdc(let value): try container.encode(value, forKey: Key("cdc"))
        case .transaction(let value): try container.encode(value, forKey: Key("txn"))
        case .commitInfo(let value): try container.encode(value, forKey: Key("commitInfo"))
        case .unknown(let name, let value): try container.encode(value, forKey: Key(name))
        }
    }
}

import Foundation

/// Where a file's deletion vector is and what it holds, as `add.deletionVector` describes it.
public struct DeletionVectorDescriptor: Codable, Hashable, Sendable {
    /// `u`: a file named by a UUID beside the table root; `i`: inline; `p`: an absolute path.
    public var storageType: String
    public var pathOrInlineDv: String
    /// Where the vector starts in its file (at the 4-byte size before the bitmap); 0 when absent. Inline
    /// vectors have none.
    public var offset: Int?
    public var sizeInBytes: Int
    /// How many rows it deletes.
    public var cardinality: Int64
    public var maxRowIndex: Int64?

    public init(storageType: String, pathOrInlineDv: String, offset: Int?, sizeInBytes: Int, cardinality: Int64) {
        self.storageType = storageType
        self.pathOrInlineDv = pathOrInlineDv
        self.offset = offset
        self.sizeInBytes = sizeInBytes
        self.cardinality = cardinality
    }

    /// The descriptor in an action's JSON, or nil when there is none.
    public init?(_ value: JSONValue?) throws(DeltaError) {
        guard let value, value != .null else { return nil }
        do {
            let data = try JSONEncoder().encode(value)
            self = try JSONDecoder().decode(DeletionVectorDescriptor.self, from: data)
        } catch {
            throw DeltaError(.corruptLog, "a deletion vector descriptor that does not parse: \(error)")
        }
    }

    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "storageType": .string(storageType), "pathOrInlineDv": .string(pathOrInlineDv),
            "sizeInBytes": .integer(Int64(sizeInBytes)), "cardinality": .integer(cardinality),
        ]
        if let offset { object["offset"] = .integer(Int64(offset)) }
        if let maxRowIndex { object["maxRowIndex"] = .integer(maxRowIndex) }
        return .object(object)
    }

    /// The object key, relative to the table root, of a `u` vector's file: an optional random prefix folder,
    /// then `deletion_vector_<uuid>.bin`, the UUID being the last 20 characters Z85-decoded.
    public func relativeFileKey() throws(DeltaError) -> String {
        guard storageType == "u" else {
            throw DeltaError(.unsupported, "deletion vectors stored as '\(storageType)' have no file beside the table")
        }
        let characters = Array(pathOrInlineDv)
        guard characters.count >= 20, let bytes = Z85.decode(String(characters.suffix(20))), bytes.count == 16 else {
            throw DeltaError(.corruptLog, "deletion vector id '\(pathOrInlineDv)' is not a Z85-encoded UUID")
        }
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        let prefix = String(characters.dropLast(20))
        let name = "deletion_vector_\(uuid.uuidString.lowercased()).bin"
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    /// A `u` descriptor for a vector written at `offset` of a new file named by `uuid`.
    static func file(uuid: UUID, offset: Int, sizeInBytes: Int, cardinality: Int64) -> DeletionVectorDescriptor? {
        let id = uuid.uuid
        let bytes = [id.0, id.1, id.2, id.3, id.4, id.5, id.6, id.7, id.8, id.9, id.10, id.11, id.12, id.13, id.14, id.15]
        guard let encoded = Z85.encode(bytes) else { return nil }
        return DeletionVectorDescriptor(storageType: "u", pathOrInlineDv: encoded, offset: offset, sizeInBytes: sizeInBytes,
                                        cardinality: cardinality)
    }
}

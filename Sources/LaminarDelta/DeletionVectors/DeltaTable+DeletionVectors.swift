import CZlib
import Foundation
import LaminarObjectStore

extension DeltaTable {
    /// The rows a deletion vector deletes, read from its file (checking size and CRC-32) or inline.
    public func loadDeletionVector(_ descriptor: DeletionVectorDescriptor) async throws(DeltaError) -> RoaringBitmap {
        switch descriptor.storageType {
        case "i":
            guard let bytes = Z85.decode(descriptor.pathOrInlineDv) else {
                throw DeltaError(.corruptLog, "\(location): an inline deletion vector that is not Z85")
            }
            guard descriptor.sizeInBytes >= 0 else { throw DeltaError(.corruptLog, "\(location): an inline deletion vector of negative size") }
            return try RoaringBitmap.decode(deletionVector: Array(bytes.prefix(descriptor.sizeInBytes)), name: "\(location) inline deletion vector",
                                            limit: descriptor.cardinality)
        case "u":
            let key = try descriptor.relativeFileKey()
            let name = "\(location)/\(key)"
            let bytes = try await log.io("reading \(name)") { try await store.get(try ObjectPath(key), range: nil) }
            let start = descriptor.offset ?? 0
            guard start >= 0, descriptor.sizeInBytes >= 0, start <= bytes.count, descriptor.sizeInBytes <= bytes.count - start,
                  bytes.count - start - descriptor.sizeInBytes >= 8 else {
                throw DeltaError(.corruptLog, "\(name): a deletion vector of \(descriptor.sizeInBytes) bytes at offset \(start) does not fit in \(bytes.count) bytes")
            }
            let size = Int(Self.bigEndian32(bytes, at: start))
            guard size == descriptor.sizeInBytes else {
                throw DeltaError(.corruptLog, "\(name): offset \(start) holds a vector of \(size) bytes, the log says \(descriptor.sizeInBytes)")
            }
            let blob = Array(bytes[(start + 4)..<(start + 4 + size)])
            let checksum = Self.bigEndian32(bytes, at: start + 4 + size)
            guard checksum == Self.crc32(blob) else {
                throw DeltaError(.corruptLog, "\(name): the deletion vector at offset \(start) fails its CRC-32 check")
            }
            return try RoaringBitmap.decode(deletionVector: blob, name: name, limit: descriptor.cardinality)
        default:
            throw DeltaError(.unsupported, "\(location): deletion vectors stored as '\(descriptor.storageType)' (absolute paths) are not supported yet")
        }
    }

    /// Writes `bitmap` as a new deletion vector file at the table root and describes it.
    public func writeDeletionVector(_ bitmap: RoaringBitmap) async throws(DeltaError) -> (DeletionVectorDescriptor, key: String) {
        let blob = bitmap.encodeDeletionVector()
        let uuid = UUID()
        guard let descriptor = DeletionVectorDescriptor.file(uuid: uuid, offset: 1, sizeInBytes: blob.count,
                                                             cardinality: Int64(bitmap.count)) else {
            throw DeltaError(.invalidArgument, "encoding a deletion vector id")
        }
        var file: [UInt8] = [1]
        file += Self.bigEndianBytes(UInt32(blob.count))
        file += blob
        file += Self.bigEndianBytes(Self.crc32(blob))
        let key = try descriptor.relativeFileKey()
        try await log.io("writing \(location)/\(key)") { try await store.put(try ObjectPath(key), file) }
        var described = descriptor
        described.maxRowIndex = bitmap.values.last.map { Int64($0) }
        return (described, key)
    }

    static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }
}

extension ByteRange {
    /// A range that selects no bytes whatever the object's size; HTTP has no way to ask for zero bytes, and a
    /// server would ignore the malformed header and send the whole object.
    var isEmptyRequest: Bool {
        switch self {
        case .bounded(let range): range.isEmpty
        case .suffix(let count): count == 0
        case .from: false
        }
    }
}

extension ObjectStore {
    /// A ranged GET over HTTP, the same for every cloud: the range is checked, a range selecting nothing is
    /// answered after a `head` (so a missing object still fails), and the answer is read leniently. A server
    /// may ignore `Range` and answer 200 with the whole object, which is sliced here; a range starting at or
    /// past the end is answered 416, which means no bytes.
    func rangedGet(
        _ path: ObjectPath,
        range: ByteRange?,
        send: (_ rangeHeader: String?) async throws -> TransportResponse,
        failure: (TransportResponse) -> ObjectStoreError
    ) async throws -> [UInt8] {
        if let range {
            _ = try range.checkedOffsets(size: .max, path: path)
            if range.isEmptyRequest {
                _ = try await head(path)
                return []
            }
        }
        let response = try await send(range?.httpHeaderValue)
        switch response.status {
        case 200:
            guard let range else { return response.body }
            let offsets = range.resolved(size: Int64(response.body.count))
            return Array(response.body[Int(offsets.lowerBound)..<Int(offsets.upperBound)])
        case 206:
            return response.body
        case 416:
            return []
        default:
            throw failure(response)
        }
    }
}

extension ObjectStore {
    /// Deletes `paths` one request each, `width` at a time: for backends without a batch delete, or whose
    /// batch form (multipart/mixed bodies) buys little over parallel requests.
    func deleteConcurrently(_ paths: [ObjectPath], width: Int) async throws {
        var remaining = paths[...]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, width) {
                guard let path = remaining.popFirst() else { break }
                group.addTask { try await delete(path) }
            }
            while try await group.next() != nil {
                guard let path = remaining.popFirst() else { continue }
                group.addTask { try await delete(path) }
            }
        }
    }
}

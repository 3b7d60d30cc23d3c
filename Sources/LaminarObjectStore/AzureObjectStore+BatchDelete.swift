extension AzureObjectStore {
    /// Deletes the blobs with up to `deleteConcurrency` Delete Blob requests in flight. (Blob Batch would
    /// save round trips, but its multipart/mixed bodies sign and fail per sub-request in ways a loop of plain
    /// deletes does not; the loop is what every emulator supports too.) Every path is checked before the first
    /// request, and the first failure stops the rest.
    public func delete(_ paths: [ObjectPath]) async throws {
        for path in paths { _ = try blobName(path) }
        try await deleteConcurrently(paths, width: configuration.deleteConcurrency)
    }
}

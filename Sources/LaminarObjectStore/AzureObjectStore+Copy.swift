extension AzureObjectStore {
    /// Copy Blob from the source blob's URL. Within one account Azure usually finishes at once (`success`), but
    /// it may answer `pending` and copy in the background; then the destination's properties are polled until the
    /// copy succeeds, fails or is aborted, so that `copy` returns only once the bytes are in place. A copy still
    /// pending after `copyTimeout` is aborted (which leaves an empty destination blob, as Azure documents) and
    /// reported as `.unavailable`.
    public func copy(from source: ObjectPath, to destination: ObjectPath) async throws {
        let sourceURL = try copySourceURL(blob: blobName(source))
        let request = makeRequest(
            "PUT", blob: try blobName(destination), headers: [("x-ms-copy-source", sourceURL)]
        )
        let response = try await send(request, path: destination)
        guard response.isSuccess else {
            let sourceMissing = response.status == 404 && AzureErrorResponse(response).code != "ContainerNotFound"
            throw AzureErrorResponse.error(for: response, path: sourceMissing ? source : destination)
        }
        switch response.header("x-ms-copy-status")?.lowercased() {
        case "success", nil:
            return
        case "pending":
            guard let copyID = response.header("x-ms-copy-id"), !copyID.isEmpty else {
                throw Self.malformed(response, destination, "a pending copy without x-ms-copy-id")
            }
            try await awaitCopy(copyID, from: source, to: destination)
        case let status?:
            throw ObjectStoreError(
                .io, path: destination.rawValue,
                detail: "\(response.requestSummary): copy from \(source) ended as `\(status)`", status: response.status
            )
        }
    }

    /// The source URL as Azure fetches it: the blob's own URL, with the SAS appended when requests are
    /// authorized by one (a same-account source is authorized by the request's Shared Key or token otherwise).
    private func copySourceURL(blob: String) -> String {
        let url = makeRequest("GET", blob: blob).url
        guard let token = credentials.sharedAccessSignature else { return url }
        return url + "?" + token.encodedQuery
    }

    /// Polls the destination with growing pauses, up to `copyPollInterval` apart, until the copy `copyID` ends.
    /// A destination that now carries another copy's id, or no copy id at all, was replaced by a later write,
    /// which supersedes this copy as a later `put` would.
    private func awaitCopy(_ copyID: String, from source: ObjectPath, to destination: ObjectPath) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.copyTimeout
        var pause = min(Duration.milliseconds(20), configuration.copyPollInterval)
        let blob = try blobName(destination)
        while true {
            guard clock.now < deadline else {
                try? await abortCopy(copyID, blob: blob, destination: destination)
                throw ObjectStoreError(
                    .unavailable, path: destination.rawValue,
                    detail: "copy from \(source) still pending after \(configuration.copyTimeout); it was aborted"
                )
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, configuration.copyPollInterval)
            let response = try await send(makeRequest("HEAD", blob: blob), path: destination)
            guard response.status == 200 else { throw AzureErrorResponse.error(for: response, path: destination) }
            guard response.header("x-ms-copy-id") == copyID else { return }
            switch response.header("x-ms-copy-status")?.lowercased() {
            case "pending":
                continue
            case "success":
                return
            case let status:
                // The description explains a failure (`500 InternalError …`); it names no credential.
                let reason = response.header("x-ms-copy-status-description").map { ": \($0.prefix(300))" } ?? ""
                throw ObjectStoreError(
                    .io, path: destination.rawValue,
                    detail: "copy from \(source) ended as `\(status ?? "unknown")`\(reason)"
                )
            }
        }
    }

    /// Abort Copy Blob.
    private func abortCopy(_ copyID: String, blob: String, destination: ObjectPath) async throws {
        let request = makeRequest(
            "PUT", blob: blob, query: [("comp", "copy"), ("copyid", copyID)],
            headers: [("x-ms-copy-action", "abort")]
        )
        try await expectSuccess(request, path: destination)
    }
}

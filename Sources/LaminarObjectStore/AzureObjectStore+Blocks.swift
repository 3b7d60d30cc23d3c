import Foundation

extension AzureObjectStore {
    /// The block id of block `index` of the upload `uploadID`, base64-encoded as Azure requires. Every id has
    /// the same length (Azure rejects a blob's blocks with ids of different lengths), and the upload's own UUID
    /// keeps two uploads to one blob from overwriting each other's staged blocks.
    static func blockID(uploadID: UUID, index: Int) -> String {
        let digits = String(index)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return Data("\(uploadID.uuidString.lowercased())-\(padded)".utf8).base64EncodedString()
    }

    /// Put Block: stages one uncommitted block, invisible until a block list commits it.
    func putBlock(blob: String, path: ObjectPath, blockID: String, bytes: [UInt8]) async throws {
        let request = makeRequest("PUT", blob: blob, query: [("comp", "block"), ("blockid", blockID)], body: bytes)
        try await expectSuccess(request, path: path)
    }

    /// Put Block List: commits the staged blocks, in order, as the blob's content, replacing any blob at the
    /// name atomically. Azure discards the blob's other uncommitted blocks at the same moment.
    func putBlockList(blob: String, path: ObjectPath, blockIDs: [String]) async throws {
        var document = #"<?xml version="1.0" encoding="utf-8"?><BlockList>"#
        for id in blockIDs { document += "<Latest>\(XMLTreeNode.escape(id))</Latest>" }
        document += "</BlockList>"
        let request = makeRequest(
            "PUT", blob: blob, query: [("comp", "blocklist")], headers: [("Content-Type", "application/xml")],
            body: Array(document.utf8)
        )
        try await expectSuccess(request, path: path)
    }
}

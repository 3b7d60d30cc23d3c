import Foundation

/// One commit of the table's history, as `DESCRIBE HISTORY` shows it.
public struct HistoryEntry: Sendable, Hashable {
    public var version: Int64
    /// `commitInfo.timestamp`, or the commit file's modification time when the writer recorded none.
    public var timestamp: Date
    public var operation: String?
    public var parameters: [String: JSONValue]
    public var metrics: [String: JSONValue]
    public var engineInfo: String?
}

extension DeltaTable {
    /// The commits still in the log, newest first, at most `limit` of them.
    public func history(limit: Int? = nil) async throws(DeltaError) -> [HistoryEntry] {
        let listing = try await log.listing()
        var entries: [HistoryEntry] = []
        for version in listing.commits.keys.sorted(by: >) {
            if let limit, entries.count >= limit { break }
            guard let meta = listing.commits[version], let actions = try await log.commit(version) else { continue }
            var info: [String: JSONValue] = [:]
            for action in actions { if case .commitInfo(let value) = action { info = value } }
            var timestamp = meta.lastModified
            if case .integer(let millis)? = info["timestamp"] { timestamp = Date(timeIntervalSince1970: Double(millis) / 1000) }
            var operation: String?
            if case .string(let name)? = info["operation"] { operation = name }
            var engine: String?
            if case .string(let name)? = info["engineInfo"] { engine = name }
            var parameters: [String: JSONValue] = [:]
            if case .object(let value)? = info["operationParameters"] { parameters = value }
            var metrics: [String: JSONValue] = [:]
            if case .object(let value)? = info["operationMetrics"] { metrics = value }
            entries.append(HistoryEntry(version: version, timestamp: timestamp, operation: operation, parameters: parameters,
                                        metrics: metrics, engineInfo: engine))
        }
        return entries
    }
}

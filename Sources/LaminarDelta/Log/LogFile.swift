/// What a file name in `_delta_log` stands for. Names that fit none of the protocol's patterns are
/// ignored by readers, as the protocol asks.
public enum LogFile: Hashable, Sendable {
    /// `<version>.json`
    case commit(version: Int64)
    /// `<version>.checkpoint.parquet`, or part `part` of `parts` of a multi-part checkpoint
    /// (`<version>.checkpoint.<part>.<parts>.parquet`).
    case checkpoint(version: Int64, part: Int, parts: Int)
    /// A V2 checkpoint named by a UUID, in JSON or Parquet: `<version>.checkpoint.<uuid>.json|parquet`.
    case uuidCheckpoint(version: Int64, json: Bool)
    /// `<version>.crc`
    case checksum(version: Int64)
    /// `<from>.<to>.compacted.json`
    case compaction(from: Int64, to: Int64)
    /// `_last_checkpoint`
    case lastCheckpoint

    public init?(name: Substring) {
        if name == "_last_checkpoint" {
            self = .lastCheckpoint
            return
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 20, let version = Int64(first) else { return nil }
        switch parts.count {
        case 2 where parts[1] == "json": self = .commit(version: version)
        case 2 where parts[1] == "crc": self = .checksum(version: version)
        case 3 where parts[1] == "checkpoint" && parts[2] == "parquet": self = .checkpoint(version: version, part: 1, parts: 1)
        case 4 where parts[1] == "checkpoint" && (parts[3] == "json" || parts[3] == "parquet"):
            self = .uuidCheckpoint(version: version, json: parts[3] == "json")
        case 4 where parts[2] == "compacted" && parts[3] == "json":
            guard parts[1].count == 20, let to = Int64(parts[1]) else { return nil }
            self = .compaction(from: version, to: to)
        case 5 where parts[1] == "checkpoint" && parts[4] == "parquet":
            guard let part = Int(parts[2]), let count = Int(parts[3]), part >= 1, part <= count else { return nil }
            self = .checkpoint(version: version, part: part, parts: count)
        default: return nil
        }
    }

    /// The version the file belongs to (the last one for a compaction); nil for `_last_checkpoint`.
    public var version: Int64? {
        switch self {
        case .commit(let version), .checkpoint(let version, _, _), .uuidCheckpoint(let version, _), .checksum(let version):
            version
        case .compaction(_, let to): to
        case .lastCheckpoint: nil
        }
    }

    /// A zero-padded version, as every name of the log spells it.
    public static func padded(_ value: Int64, width: Int = 20) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

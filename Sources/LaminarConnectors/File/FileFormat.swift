/// The encodings a `file` source reads.
enum FileFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl
    case parquet

    init?(option: String) {
        switch option {
        case "csv": self = .csv
        case "jsonl", "json", "ndjson", "jsonlines": self = .jsonl
        case "parquet": self = .parquet
        default: return nil
        }
    }

    /// The format a file name implies, ignoring a trailing compression-free extension's case.
    init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        self.init(option: fileName[fileName.index(after: dot)...].lowercased())
    }
}

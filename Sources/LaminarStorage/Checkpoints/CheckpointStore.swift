import Crypto
import Foundation
import LaminarArrow
import LaminarCore
import LaminarObjectStore
import LaminarParquet

/// A pipeline's checkpoints in a directory of any object store (a local folder, S3, GCS, Azure).
///
/// Layout, one folder per checkpoint so a whole checkpoint is deleted by prefix:
/// ```
/// chk-00000000000000000042/manifest.json    "sha256:<hex>" line, then the manifest as JSON
/// chk-00000000000000000042/op-3.parquet     an operator's state tables
/// chk-00000000000000000042/_COMPLETE        written after the manifest is durable
/// chk-00000000000000000042/_FINALIZED       written after the sink's commit is final
/// ```
/// Every object is written with the store's atomic `put`, so a crash leaves each one whole or absent;
/// the checksums catch the rest (a truncated copy, a disk that lied).
public struct CheckpointStore: CheckpointStorage {
    public let store: any ObjectStore

    public init(store: any ObjectStore) {
        self.store = store
    }

    /// A store for the checkpoints of `pipeline` under a local state directory.
    public init(directory: String, pipeline: String) throws(EngineError) {
        let path = (directory as NSString).appendingPathComponent("checkpoints/\(pipeline)")
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            store = try LocalObjectStore(root: path)
        } catch {
            throw EngineError(.invalidState, "cannot open the checkpoint directory \(path): \(error)")
        }
    }

    // MARK: Recovery

    public func recover() async throws(EngineError) -> RecoveryPlan {
        var plan = RecoveryPlan()
        let ids = try await checkpointIDs().sorted(by: >)
        plan.highestCheckpointID = ids.first ?? 0
        for id in ids {
            let manifest: CheckpointManifest
            do {
                manifest = try await readManifest(id)
            } catch let error as ObjectStoreError where error.kind == .notFound {
                // Crashed before the manifest was written: nothing of it was ever committed.
                try await discard(id)
                continue
            } catch {
                plan.warnings.append("checkpoint \(id) skipped: \(error)")
                continue
            }
            if try await exists(Self.marker(id, "_COMPLETE")) {
                plan.latest = manifest
                plan.latestFinalized = try await exists(Self.marker(id, "_FINALIZED"))
                return plan
            }
            plan.incomplete.append(manifest)
        }
        return plan
    }

    // MARK: Writing

    public func saveState(_ state: OperatorState, checkpointID: Int64, operator index: Int) async throws(EngineError)
        -> StateReference
    {
        guard let first = state.batches.first else {
            return StateReference(path: "", sizeBytes: 0, sha256: "", values: state.values)
        }
        let sink = MemoryByteSink()
        do {
            let writer = try ParquetWriter(schema: first.schema, sink: sink, options: Self.stateOptions)
            for batch in state.batches { try await writer.write(batch) }
            _ = try await writer.close()
        } catch {
            throw EngineError(.invalidState, "encoding the state of operator \(index): \(error)")
        }
        let path = "\(Self.folder(checkpointID))/op-\(index).parquet"
        try await put(path, sink.bytes)
        return StateReference(path: path, sizeBytes: Int64(sink.bytes.count), sha256: Self.sha256(sink.bytes), values: state.values)
    }

    public func loadState(_ reference: StateReference) async throws(EngineError) -> OperatorState {
        guard !reference.path.isEmpty else { return OperatorState(values: reference.values) }
        let bytes = try await get(reference.path)
        guard Self.sha256(bytes) == reference.sha256 else {
            throw EngineError(.invalidState, "checkpoint state \(reference.path) does not match its checksum")
        }
        do {
            return OperatorState(batches: try ParquetFileReader.decodeAll(bytes, name: reference.path), values: reference.values)
        } catch {
            throw EngineError(.invalidState, "decoding checkpoint state \(reference.path): \(error)")
        }
    }

    public func writeManifest(_ manifest: CheckpointManifest) async throws(EngineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json: [UInt8]
        do {
            json = Array(try encoder.encode(manifest))
        } catch {
            throw EngineError(.invalidState, "encoding checkpoint \(manifest.checkpointID): \(error)")
        }
        try await put(Self.manifestPath(manifest.checkpointID), Array("sha256:\(Self.sha256(json))\n".utf8) + json)
    }

    public func markComplete(_ checkpointID: Int64) async throws(EngineError) {
        try await put(Self.marker(checkpointID, "_COMPLETE"), [])
    }

    public func markFinalized(_ checkpointID: Int64) async throws(EngineError) {
        try await put(Self.marker(checkpointID, "_FINALIZED"), [])
    }

    public func discard(_ checkpointID: Int64) async throws(EngineError) {
        do {
            var paths: [ObjectPath] = []
            for try await page in store.list(prefix: try ObjectPath(Self.folder(checkpointID) + "/"), delimiter: false) {
                paths += page.objects.map(\.path)
            }
            try await store.delete(paths)
        } catch {
            throw EngineError(.invalidState, "deleting checkpoint \(checkpointID): \(error)")
        }
    }

    public func prune(keeping: Int) async throws(EngineError) {
        var kept = 0
        for id in try await checkpointIDs().sorted(by: >) {
            if kept >= keeping {
                try await discard(id)
            } else if try await exists(Self.marker(id, "_COMPLETE")) {
                kept += 1
            }
        }
    }

    // MARK: Reading

    /// The manifest of `id`, checked against its checksum line.
    func readManifest(_ id: Int64) async throws -> CheckpointManifest {
        let bytes = try await store.get(try ObjectPath(Self.manifestPath(id)), range: nil)
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
            throw EngineError(.invalidState, "manifest of checkpoint \(id) has no checksum line")
        }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        let body = Array(bytes[(newline + 1)...])
        guard header == "sha256:\(Self.sha256(body))" else {
            throw EngineError(.invalidState, "manifest of checkpoint \(id) does not match its checksum (truncated or corrupt)")
        }
        return try JSONDecoder().decode(CheckpointManifest.self, from: Data(body))
    }

    func checkpointIDs() async throws(EngineError) -> [Int64] {
        var ids: [Int64] = []
        do {
            for try await page in store.list(prefix: nil, delimiter: true) {
                for prefix in page.commonPrefixes {
                    let name = prefix.rawValue.hasSuffix("/") ? String(prefix.rawValue.dropLast()) : prefix.rawValue
                    if name.hasPrefix("chk-"), let id = Int64(name.dropFirst(4)) { ids.append(id) }
                }
            }
        } catch {
            throw EngineError(.invalidState, "listing checkpoints: \(error)")
        }
        return ids
    }

    private func exists(_ path: String) async throws(EngineError) -> Bool {
        do {
            _ = try await store.head(try ObjectPath(path))
            return true
        } catch let error as ObjectStoreError where error.kind == .notFound {
            return false
        } catch {
            throw EngineError(.invalidState, "checkpoint store: \(error)")
        }
    }

    private func put(_ path: String, _ bytes: [UInt8]) async throws(EngineError) {
        do {
            try await store.put(try ObjectPath(path), bytes)
        } catch {
            throw EngineError(.invalidState, "writing \(path) to the checkpoint store: \(error)")
        }
    }

    private func get(_ path: String) async throws(EngineError) -> [UInt8] {
        do {
            return try await store.get(try ObjectPath(path), range: nil)
        } catch {
            throw EngineError(.invalidState, "reading \(path) from the checkpoint store: \(error)")
        }
    }

    static func folder(_ id: Int64) -> String {
        let digits = String(id)
        return "chk-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    static func manifestPath(_ id: Int64) -> String { folder(id) + "/manifest.json" }
    static func marker(_ id: Int64, _ name: String) -> String { folder(id) + "/" + name }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// State files favour speed: they are read back at most once, on recovery.
    static let stateOptions: ParquetWriterOptions = {
        var options = ParquetWriterOptions()
        options.compression = .zstd
        options.compressionLevel = 1
        options.writePageIndex = false
        return options
    }()
}

import CZlib
import Foundation
import LaminarArrow
import LaminarCore
import LaminarParquet
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A durable, append-only log of the batches pushed into a source, so a pipeline restarted after a crash
/// can replay what it had not yet checkpointed.
///
/// `append` returns only once the batch is on disk (written and fsynced); appends that arrive while a
/// sync is running are written and synced together with the next one (group commit), so many concurrent
/// producers share one `fsync`. Records carry their log sequence number (LSN, from 1) and a CRC32, and
/// live in segment files `wal-<first LSN>.log` rolled at `segmentBytes`; `truncate` deletes whole
/// segments that checkpoints no longer need. A torn record at the end of the last segment (a crash in
/// the middle of a write, never acknowledged) is cut off when the log is opened.
///
/// Record layout: length of the payload (u32, little endian), CRC32 of LSN and payload (u32), LSN (u64),
/// payload (the batch as a Parquet file).
public final class WriteAheadLog: Sendable {
    private struct Pending {
        let lsn: Int64
        let record: [UInt8]
        let continuation: CheckedContinuation<Int64, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var flushing = false
        var nextLSN: Int64 = 1
        var durableLSN: Int64 = 0
    }

    /// The open segment; only the one flusher at a time touches it, so appenders never wait on its I/O.
    private struct Segment {
        var descriptor: Int32 = -1
        var size = 0
        var failure: EngineError?
    }

    public let directory: String
    let segmentBytes: Int
    private let state = Mutex(State())
    private let segment = Mutex(Segment())

    /// Opens (creating if needed) the log in `directory`, cutting off a torn last record.
    public init(directory: String, segmentBytes: Int = 64 << 20) throws(EngineError) {
        self.directory = directory
        self.segmentBytes = segmentBytes
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EngineError(.invalidState, "cannot create the write-ahead log \(directory): \(error.localizedDescription)")
        }
        var last: Int64 = 0
        let starts = try segments()
        for (index, segment) in starts.enumerated() {
            let (records, validBytes) = try Self.scan(path(segment))
            last = max(last, records.last?.lsn ?? segment - 1)
            guard validBytes < (try Self.size(path(segment))) else { continue }
            // Only the last segment can end in a torn write (never acknowledged); damage anywhere else
            // would lose acknowledged batches, so it is an error, not something to cut away.
            guard index == starts.count - 1 else {
                throw EngineError(.invalidState, "write-ahead log segment \(path(segment)) is damaged at byte \(validBytes)")
            }
            truncate(file: path(segment), to: validBytes)
        }
        state.withLock {
            $0.nextLSN = last + 1
            $0.durableLSN = last
        }
    }

    deinit {
        segment.withLock { if $0.descriptor >= 0 { Glibc.close($0.descriptor) } }
    }

    /// The highest LSN on disk.
    public var lastLSN: Int64 { state.withLock { $0.durableLSN } }

    /// Appends `batch` and returns its LSN once it is durable.
    public func append(_ batch: RecordBatch) async throws -> Int64 {
        let payload = try await Self.encode(batch)
        return try await withCheckedThrowingContinuation { continuation in
            let startFlusher: Bool = state.withLock { state in
                let lsn = state.nextLSN
                state.nextLSN += 1
                state.pending.append(Pending(lsn: lsn, record: Self.record(lsn: lsn, payload: payload), continuation: continuation))
                if state.flushing { return false }
                state.flushing = true
                return true
            }
            if startFlusher { flush() }
        }
    }

    /// Writes and syncs everything pending, group by group, until nothing is left.
    private func flush() {
        while true {
            let group: [Pending]? = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.flushing = false
                    return nil
                }
                defer { state.pending = [] }
                return state.pending
            }
            guard let group else { return }
            let outcome = writeAndSync(group)
            for item in group {
                switch outcome {
                case .success: item.continuation.resume(returning: item.lsn)
                case .failure(let error): item.continuation.resume(throwing: error)
                }
            }
        }
    }

    private func writeAndSync(_ group: [Pending]) -> Result<Void, EngineError> {
        let outcome = segment.withLock { file -> Result<Void, EngineError> in
            if let failure = file.failure { return .failure(failure) }
            do throws(EngineError) {
                for item in group {
                    if file.descriptor < 0 || file.size >= segmentBytes {
                        if file.descriptor >= 0 { Glibc.close(file.descriptor) }
                        file.descriptor = try openSegment(startingAt: item.lsn)
                        file.size = 0
                    }
                    try Self.writeAll(item.record, to: file.descriptor, path: directory)
                    file.size += item.record.count
                }
                guard fsync(file.descriptor) == 0 else {
                    throw EngineError(.invalidState, "syncing the write-ahead log \(directory): \(String(cString: strerror(errno)))")
                }
                return .success(())
            } catch {
                // A failed write leaves the log's tail unknown: refuse further appends rather than guess.
                file.failure = error
                return .failure(error)
            }
        }
        if case .success = outcome, let last = group.last { state.withLock { $0.durableLSN = last.lsn } }
        return outcome
    }

    private func openSegment(startingAt lsn: Int64) throws(EngineError) -> Int32 {
        let file = path(lsn)
        let descriptor = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EngineError(.invalidState, "cannot open \(file): \(String(cString: strerror(errno)))")
        }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            Glibc.close(folder)
        }
        return descriptor
    }

    // MARK: Reading

    /// The batches with LSNs after `lsn`, in order.
    public func records(after lsn: Int64) async throws -> [(lsn: Int64, batch: RecordBatch)] {
        var result: [(Int64, RecordBatch)] = []
        let durable = lastLSN
        for segment in try segments() {
            for record in try Self.scan(path(segment)).records where record.lsn > lsn && record.lsn <= durable {
                let batches: [RecordBatch]
                do {
                    batches = try ParquetFileReader.decodeAll(record.payload, name: "\(path(segment))#\(record.lsn)")
                } catch {
                    throw EngineError(.invalidState, "write-ahead log record \(record.lsn): \(error)")
                }
                guard !batches.isEmpty else { throw EngineError(.invalidState, "write-ahead log record \(record.lsn) holds no rows") }
                result.append((record.lsn, try RecordBatch.concatenate(batches)))
            }
        }
        return result
    }

    // MARK: Consumers

    /// Records that the durable consumer `name` (a sink) has a complete checkpoint at `lsn`, then drops the
    /// segments every recorded consumer is past. Positions live in `consumers/` next to the segments, so a
    /// consumer that is stopped, or not yet re-created after a restart, still holds back truncation.
    public func commit(consumer name: String, through lsn: Int64) throws {
        let folder = (directory as NSString).appendingPathComponent("consumers")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = (folder as NSString).appendingPathComponent(StateNames.folder(name))
        try Data(String(lsn).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        let positions = try FileManager.default.contentsOfDirectory(atPath: folder).compactMap { entry -> Int64? in
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(entry)) else {
                return nil
            }
            return Int64(String(decoding: data, as: UTF8.self))
        }
        if let oldest = positions.min() { try truncate(through: oldest) }
    }

    /// Forgets a consumer that no longer exists (a dropped sink), so it stops holding back truncation.
    public func forget(consumer name: String) {
        let file = (directory as NSString).appendingPathComponent("consumers/\(StateNames.folder(name))")
        try? FileManager.default.removeItem(atPath: file)
    }

    /// Deletes the segments whose records all have LSNs up to `lsn`: every checkpoint that could be
    /// restored from has read past them.
    public func truncate(through lsn: Int64) throws {
        let starts = try segments()
        for (index, start) in starts.enumerated() where index + 1 < starts.count && starts[index + 1] - 1 <= lsn {
            try? FileManager.default.removeItem(atPath: path(start))
        }
    }

    /// First LSNs of the segments on disk, in order.
    func segments() throws(EngineError) -> [Int64] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw EngineError(.invalidState, "listing the write-ahead log \(directory): \(error.localizedDescription)")
        }
        return names.compactMap { name in
            guard name.hasPrefix("wal-"), name.hasSuffix(".log") else { return nil }
            return Int64(name.dropFirst(4).dropLast(4))
        }.sorted()
    }

    private func path(_ segment: Int64) -> String {
        let digits = String(segment)
        return (directory as NSString).appendingPathComponent(
            "wal-" + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".log")
    }

    // MARK: Encoding

    static func encode(_ batch: RecordBatch) async throws -> [UInt8] {
        let sink = MemoryByteSink()
        var options = ParquetWriterOptions()
        options.compression = .uncompressed
        options.writePageIndex = false
        options.writeStatistics = false
        let writer = try ParquetWriter(schema: batch.schema, sink: sink, options: options)
        try await writer.write(batch)
        _ = try await writer.close()
        return sink.bytes
    }

    static func record(lsn: Int64, payload: [UInt8]) -> [UInt8] {
        var record: [UInt8] = []
        record.reserveCapacity(payload.count + 16)
        let sequence = withUnsafeBytes(of: UInt64(bitPattern: lsn).littleEndian, Array.init)
        append(UInt32(payload.count), to: &record)
        append(checksum(sequence + payload), to: &record)
        record += sequence
        record += payload
        return record
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The intact records of a segment and how many bytes they span; scanning stops at the first record
    /// that is cut short or fails its checksum.
    static func scan(_ file: String) throws(EngineError) -> (records: [(lsn: Int64, payload: [UInt8])], validBytes: Int) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EngineError(.invalidState, "cannot read \(file)")
        }
        let bytes = [UInt8](data)
        var records: [(Int64, [UInt8])] = []
        var offset = 0
        while offset + 16 <= bytes.count {
            let length = Int(readUInt32(bytes, offset))
            let stored = readUInt32(bytes, offset + 4)
            guard length <= bytes.count - offset - 16 else { break }
            let body = Array(bytes[(offset + 8)..<(offset + 16 + length)])
            guard checksum(body) == stored else { break }
            let lsn = Int64(bitPattern: body.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
            records.append((lsn, Array(body[8...])))
            offset += 16 + length
        }
        return (records, offset)
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private static func size(_ file: String) throws(EngineError) -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file), let size = attributes[.size] as? Int else {
            throw EngineError(.invalidState, "cannot read the size of \(file)")
        }
        return size
    }

    private func truncate(file: String, to length: Int) {
        Glibc.truncate(file, off_t(length))
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(EngineError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += written
            }
            return nil
        }
        if let failure { throw EngineError(.invalidState, "writing the write-ahead log \(path): \(String(cString: strerror(failure)))") }
    }
}

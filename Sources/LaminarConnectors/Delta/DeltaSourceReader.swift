#if Delta
import Foundation
import LaminarArrow
import LaminarCore
import LaminarDelta
import LaminarObjectStore

/// Reads a Delta table for one query, one unit (a file's rows) at a time, in two phases: the snapshot of a
/// version (every live file), then the commits after a version (the files each added, or its changes).
///
/// The position is the last version fully read, plus, for the segment in progress, the units done, the
/// unit being read and how many of its rows were returned. The snapshot phase is marked by a `snapshot`
/// entry among the units done. Units are read in a fixed order, so a restart from a checkpoint skips
/// exactly what was returned before.
final class DeltaSourceReader: LakehouseSource {
    private static let snapshotMarker = "snapshot"

    private let source: PreparedDeltaSource
    private var table: DeltaTable?
    /// The table as of `version`, for finding what a commit's removals held.
    private var state = Snapshot()
    private var version: Int64 = -1
    private var inSnapshot = false
    /// The last version to read; nil to keep polling.
    private var until: Int64?
    private var units: [ReadUnit] = []
    private var completed: [String] = []
    /// `completed` as a set, for the lookups done once per unit.
    private var done: Set<String> = []
    private var currentUnit: ReadUnit?
    private var pending: [RecordBatch] = []
    private var rowsOfCurrent: Int64 = 0
    private var skipRows: Int64 = 0
    private var commitStamp: (version: Int64, micros: Int64) = (0, 0)

    private let predicates: [SkippingPredicate]
    /// The columns the query reads; nil for all.
    private let columns: Set<String>?

    init(_ source: PreparedDeltaSource, filters: [SkippingPredicate], columns: Set<String>?) {
        self.source = source
        predicates = filters
        self.columns = columns
    }

    /// The units that may hold rows the query keeps.
    private func kept(_ units: [ReadUnit], in table: DeltaTable) throws(DeltaError) -> [ReadUnit] {
        guard !predicates.isEmpty else { return units }
        var result: [ReadUnit] = []
        for unit in units where try table.mayMatch(unit, predicates) { result.append(unit) }
        return result
    }

    var schema: Schema { source.schema }

    func start(from checkpoint: SourceCheckpoint?) async throws(EngineError) {
        do throws(DeltaError) {
            let store: any ObjectStore
            do {
                store = try ObjectStores.open(source.location, options: source.storage)
            } catch {
                throw DeltaError(.io, "opening \(source.location): \(error)")
            }
            let log = DeltaLog(store: store, location: source.location)
            let latest = try await log.latestVersion() ?? 0
            var plan = source.plan
            if let millis = plan.startingTimestamp {
                // The first commit at or after the time: one past the newest before it.
                var first: Int64 = 0
                do {
                    first = try await log.version(atOrBefore: millis > Int64.min ? millis - 1 : millis) + 1
                } catch where error.kind == .notFound {
                    first = 0
                }
                plan.startingVersion = first
            }
            var snapshotVersion: Int64?
            var tailFrom: Int64
            switch plan.mode {
            case "snapshot":
                var target = plan.version ?? latest
                if let timestamp = plan.timestamp { target = try await log.version(atOrBefore: timestamp) }
                if plan.changeFeed {
                    tailFrom = plan.startingVersion ?? 0
                    until = target
                } else {
                    snapshotVersion = target
                    tailFrom = target + 1
                    until = target
                }
            case "incremental":
                tailFrom = plan.startingVersion ?? 0
                until = latest
            case "continuous":
                if let starting = plan.startingVersion {
                    tailFrom = starting
                } else {
                    snapshotVersion = latest
                    tailFrom = latest + 1
                }
                until = nil
            default:
                if plan.changeFeed {
                    tailFrom = plan.startingVersion ?? 0
                } else {
                    snapshotVersion = latest
                    tailFrom = latest + 1
                }
                until = latest
            }
            if let checkpoint, let at = checkpoint.version {
                version = at
                inSnapshot = checkpoint.completed.contains(Self.snapshotMarker)
                completed = checkpoint.completed.filter { $0 != Self.snapshotMarker }
                done = Set(completed)
                skipRows = checkpoint.offset
                if let current = checkpoint.current { resumeUnit = current }
            } else if let snapshotVersion {
                version = snapshotVersion
                inSnapshot = true
            } else {
                version = tailFrom - 1
            }
            var opened = try await DeltaTable.open(store: store, location: source.location)
            try opened.checkReadable()
            if inSnapshot {
                let snapshot = try await log.snapshot(version: version)
                state = snapshot
                opened = DeltaTable(log: log, snapshot: snapshot, metadataFrom: opened)
                units = try kept(opened.snapshotUnits(), in: opened)
                let actions = try await log.commit(version) ?? []
                commitStamp = (version, DeltaTable.commitTimestamp(actions, fileTime: nil).multipliedReportingOverflow(by: 1000).partialValue)
            } else if version >= 0 {
                do {
                    state = try await log.snapshot(version: version)
                } catch where error.kind == .notFound {
                    // The log no longer reaches back to `version`: follow the commits from there without the
                    // files before them (removes then carry their own partition values).
                    state = Snapshot(emptyAt: version)
                }
            }
            table = opened
            if !inSnapshot, !completed.isEmpty || resumeUnit != nil {
                // A checkpoint inside commit `version + 1`: read its units again, skipping those done.
                units = try await nextCommit(opened) ?? []
            }
        } catch {
            throw EngineError(.source, "delta source \(source.location): \(error)")
        }
    }

    /// The unit a checkpoint was in the middle of, to skip its rows already returned.
    private var resumeUnit: String?

    func pollNext() async throws(EngineError) -> RecordBatch? {
        do throws(DeltaError) {
            guard let table else { throw DeltaError(.invalidArgument, "the source was not started") }
            while true {
                if !pending.isEmpty {
                    let batch = pending.removeFirst()
                    rowsOfCurrent += Int64(batch.rowCount)
                    return try labelled(batch)
                }
                if let unit = currentUnit {
                    completed.append(unit.id)
                    done.insert(unit.id)
                    currentUnit = nil
                    rowsOfCurrent = 0
                }
                if let index = units.firstIndex(where: { !done.contains($0.id) }) {
                    let next = units[index]
                    currentUnit = next
                    pending = try await read(next, table: table)
                    // Decode the following file while this one's rows go through the pipeline.
                    if let following = units[(index + 1)...].first(where: { !done.contains($0.id) }) {
                        let columns = self.columns
                        prefetched = (following.id, Task { try await table.read(following, columns: columns) })
                    }
                    if resumeUnit == next.id {
                        pending = Self.dropping(skipRows, from: pending)
                        rowsOfCurrent = skipRows
                        resumeUnit = nil
                    }
                    continue
                }
                // The segment is done: the snapshot, or commit `version + 1`.
                if inSnapshot {
                    inSnapshot = false
                } else if !units.isEmpty || completed.isEmpty == false {
                    version += 1
                }
                units = []
                completed = []
                done = []
                resumeUnit = nil
                if let found = try await nextCommit(table) {
                    units = found
                    if units.isEmpty { version += 1 }
                    continue
                }
                guard until == nil else { return nil }
                do {
                    try await Task.sleep(for: source.pollInterval)
                } catch {
                    throw DeltaError(.io, "stopped")
                }
                return RecordBatch(emptySchemaRowCount: 0)
            }
        } catch {
            if Task.isCancelled { throw EngineError(.cancelled, "delta source stopped") }
            throw EngineError(.source, "delta source \(source.location): \(error)")
        }
    }

    /// A unit being read ahead, by id.
    private var prefetched: (id: String, task: Task<[RecordBatch], any Error>)?

    private func read(_ unit: ReadUnit, table: DeltaTable) async throws(DeltaError) -> [RecordBatch] {
        guard let (id, task) = prefetched else { return try await table.read(unit, columns: columns) }
        prefetched = nil
        guard id == unit.id else {
            task.cancel()
            return try await table.read(unit, columns: columns)
        }
        do {
            return try await task.value
        } catch let error as DeltaError {
            throw error
        } catch {
            throw DeltaError(.io, "reading \(unit.path): \(error)")
        }
    }

    /// The units of commit `version + 1`, or nil when it does not exist yet (or is past the end).
    private func nextCommit(_ table: DeltaTable) async throws(DeltaError) -> [ReadUnit]? {
        guard version < Int64.max else { return nil }
        let next = version + 1
        if let until, next > until { return nil }
        guard let actions = try await table.log.commit(next) else {
            guard until == nil else {
                throw DeltaError(.notFound, "\(source.location): commit \(next) is missing (cleaned up?); the read cannot continue")
            }
            // Not there yet, or cleaned up: only a newer commit tells the two apart.
            if let latest = try await table.log.latestVersion(), latest > next {
                throw DeltaError(.notFound, "\(source.location): commit \(next) was cleaned up before the stream read it (the log now holds up to \(latest)); restart from a newer version")
            }
            return nil
        }
        let planned = try table.schema
        for action in actions {
            guard case .metadata(let metadata) = action else { continue }
            // Older versions with fewer columns read as nulls, and columns added later are left out; a commit
            // that drops a planned column or changes its type cannot be read with the planned columns.
            let changed = try DeltaSchema.arrowSchema(fromJSON: metadata.schemaString)
            for field in planned.fields {
                guard let index = changed.index(ofCaseInsensitive: field.name) else {
                    if !field.isNullable {
                        throw DeltaError(.schemaMismatch, "\(source.location): version \(next) has no column \(field.name); recreate the source to read past it")
                    }
                    continue
                }
                let type = changed.fields[index].type
                if type != field.type, !SchemaAlignment.fits(type, into: field.type) {
                    throw DeltaError(.schemaMismatch, "\(source.location): version \(next) changes column \(field.name) from \(DeltaSchema.typeName(field.type)) to \(DeltaSchema.typeName(type)); recreate the source to read past it")
                }
            }
        }
        let units = try kept(source.plan.changeFeed ? DeltaTable.changeUnits(actions, before: state) : DeltaTable.appendUnits(actions, version: next, skipChangeCommits: source.plan.skipChangeCommits),
                             in: table)
        try state.apply(actions, version: next)
        let millis = DeltaTable.commitTimestamp(actions, fileTime: nil)
        commitStamp = (next, millis.multipliedReportingOverflow(by: 1000).partialValue)
        return units
    }

    /// Adds the change feed's version and time columns (the snapshot phase's rows are inserts of its version).
    private func labelled(_ batch: RecordBatch) throws(DeltaError) -> RecordBatch {
        guard source.plan.changeFeed else { return batch }
        var columns = batch.columns
        if batch.schema.index(of: "_change_type") == nil {
            columns.append(StringArray(Array(repeating: "insert", count: batch.rowCount)))
        }
        columns.append(Int64Array(values: Array(repeating: commitStamp.version, count: batch.rowCount)))
        columns.append(Int64Array(values: Array(repeating: commitStamp.micros, count: batch.rowCount),
                                  type: .timestamp(.microsecond, timeZone: "UTC")))
        do {
            return try RecordBatch(schema: source.schema, columns: columns)
        } catch {
            throw DeltaError(.corruptLog, "labelling changes: \(error)")
        }
    }

    static func dropping(_ count: Int64, from batches: [RecordBatch]) -> [RecordBatch] {
        var remaining = Int(count)
        var result: [RecordBatch] = []
        for batch in batches {
            if remaining >= batch.rowCount {
                remaining -= batch.rowCount
                continue
            }
            result.append(remaining == 0 ? batch : batch.slice(offset: remaining, count: batch.rowCount - remaining))
            remaining = 0
        }
        return result
    }

    func currentCheckpoint() -> SourceCheckpoint {
        SourceCheckpoint(version: version, offset: currentUnit == nil ? 0 : rowsOfCurrent,
                         completed: (inSnapshot ? [Self.snapshotMarker] : []) + completed, current: currentUnit?.id)
    }

    func close() async {
        prefetched?.task.cancel()
        prefetched = nil
    }
}
#endif

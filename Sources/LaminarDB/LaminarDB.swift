import Foundation
import LaminarArrow
import LaminarConnectors
import LaminarCore
import LaminarObjectStore
import LaminarSQL
import LaminarStorage

/// An embedded streaming SQL database.
///
/// Declare sources and sinks in SQL; sinks start running at once, in the background, and queries over
/// bounded sources return their rows:
///
/// ```swift
/// let db = try await LaminarDB.open(directory: "/tmp/laminar")
/// try await db.execute("""
///     CREATE SOURCE trades (symbol VARCHAR, price DOUBLE, ts TIMESTAMP)
///     WITH (type = 'generator', max_rows = 1000, 'fields.symbol.values' = 'AAPL,MSFT');
///     """)
/// let result = try await db.execute("SELECT symbol, count(*) FROM trades GROUP BY symbol ORDER BY symbol")
/// print(result.result ?? "")
/// await db.shutdown()
/// ```
public actor LaminarDB {
    /// Where state lives: checkpoints and logs (the checkpoint machinery writes here).
    public nonisolated let directory: String
    private var catalog = Catalog()
    private var subscriptions: [Task<Void, Never>] = []
    private var isShutDown = false
    /// Time between the periodic checkpoints of sinks created from now on (`SET checkpoint_interval`).
    public private(set) var checkpointInterval: Duration = .seconds(10)
    /// Where sinks created from now on keep their checkpoints (`SET checkpoint_location = 's3://...'`); nil
    /// for `checkpoints/` in the state directory. Object-store credentials come from the environment.
    public private(set) var checkpointLocation: String?

    private init(directory: String) {
        self.directory = directory
    }

    /// Opens (creating if needed) a database whose state lives in `directory`.
    ///
    /// ```swift
    /// let db = try await LaminarDB.open(directory: NSTemporaryDirectory() + "laminar-example")
    /// defer { Task { await db.shutdown() } }
    /// ```
    public static func open(directory: String) async throws -> LaminarDB {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EngineError(.invalidState, "cannot create the state directory \(directory): \(error.localizedDescription)")
        }
        return LaminarDB(directory: directory)
    }

    /// Runs every statement of `sql` in order and returns what the last one did.
    ///
    /// Errors are `SQLError`s for statements that do not parse or plan (with the offending line and a caret)
    /// and `EngineError`s for failures while running.
    ///
    /// ```swift
    /// try await db.execute("""
    ///     CREATE SOURCE numbers (n BIGINT) WITH (type = 'generator', max_rows = 100, 'fields.n.kind' = 'sequence');
    ///     """)
    /// let result = try await db.execute("SELECT n % 3 AS r, count(*) FROM numbers GROUP BY r ORDER BY r")
    /// print(result.result?.rows ?? [])   // [[0, 34], [1, 33], [2, 33]]
    /// ```
    @discardableResult
    public func execute(_ sql: String) async throws -> ExecutionResult {
        let results = try await executeScript(sql)
        return results.last ?? .done("no statement")
    }

    /// Runs every statement of `sql` in order and returns what each did.
    public func executeScript(_ sql: String) async throws -> [ExecutionResult] {
        guard !isShutDown else { throw EngineError(.invalidState, "the database is shut down") }
        do {
            var results: [ExecutionResult] = []
            for statement in try Parser.parseScript(sql) {
                results.append(try await run(statement))
            }
            return results
        } catch let error as SQLError {
            throw error.withSource(sql)
        }
    }

    /// The handle for pushing rows into a `type = 'push'` source.
    ///
    /// ```swift
    /// try await db.execute("CREATE SOURCE orders (id BIGINT, amount DOUBLE) WITH (type = 'push')")
    /// let orders = try await db.source("orders")
    /// try await orders.push(rows: [[.int64(1), .float64(9.5)], [.int64(2), .float64(20)]])
    /// orders.close()   // queries reading it finish once they have processed what was pushed
    /// ```
    public func source(_ name: String) throws -> SourceHandle {
        guard let source = catalog.sources[name.lowercased()] else {
            throw EngineError(.invalidState, "no source named \(name)")
        }
        guard let push = source.prepared as? PushSource else {
            throw EngineError(.invalidState, "source \(name) is a \(source.type) source; only push sources accept rows from Swift")
        }
        return SourceHandle(name: source.descriptor.name, source: push)
    }

    /// Sets the time between periodic checkpoints for sinks created afterwards, like
    /// `SET checkpoint_interval = '1s'`.
    public func setCheckpointInterval(_ interval: Duration) throws {
        guard interval > .zero else { throw EngineError(.invalidState, "the checkpoint interval must be positive") }
        checkpointInterval = interval
    }

    /// Takes a checkpoint of every running sink now and waits for them: when it returns, every row those
    /// sinks received before the call is committed. Returns the checkpoint id per sink.
    ///
    /// ```swift
    /// let ids = try await db.checkpoint()   // e.g. ["trades_lake": 7]
    /// ```
    @discardableResult
    public func checkpoint() async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for sink in catalog.sinks.values where !sink.handle.isFinished {
            do {
                ids[sink.handle.name] = try await sink.handle.control.checkpoint()
            } catch where sink.handle.isFinished {
                // It ended meanwhile, with the final checkpoint of its own.
                continue
            }
        }
        return ids
    }

    /// The running sink called `name`.
    public func sink(_ name: String) -> SinkHandle? {
        catalog.sinks[name.lowercased()]?.handle
    }

    /// Runs a query (or reads a source or stream by name) continuously, delivering its batches as they are
    /// produced.
    ///
    /// ```swift
    /// let large = try await db.subscribe("SELECT id, amount FROM orders WHERE amount > 10")
    /// for try await batch in large { print(batch) }   // ends when `orders` is closed
    /// ```
    public func subscribe(_ queryOrStream: String) async throws -> Subscription {
        let query: Query
        do {
            if catalog.contains(queryOrStream), catalog.sinks[queryOrStream.lowercased()] == nil {
                query = Query(SelectQuery(items: [.wildcard], from: .table(Identifier(queryOrStream), alias: nil)))
            } else {
                query = try Parser.parseQuery(queryOrStream)
            }
        } catch {
            throw error.withSource(queryOrStream)
        }
        let plan: LogicalPlan
        do {
            plan = try QueryPlanner(catalog: catalog.snapshot).plan(query)
        } catch {
            throw error.withSource(queryOrStream)
        }
        let reader = Handoff(try await provider(for: plan).makeReader(consumer: nil, hints: ScanHints(plan: plan)))
        let channel = BatchChannel<RecordBatch>(capacity: 4)
        let task = Task {
            do {
                try await Pipeline(plan: plan, source: reader.value, sink: ChannelSink(channel)).run()
                channel.finish()
            } catch {
                channel.finish(throwing: error as? EngineError ?? EngineError(.execution, "\(error)"))
            }
        }
        subscriptions.removeAll { $0.isCancelled }
        subscriptions.append(task)
        return Subscription(schema: plan.schema, channel: channel, task: task)
    }

    /// Waits until every running sink has finished (their sources are exhausted), rethrowing the first failure.
    public func waitForSinks() async throws {
        for sink in catalog.sinks.values.map(\.handle) { try await sink.wait() }
    }

    /// Stops every pipeline cleanly and refuses further statements.
    ///
    /// ```swift
    /// await db.shutdown()
    /// ```
    ///
    /// Push sources are closed first, so pipelines reading them drain what was already pushed and end as
    /// if their input had ended; pipelines over other unbounded sources are stopped, committing what reached
    /// their sinks (open windows are not emitted: their input did not end).
    public func shutdown() async {
        isShutDown = true
        for source in catalog.sources.values { (source.prepared as? PushSource)?.close() }
        for sink in catalog.sinks.values {
            let readsPush = catalog.sources[sink.reads]?.prepared is PushSource
            if readsPush { try? await sink.handle.wait() } else { try? await sink.handle.stop() }
        }
        for subscription in subscriptions { subscription.cancel() }
        subscriptions = []
    }

    // MARK: Statements

    private func run(_ statement: Statement) async throws -> ExecutionResult {
        switch statement {
        case .createSource(let create): return try await createSource(create)
        case .createStream(let create): return try createStream(create)
        case .createSink(let create): return try await createSink(create)
        case .drop(let statement): return try await drop(statement)
        case .show(let kind): return .rows(show(kind))
        case .describe(let name): return .rows(try describe(name))
        case .explain(let query):
            let plan = try QueryPlanner(catalog: catalog.snapshot).plan(query)
            return .rows(.lines("plan", plan.explanation.split(separator: "\n").map(String.init)))
        case .query(let query): return .rows(try await select(query))
        case .set(let option): return try set(option)
        case .checkpoint:
            let ids = try await checkpoint()
            return .done("CHECKPOINT " + ids.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        case .optimize(let statement): return try await maintain(statement, optimize: true)
        case .vacuum(let statement): return try await maintain(statement, optimize: false)
        }
    }

    /// `OPTIMIZE` and `VACUUM`, on the table of a Delta sink or at a location.
    private func maintain(_ statement: TableMaintenance, optimize: Bool) async throws -> ExecutionResult {
        var sinkOptions: [WithOption]?
        if case .sink(let name) = statement.target {
            guard let sink = catalog.sinks[name.name.lowercased()] else {
                throw SQLError(kind: .semantic, message: "no sink named \(name.name)", location: name.location)
            }
            guard sink.type == "delta" else {
                throw SQLError(kind: .semantic, message: "\(optimize ? "OPTIMIZE" : "VACUUM") works on Delta tables; \(name.name) is a \(sink.type) sink",
                               location: name.location)
            }
            sinkOptions = sink.statement.options
        }
        #if Delta
        let (summary, files) = try await DeltaMaintenance.run(statement, optimize: optimize, sinkOptions: sinkOptions)
        return optimize || files.isEmpty ? .done(summary) : .rows(.lines("path", files + [summary]))
        #else
        throw SQLError(kind: .semantic, message: "this build of LaminarDB has no Delta support (the Delta package trait is off)",
                       location: .unknown)
        #endif
    }

    private func set(_ option: WithOption) throws -> ExecutionResult {
        switch option.key.name {
        case "checkpoint_interval":
            try setCheckpointInterval(try option.duration())
            return .done("SET checkpoint_interval")
        case "checkpoint_location":
            let location = try option.string()
            do {
                _ = try StoreLocation(location)
            } catch {
                throw SQLError(kind: .invalidOption, message: "checkpoint_location: \(error)", location: option.valueLocation)
            }
            checkpointLocation = location
            return .done("SET checkpoint_location")
        default:
            throw SQLError(kind: .invalidOption, message: "unknown setting '\(option.key.spelling)'; settings: checkpoint_interval, checkpoint_location",
                           location: option.key.location, length: option.key.spelling.count)
        }
    }

    private func createSource(_ create: CreateSource) async throws -> ExecutionResult {
        let name = create.name.name
        if catalog.contains(name) {
            if create.ifNotExists { return .done("SOURCE \(name) already exists") }
            throw SQLError(kind: .semantic, message: "\(name) already exists", location: create.name.location)
        }
        let declared = create.columns.isEmpty ? nil : try QueryPlanner.schema(of: create.columns)
        let connector = try Connectors.source(for: create.options)
        let prepared = try await connector.prepare(SourceDefinition(name: name, columns: declared, options: create.options,
                                                                    stateDirectory: directory))
        var descriptor = SourceDescriptor(name: name, schema: prepared.schema, isBounded: prepared.isBounded)
        if let watermark = create.watermark {
            descriptor.watermark = try QueryPlanner.watermark(watermark, schema: prepared.schema, source: name)
        }
        catalog.sources[name.lowercased()] = Catalog.Source(statement: create, type: connector.type, prepared: prepared,
                                                            descriptor: descriptor)
        return .done("CREATE SOURCE \(name)")
    }

    private func createStream(_ create: CreateStream) throws -> ExecutionResult {
        let name = create.name.name
        if catalog.contains(name) {
            if create.ifNotExists { return .done("STREAM \(name) already exists") }
            throw SQLError(kind: .semantic, message: "\(name) already exists", location: create.name.location)
        }
        let plan = try QueryPlanner(catalog: catalog.snapshot).plan(create.query)
        catalog.streams[name.lowercased()] = Catalog.Stream(statement: create, schema: plan.schema, isBounded: plan.isBounded)
        return .done("CREATE STREAM \(name)")
    }

    private func createSink(_ create: CreateSink) async throws -> ExecutionResult {
        let name = create.name.name
        if catalog.contains(name) {
            if create.ifNotExists { return .done("SINK \(name) already exists") }
            throw SQLError(kind: .semantic, message: "\(name) already exists", location: create.name.location)
        }
        let query: Query
        switch create.input {
        case .query(let given): query = given
        case .stream(let stream):
            guard catalog.streams[stream.name.lowercased()] != nil || catalog.sources[stream.name.lowercased()] != nil else {
                throw SQLError(kind: .semantic, message: "unknown stream \(stream.name)", location: stream.location)
            }
            query = Query(SelectQuery(items: [.wildcard], from: .table(stream, alias: nil)))
        }
        let plan = try QueryPlanner(catalog: catalog.snapshot).plan(query)
        // A duration in `checkpoint_interval` belongs to the pipeline; a plain number of commits goes to the
        // connector (a Delta sink's log checkpoints).
        var interval = checkpointInterval
        var connectorOptions = create.options
        if let option = create.options.option("checkpoint_interval"), (try? option.int()) == nil {
            interval = try option.duration()
            connectorOptions = create.options.filter { $0.key.name != "checkpoint_interval" }
        }
        let connector = try Connectors.sink(for: connectorOptions)
        let prepared = try await connector.prepare(name: name, schema: plan.schema, options: connectorOptions)
        let storage: CheckpointStore
        if let checkpointLocation {
            let root = checkpointLocation.hasSuffix("/") ? checkpointLocation : checkpointLocation + "/"
            storage = CheckpointStore(store: try ObjectStores.open(root + StateNames.folder(name)))
        } else {
            storage = try CheckpointStore(directory: directory, pipeline: StateNames.folder(name))
        }
        let checkpointing = Checkpointing(pipeline: name.lowercased(), storage: storage, interval: interval)
        let sink = Handoff(try await prepared.makeSink())
        let reader = Handoff(try await provider(for: plan).makeReader(consumer: name.lowercased(), hints: ScanHints(plan: plan)))
        let metrics = PipelineMetrics()
        let task = Task {
            try await Pipeline(plan: plan, source: reader.value, sink: sink.value, checkpointing: checkpointing, metrics: metrics).run()
        }
        let handle = SinkHandle(name: name, metrics: metrics, control: checkpointing.control, task: task)
        catalog.sinks[name.lowercased()] = Catalog.Sink(statement: create, type: connector.type,
                                                        reads: plan.source.name.lowercased(), handle: handle)
        return .sink(handle)
    }

    private func drop(_ drop: DropStatement) async throws -> ExecutionResult {
        let key = drop.name.name.lowercased()
        let exists: Bool
        switch drop.kind {
        case .source:
            exists = catalog.sources[key] != nil
            if exists {
                if let user = catalog.sinks.values.first(where: { $0.reads == key }) {
                    throw SQLError(kind: .semantic, message: "sink \(user.statement.name.name) reads \(drop.name.name); drop it first",
                                   location: drop.name.location)
                }
                (catalog.sources[key]?.prepared as? PushSource)?.close()
                catalog.sources[key] = nil
            }
        case .stream:
            exists = catalog.streams[key] != nil
            catalog.streams[key] = nil
        case .sink:
            exists = catalog.sinks[key] != nil
            if let sink = catalog.sinks.removeValue(forKey: key) {
                try? await sink.handle.stop()
                (catalog.sources[sink.reads]?.prepared as? PushSource)?.forget(consumer: key)
            }
        }
        if !exists && !drop.ifExists {
            throw SQLError(kind: .semantic, message: "no \(drop.kind.sql.lowercased()) named \(drop.name.name)",
                           location: drop.name.location)
        }
        return .done("DROP \(drop.kind.sql) \(drop.name.name)")
    }

    private func show(_ kind: ObjectKind) -> QueryResult {
        switch kind {
        case .source:
            let sources = catalog.sources.values.sorted { $0.descriptor.name < $1.descriptor.name }
            return .table(["name", "type", "bounded", "columns"], [
                sources.map(\.descriptor.name), sources.map(\.type), sources.map { $0.descriptor.isBounded ? "true" : "false" },
                sources.map { $0.descriptor.schema.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ") },
            ])
        case .stream:
            let streams = catalog.streams.values.sorted { $0.statement.name.name < $1.statement.name.name }
            return .table(["name", "query"], [streams.map(\.statement.name.name), streams.map(\.statement.query.sql)])
        case .sink:
            let sinks = catalog.sinks.values.sorted { $0.statement.name.name < $1.statement.name.name }
            return .table(["name", "type", "state", "rows_written"], [
                sinks.map(\.statement.name.name), sinks.map(\.type),
                sinks.map { sink in
                    let snapshot = sink.handle.metrics.snapshot
                    return snapshot.failure.map { "failed: \($0)" } ?? (snapshot.finished ? "finished" : "running")
                },
                sinks.map { String($0.handle.metrics.snapshot.rowsOut) },
            ])
        }
    }

    private func describe(_ name: Identifier) throws -> QueryResult {
        let key = name.name.lowercased()
        let schema: Schema
        if let source = catalog.sources[key] {
            schema = source.descriptor.schema
        } else if let stream = catalog.streams[key] {
            schema = stream.schema
        } else {
            throw SQLError(kind: .semantic, message: "no source or stream named \(name.name)", location: name.location)
        }
        return .table(["column_name", "column_type", "null"], [
            schema.fields.map(\.name), schema.fields.map(\.type.description),
            schema.fields.map { $0.isNullable ? "YES" : "NO" },
        ])
    }

    private func select(_ query: Query) async throws -> QueryResult {
        let plan = try QueryPlanner(catalog: catalog.snapshot).plan(query)
        guard plan.isBounded else {
            throw EngineError(.invalidState, "the query reads the unbounded source \(plan.source.name) and would never end; use CREATE SINK, subscribe(_:), or add LIMIT")
        }
        return try await Self.collect(plan, provider: try provider(for: plan))
    }

    private nonisolated static func collect(_ plan: LogicalPlan, provider: any PreparedSource) async throws -> QueryResult {
        let reader = try await provider.makeReader(consumer: nil, hints: ScanHints(plan: plan))
        let sink = CollectingSink()
        try await Pipeline(plan: plan, source: reader, sink: sink).run()
        return QueryResult(schema: plan.schema, batches: sink.batches)
    }

    private func provider(for plan: LogicalPlan) throws -> any PreparedSource {
        guard let source = catalog.sources[plan.source.name.lowercased()] else {
            throw EngineError(.invalidState, "source \(plan.source.name) was dropped")
        }
        return source.prepared
    }
}

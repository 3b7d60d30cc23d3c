import LaminarArrow
import LaminarCore
import LaminarSQL

/// A kind of source, chosen by `type = '...'` in `CREATE SOURCE ... WITH (...)`.
public protocol SourceConnector: Sendable {
    /// The `type` value, e.g. `generator`.
    var type: String { get }
    /// Checks the options, settles the columns (declared, or inferred where the connector can) and returns
    /// what the engine needs to run queries over the source.
    func prepare(_ definition: SourceDefinition) async throws(SQLError) -> any PreparedSource
}

/// What `CREATE SOURCE` said, before the connector interprets it.
public struct SourceDefinition: Sendable {
    public var name: String
    /// The declared columns, or nil when none were given.
    public var columns: Schema?
    public var options: [WithOption]
    /// The database's state directory, for connectors that keep durable state of their own (the push
    /// source's write-ahead log); nil for none.
    public var stateDirectory: String?

    public init(name: String, columns: Schema?, options: [WithOption], stateDirectory: String? = nil) {
        self.name = name
        self.columns = columns
        self.options = options
        self.stateDirectory = stateDirectory
    }
}

/// A source that passed its checks: a schema, and a way to open a reader for each query that reads it.
public protocol PreparedSource: Sendable {
    var schema: Schema { get }
    var isBounded: Bool { get }
    /// A reader for one query that keeps no position of its own (a `SELECT`, a subscription).
    func makeReader() async throws(EngineError) -> any LakehouseSource
    /// A reader for the durable consumer `consumer` (a sink, by name): sources that retain input for
    /// replay keep it until every such consumer has committed past it.
    func makeReader(consumer: String) async throws(EngineError) -> any LakehouseSource
    /// A reader that may read less, as `hints` allow (see the default below).
    func makeReader(consumer: String?, hints: ScanHints) async throws(EngineError) -> any LakehouseSource
}

extension PreparedSource {
    public func makeReader(consumer: String) async throws(EngineError) -> any LakehouseSource {
        try await makeReader()
    }

    /// A reader for `consumer` (or for one query, when nil) that may skip data the hints rule out and leave
    /// unread columns null; sources that cannot use them read everything, which is always correct.
    public func makeReader(consumer: String?, hints: ScanHints) async throws(EngineError) -> any LakehouseSource {
        if let consumer { return try await makeReader(consumer: consumer) }
        return try await makeReader()
    }
}

/// A kind of sink, chosen by `type = '...'` in `CREATE SINK ... WITH (...)`.
public protocol SinkConnector: Sendable {
    var type: String { get }
    /// Checks the options against the rows the sink will receive. `name` identifies the sink's writes
    /// in its table (the writer id), so it must stay the same across restarts.
    func prepare(name: String, schema: Schema, options: [WithOption]) async throws(SQLError) -> any PreparedSink
}

public protocol PreparedSink: Sendable {
    func makeSink() async throws(EngineError) -> any LakehouseSink
}

/// The built-in connectors by `type`.
public enum Connectors {
    public static let sources: [String: any SourceConnector] = {
        var sources: [String: any SourceConnector] = [
            "generator": GeneratorConnector(),
            "datagen": GeneratorConnector(),
            "file": FileSourceConnector(),
            "push": PushSourceConnector(),
        ]
        #if Delta
        sources["delta"] = DeltaSourceConnector()
        #endif
        return sources
    }()

    public static let sinks: [String: any SinkConnector] = {
        var sinks: [String: any SinkConnector] = ["parquet": ParquetSinkConnector()]
        #if Delta
        sinks["delta"] = DeltaSinkConnector()
        #endif
        return sinks
    }()

    /// The `type` option, required and known.
    static func type(of options: [WithOption], known: [String], what: String) throws(SQLError) -> String {
        guard let option = options.option("type") ?? options.option("connector") else {
            throw SQLError(kind: .invalidOption,
                           message: "a \(what) needs type = '...'; one of \(known.sorted().joined(separator: ", "))",
                           location: .unknown)
        }
        let type = try option.string().lowercased()
        guard known.contains(type) else {
            throw SQLError(kind: .invalidOption,
                           message: "unknown \(what) type '\(type)'; available: \(known.sorted().joined(separator: ", "))",
                           location: option.valueLocation)
        }
        return type
    }

    public static func source(for options: [WithOption]) throws(SQLError) -> any SourceConnector {
        let type = try type(of: options, known: Array(sources.keys), what: "source")
        guard let connector = sources[type] else { throw SQLError(kind: .invalidOption, message: type, location: .unknown) }
        return connector
    }

    public static func sink(for options: [WithOption]) throws(SQLError) -> any SinkConnector {
        let type = try type(of: options, known: Array(sinks.keys), what: "sink")
        guard let connector = sinks[type] else { throw SQLError(kind: .invalidOption, message: type, location: .unknown) }
        return connector
    }
}

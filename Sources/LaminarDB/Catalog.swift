import LaminarArrow
import LaminarConnectors
import LaminarCore
import LaminarSQL

/// Everything `CREATE` has registered, by lower-cased name.
struct Catalog {
    struct Source: Sendable {
        var statement: CreateSource
        var type: String
        var prepared: any PreparedSource
        var descriptor: SourceDescriptor
    }

    struct Stream: Sendable {
        var statement: CreateStream
        var schema: Schema
        var isBounded: Bool
    }

    struct Sink {
        var statement: CreateSink
        var type: String
        var reads: String
        var handle: SinkHandle
    }

    var sources: [String: Source] = [:]
    var streams: [String: Stream] = [:]
    var sinks: [String: Sink] = [:]

    func contains(_ name: String) -> Bool {
        let key = name.lowercased()
        return sources[key] != nil || streams[key] != nil || sinks[key] != nil
    }

    var snapshot: CatalogSnapshot {
        CatalogSnapshot(sources: sources.mapValues(\.descriptor), streams: streams.mapValues(\.statement.query))
    }
}

/// A frozen view of the catalog for the planner, which may run while the catalog changes.
struct CatalogSnapshot: PlanningCatalog {
    let sources: [String: SourceDescriptor]
    let streams: [String: Query]

    func relation(named name: String) -> CatalogRelation? {
        let key = name.lowercased()
        if let source = sources[key] { return .source(source) }
        if let stream = streams[key] { return .stream(stream) }
        return nil
    }
}

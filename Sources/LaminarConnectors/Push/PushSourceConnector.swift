import Foundation
import LaminarArrow
import LaminarCore
import LaminarSQL
import LaminarStorage

/// `type = 'push'`: rows handed over from Swift through the database's source handle.
///
/// Columns must be declared. Every query reading the source gets every batch pushed after it started;
/// `buffer_batches` bounds how far a reader may fall behind before `push` waits for it. When the database
/// has a state directory, pushes go through a write-ahead log under `wal/<source>` there.
public struct PushSourceConnector: SourceConnector {
    public let type = "push"

    public init() {}

    public func prepare(_ definition: SourceDefinition) async throws(SQLError) -> any PreparedSource {
        let options = try ConnectorOptions(definition.options, connector: type, keys: ["buffer_batches"])
        guard let schema = definition.columns, !schema.fields.isEmpty else {
            throw SQLError(kind: .semantic, message: "a push source needs its columns declared: CREATE SOURCE \(definition.name) (col type, ...) WITH (type = 'push')",
                           location: .unknown)
        }
        let buffer = try options.int("buffer_batches") ?? 16
        guard buffer > 0, buffer <= 1 << 16 else { throw options.invalid("buffer_batches", "must be 1 to 65536") }
        var log: WriteAheadLog?
        if let state = definition.stateDirectory {
            do {
                log = try WriteAheadLog(directory: (state as NSString).appendingPathComponent("wal/\(StateNames.folder(definition.name))"))
            } catch {
                throw SQLError(kind: .semantic, message: "source \(definition.name): \(error.message)", location: .unknown)
            }
        }
        return PushSource(schema: schema, bufferBatches: Int(buffer), log: log)
    }
}

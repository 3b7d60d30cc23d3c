import Foundation
import LaminarArrow
import LaminarDelta
import LaminarTestSupport
import Testing

/// The action model and schema mapping against the real logs written by Spark and delta-rs in
/// `../shared/golden/delta`.
@Suite struct DeltaLogTests {
    /// Every commit file of every golden table, by table.
    static func goldenCommits() throws -> [(table: String, file: URL)] {
        let root = InteropEnvironment.goldenTables.appendingPathComponent("delta")
        var result: [(String, URL)] = []
        for table in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let log = root.appendingPathComponent(table).appendingPathComponent("_delta_log")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: log.path) else { continue }
            for name in names.sorted() where CommitFile.version(ofName: name[...]) != nil {
                result.append((table, log.appendingPathComponent(name)))
            }
        }
        return result
    }

    @Test func everyGoldenCommitDecodesAndReencodesToTheSameActions() throws {
        let commits = try Self.goldenCommits()
        #expect(commits.count >= 40)
        var kinds: Set<String> = []
        for (table, file) in commits {
            let actions = try CommitFile.decode(Array(try Data(contentsOf: file)), name: "\(table)/\(file.lastPathComponent)")
            #expect(!actions.isEmpty, "\(table)/\(file.lastPathComponent)")
            let again = try CommitFile.decode(try CommitFile.encode(actions), name: "re-encoded")
            #expect(again == actions, "\(table)/\(file.lastPathComponent)")
            for action in actions {
                switch action {
                case .protocolVersions: kinds.insert("protocol")
                case .metadata: kinds.insert("metaData")
                case .add: kinds.insert("add")
                case .remove: kinds.insert("remove")
                case .cdc: kinds.insert("cdc")
                case .transaction: kinds.insert("txn")
                case .commitInfo: kinds.insert("commitInfo")
                case .unknown(let name, _): kinds.insert(name)
                }
            }
        }
        #expect(kinds.isSuperset(of: ["protocol", "metaData", "add", "remove", "cdc", "commitInfo"]))
    }

    @Test func everyGoldenSchemaMapsToArrowAndBack() throws {
        var schemas = 0
        for (table, file) in try Self.goldenCommits() {
            for case .metadata(let metadata) in try CommitFile.decode(Array(try Data(contentsOf: file)), name: table) {
                let schema = try DeltaSchema.arrowSchema(fromJSON: metadata.schemaString)
                #expect(!schema.fields.isEmpty, "\(table)")
                let roundTripped = try DeltaSchema.arrowSchema(fromJSON: try DeltaSchema.json(for: schema))
                #expect(roundTripped == schema, "\(table)")
                schemas += 1
            }
        }
        #expect(schemas >= 10)
    }

    @Test func sparkTypesMapToTheirArrowTypes() throws {
        let json = """
            {"type":"struct","fields":[
            {"name":"b","type":"byte","nullable":true,"metadata":{}},
            {"name":"ts","type":"timestamp","nullable":false,"metadata":{}},
            {"name":"ntz","type":"timestamp_ntz","nullable":true,"metadata":{}},
            {"name":"d","type":"decimal(10,2)","nullable":true,"metadata":{"delta.columnMapping.id":5}},
            {"name":"tags","type":{"type":"array","elementType":"string","containsNull":false},"nullable":true,"metadata":{}},
            {"name":"attrs","type":{"type":"map","keyType":"string","valueType":"long","valueContainsNull":true},"nullable":true,"metadata":{}}
            ]}
            """
        let schema = try DeltaSchema.arrowSchema(fromJSON: json)
        #expect(schema.fields.map(\.type) == [
            .int8, .timestamp(.microsecond, timeZone: "UTC"), .timestamp(.microsecond, timeZone: nil),
            .decimal128(precision: 10, scale: 2), .list(of: .utf8, nullable: false), .map(key: .utf8, value: .int64),
        ])
        #expect(schema.fields[1].isNullable == false)
        #expect(schema.fields[3].metadata["delta.columnMapping.id"] == "5")
        #expect(throws: DeltaError.self) { try DeltaSchema.json(for: Schema([Field(name: "u", type: .uint32)])) }
        #expect(throws: DeltaError.self) { try DeltaSchema.arrowSchema(fromJSON: #"{"type":"struct","fields":[{"name":"v","type":"variant"}]}"#) }
    }

    @Test func malformedLinesNameTheFileAndLine() {
        let log = Array("{\"txn\":{\"appId\":\"a\",\"version\":1}}\n{\"add\":{\"path\":\"x.parquet\"}}\n".utf8)
        let error = #expect(throws: DeltaError.self) { try CommitFile.decode(log, name: "00000000000000000003.json") }
        #expect(error?.message.hasPrefix("00000000000000000003.json:2:") == true)
        #expect(error?.message.contains("size") == true || error?.message.contains("partitionValues") == true)
        #expect(CommitFile.name(version: 42) == "00000000000000000042.json")
        #expect(CommitFile.version(ofName: "00000000000000000042.json") == 42)
        #expect(CommitFile.version(ofName: "00000000000000000042.checkpoint.parquet") == nil)
    }
}

import LaminarArrow
import LaminarTestSupport
import Testing
@testable import LaminarFileFormats

/// Random byte mutations of valid files: every outcome must be batches or a `FileFormatError`, never a trap.
/// Reading goes through inference too, since the sniffer sees the same bytes.
@Suite struct FuzzTests {
    static let csv = Array("""
        id,name,price,day,at,flag
        1,"Smith, ""J""\nJr.",2.5,2024-01-31,2024-01-31 10:00:00,true
        2,é😀,-3e2,2024-02-29,2024-02-29T23:59:59.123456,false
        3,,,,,
        9223372036854775807,"x",1,1970-01-01,1970-01-01 00:00:00,TRUE

        """.utf8)

    static let json = Array(#"""
        {"id": 1, "name": "a\"b\u00e9\ud83d\ude00", "tags": ["x", null], "p": {"x": 1.5, "y": [1, 2]}, "day": "2024-01-31"}

        {"id": -9223372036854775808, "name": null, "tags": [], "p": null, "at": 1700000000000000}
        {"ID": "12", "Name": "é", "p": {"X": 2}, "day": "2024-01-31T10:00:00", "extra": [[{}], true, false]}
        """#.utf8)

    static let jsonSchema = Schema([
        Field(name: "id", type: .int64), Field(name: "name", type: .utf8), Field(name: "tags", type: .list(of: .utf8)),
        Field(name: "p", type: .struct([Field(name: "x", type: .float64), Field(name: "y", type: .list(of: .int32))])),
        Field(name: "day", type: .date32), Field(name: "at", type: .timestamp(.microsecond, timeZone: nil)),
        Field(name: "dec", type: .decimal128(precision: 9, scale: 2)),
    ])

    static let interesting: [UInt8] = Array("\",\n\r\\{}[]:0-9.eE\"u ".utf8) + [0x00, 0x80, 0xC3, 0xED, 0xF4, 0xFF]

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0...Int(random.next() % 4) {
            let choice = random.next() % 5
            let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let byte = random.next() % 2 == 0 ? UInt8(truncatingIfNeeded: random.next())
                : interesting[Int(random.next() % UInt64(interesting.count))]
            switch choice {
            case 0 where !bytes.isEmpty: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2 where !bytes.isEmpty: bytes.remove(at: position)
            case 3: bytes.removeLast(min(bytes.count, Int(random.next() % 16)))
            default:
                let length = min(bytes.count - position, Int(random.next() % 8))
                bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
            }
        }
        return bytes
    }

    @Test func mutatedCSVOnlyThrows() throws {
        let schema = try CSVReader.inferSchema(data: Self.csv)
        #expect(schema.fields.map(\.type) == [.int64, .utf8, .float64, .date32,
                                              .timestamp(.microsecond, timeZone: nil), .boolean])
        var random = SeededGenerator(seed: 42)
        var outcomes = (read: 0, failed: 0)
        for _ in 0..<3_000 {
            let input = Self.mutate(Self.csv, &random)
            do {
                _ = try CSVReader.inferSchema(data: input, maxRecords: 3)
                var reader = try CSVReader(data: input, schema: schema, options: CSVOptions(batchSize: 2))
                let batches = try reader.readAll()
                outcomes.read += 1
                for batch in batches { #expect(batch.columns.allSatisfy { $0.count == batch.rowCount }) }
            } catch {
                outcomes.failed += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(outcomes.read > 0 && outcomes.failed > 0)
    }

    @Test func mutatedJSONOnlyThrows() throws {
        var clean = try JSONLinesReader(data: Self.json, schema: Self.jsonSchema)
        #expect(try clean.readAll().map(\.rowCount) == [3])
        var random = SeededGenerator(seed: 7)
        var outcomes = (read: 0, failed: 0)
        for _ in 0..<3_000 {
            let input = Self.mutate(Self.json, &random)
            do {
                _ = try JSONLinesReader.inferSchema(data: input)
                var reader = try JSONLinesReader(data: input, schema: Self.jsonSchema, batchSize: 2)
                _ = try reader.readAll()
                outcomes.read += 1
            } catch {
                outcomes.failed += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(outcomes.read > 0 && outcomes.failed > 0)
    }

    @Test func randomBytesOnlyThrow() {
        var random = SeededGenerator(seed: 3)
        let schema = Schema([Field(name: "a", type: .utf8), Field(name: "b", type: .int64)])
        for _ in 0..<2_000 {
            let count = Int(random.next() % 64)
            let input = (0..<count).map { _ in Self.interesting[Int(random.next() % UInt64(Self.interesting.count))] }
            _ = try? CSVReader.inferSchema(data: Array("a,b\n".utf8) + input)
            _ = try? JSONLinesReader.inferSchema(data: input)
            if var reader = try? CSVReader(data: Array("a,b\n".utf8) + input, schema: schema) { _ = try? reader.readAll() }
            if var reader = try? JSONLinesReader(data: input, schema: schema) { _ = try? reader.readAll() }
        }
    }
}

import Foundation
import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct CSVReaderTests {
    let people = Schema([Field(name: "id", type: .int64), Field(name: "name", type: .utf8),
                         Field(name: "score", type: .float64)])

    @Test func readsPlainRecords() throws {
        let batches = try readCSV("id,name,score\n1,Ann,2.5\n2,Bob,-3\n", people)
        #expect(batches.count == 1)
        #expect(column(batches, "id") == [.int64(1), .int64(2)])
        #expect(column(batches, "name") == [.utf8("Ann"), .utf8("Bob")])
        #expect(column(batches, "score") == [.float64(2.5), .float64(-3)])
    }

    @Test func quotedFieldsKeepDelimitersNewlinesAndEscapedQuotes() throws {
        let text = "id,name,score\n1,\"Smith, \"\"Jo\"\"\nJr.\",1\n2,\"\",2\n"
        let batches = try readCSV(text, people)
        #expect(column(batches, "name") == [.utf8("Smith, \"Jo\"\nJr."), .utf8("")])
        #expect(column(batches, "id") == [.int64(1), .int64(2)])
    }

    @Test func crlfAndMissingTrailingNewline() throws {
        let batches = try readCSV("id,name,score\r\n1,a,1\r\n2,\"b\r\nc\",2", people)
        #expect(column(batches, "name") == [.utf8("a"), .utf8("b\r\nc")])
        #expect(column(batches, "score") == [.float64(1), .float64(2)])
    }

    @Test func emptyUnquotedIsNullButQuotedEmptyIsText() throws {
        let batches = try readCSV("id,name,score\n,,\n3,\"\",\n", people)
        #expect(column(batches, "id") == [.null, .int64(3)])
        #expect(column(batches, "name") == [.null, .utf8("")])
        #expect(column(batches, "score") == [.null, .null])
    }

    @Test func customNullStringsAndDelimiter() throws {
        let options = CSVOptions(delimiter: UInt8(ascii: ";"), nullValues: ["NA", "-"])
        let batches = try readCSV("id;name;score\n1;NA;-\nNA;\"NA\";1,5\n", people.withScore(.utf8), options: options)
        #expect(column(batches, "id") == [.int64(1), .null])
        #expect(column(batches, "name") == [.null, .utf8("NA")])
        #expect(column(batches, "score") == [.null, .utf8("1,5")])
    }

    @Test func matchesHeaderCaseInsensitivelyAndIgnoresExtraColumns() throws {
        let schema = Schema([Field(name: "score", type: .float64), Field(name: "ID", type: .int64)])
        let batches = try readCSV("Id,Extra,SCORE\n7,x,0.5\n", schema)
        #expect(batches.first?.schema == schema)
        #expect(column(batches, "ID") == [.int64(7)])
        #expect(column(batches, "score") == [.float64(0.5)])
    }

    @Test func skipsByteOrderMarkAndBlankLines() throws {
        let data: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name,score\n\n1,a,1\n\n\n2,b,2\n\n".utf8)
        var reader = try CSVReader(data: data, schema: people)
        let batches = try reader.readAll()
        #expect(column(batches, "id") == [.int64(1), .int64(2)])
        #expect(reader.header == ["id", "name", "score"])
    }

    @Test func convertsEveryScalarTypeThroughCast() throws {
        let schema = Schema([
            Field(name: "b", type: .boolean), Field(name: "i8", type: .int8), Field(name: "u32", type: .uint32),
            Field(name: "f", type: .float32), Field(name: "d", type: .decimal128(precision: 10, scale: 2)),
            Field(name: "day", type: .date32), Field(name: "ts", type: .timestamp(.microsecond, timeZone: nil)),
        ])
        let text = "b,i8,u32,f,d,day,ts\ntrue,-128,4294967295,1.5,12.345,2024-01-31,2024-01-31 10:00:00\n"
        let batches = try readCSV(text, schema)
        let row = try #require(batches.first).row(0)
        #expect(row[0] == .boolean(true))
        #expect(row[1] == .int8(-128))
        #expect(row[2] == .uint32(4_294_967_295))
        #expect(row[3] == .float32(1.5))
        #expect(row[4] == .decimal128(1235, precision: 10, scale: 2))
        #expect(row[5] == .date32(Temporal.parseDate("2024-01-31") ?? 0))
        let micros = Temporal.parseTimestamp("2024-01-31T10:00:00", unit: .microsecond)?.ticks ?? 0
        #expect(row[6] == .timestamp(micros, .microsecond, timeZone: nil))
    }

    @Test func int64ExtremesAreExact() throws {
        let schema = Schema([Field(name: "v", type: .int64)])
        let batches = try readCSV("v\n9223372036854775807\n-9223372036854775808\n 42 \n", schema)
        #expect(column(batches, "v") == [.int64(.max), .int64(.min), .int64(42)])
    }

    @Test func splitsIntoBatchesOfTheConfiguredSize() throws {
        var text = "id,name,score\n"
        for row in 0..<20_001 { text += "\(row),n\(row),\(row).5\n" }
        var reader = try CSVReader(data: Array(text.utf8), schema: people)
        let batches = try reader.readAll()
        #expect(batches.map(\.rowCount) == [8192, 8192, 3617])
        #expect(try reader.next() == nil)
        let last = try #require(batches.last)
        #expect(last.row(last.rowCount - 1) == [.int64(20_000), .utf8("n20000"), .float64(20_000.5)])
        let small = try readCSV(text, people, options: CSVOptions(batchSize: 10_000))
        #expect(small.map(\.rowCount) == [10_000, 10_000, 1])
    }

    @Test func acceptsFoundationData() throws {
        var reader = try CSVReader(data: Data("id,name,score\n1,a,2\n".utf8), schema: people)
        #expect(try reader.next()?.rowCount == 1)
    }

    @Test func headerOnlyGivesNoBatches() throws {
        #expect(try readCSV("id,name,score\n", people).isEmpty)
    }
}

extension Schema {
    func withScore(_ type: DataType) -> Schema {
        Schema(fields.map { $0.name == "score" ? Field(name: "score", type: type) : $0 })
    }
}

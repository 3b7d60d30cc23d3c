import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct CSVErrorTests {
    let schema = Schema([Field(name: "id", type: .int64), Field(name: "price", type: .float64),
                         Field(name: "day", type: .date32)])

    @Test func conversionErrorNamesFileLineColumnAndValue() {
        let text = "id,price,day\n1,2.5,2024-01-01\n2,abc,2024-01-02\n"
        let error = formatError { _ = try readCSV(text, schema, source: "trades.csv") }
        #expect(error?.description == #"trades.csv:3: column "price": expected double, found "abc""#)
    }

    @Test func castConversionErrorsKeepTheirLine() {
        // date32 goes through Compute.cast once per batch; the row maps back to its line.
        let text = "id,price,day\n1,1,2024-01-01\n\n2,2,\"2024-02-30\"\n"
        let error = formatError { _ = try readCSV(text, schema) }
        #expect(error?.kind == .conversion(expected: "date32[day]", found: "\"2024-02-30\""))
        #expect(error?.line == 4)
        #expect(error?.column == "day")
    }

    @Test func tooFewAndTooManyFields() {
        let few = formatError { _ = try readCSV("id,price,day\n1,2,2024-01-01\n3,4\n", schema) }
        #expect(few?.kind == .fieldCount(expected: 3, found: 2))
        #expect(few?.line == 3)
        let many = formatError { _ = try readCSV("id,price,day\n1,2,2024-01-01,9\n", schema) }
        #expect(many?.description == "t.csv:2: expected 3 fields, found 4")
    }

    @Test func unterminatedQuoteReportsWhereItOpened() {
        let error = formatError { _ = try readCSV("id,price,day\n1,2,\"2024\n\n", schema) }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 2)
        #expect(error?.column == "day")
    }

    @Test func textAfterClosingQuote() {
        let error = formatError { _ = try readCSV("id,price,day\n\"1\"x,2,2024-01-01\n", schema) }
        #expect(error?.kind == .unexpectedAfterQuote(found: "\"x\""))
        #expect(error?.line == 2)
    }

    @Test func invalidUTF8() throws {
        let data = Array("id,price,day\n1,2,2024-01-01\n".utf8) + [0x31, 0x2C, 0xFF, 0x2C, 0x0A]
        let error = formatError {
            var reader = try CSVReader(data: data, schema: schema, source: "u.csv")
            _ = try reader.readAll()
        }
        #expect(error?.description == #"u.csv:3: column "price": invalid UTF-8"#)
    }

    @Test func missingColumnAndMissingHeader() {
        let missing = formatError { _ = try readCSV("id,day\n", schema) }
        #expect(missing?.description == #"t.csv:1: column "price": not found in the header"#)
        let empty = formatError { _ = try readCSV("\n\n", schema) }
        #expect(empty?.kind == .missingHeader)
    }

    @Test func nonNullableColumnRejectsNull() {
        let strict = Schema([Field(name: "id", type: .int64, nullable: false)])
        let error = formatError { _ = try readCSV("id\n1\n\"\"\n,\n", strict) }
        // Outside string columns quotes carry no meaning, so `""` is a null here too.
        #expect(error?.kind == .unexpectedNull(expected: "int64"))
        #expect(error?.line == 3)
        let nullError = formatError { _ = try readCSV("id\n1\nx\n", Schema([Field(name: "id", type: .utf8, nullable: false)])) }
        #expect(nullError == nil)
        let empty = formatError { _ = try readCSV("a,id\n1,\n", strict) }
        #expect(empty?.kind == .unexpectedNull(expected: "int64"))
        #expect(empty?.line == 2)
    }

    @Test func rejectsBadOptionsAndTypes() {
        let quote = formatError { _ = try readCSV("a\n", schema, options: CSVOptions(delimiter: UInt8(ascii: "\""))) }
        #expect(quote.map { if case .invalidArgument = $0.kind { true } else { false } } == true)
        let zero = formatError { _ = try readCSV("a\n", schema, options: CSVOptions(batchSize: 0)) }
        #expect(zero != nil)
        let list = formatError { _ = try readCSV("a\n", Schema([Field(name: "a", type: .list(of: .int64))])) }
        #expect(list?.column == "a")
    }

    @Test func errorIsStickyAfterFailure() throws {
        var reader = try CSVReader(data: Array("id,price,day\n1,x,2024-01-01\n".utf8), schema: schema)
        let first = formatError { _ = try reader.next() }
        let second = formatError { _ = try reader.next() }
        #expect(first != nil)
        #expect(first == second)
    }
}

@Suite struct DecimalExponentTests {
    /// Exponents at and beyond `Int`'s range once trapped in `DecimalFormat.parse`; both readers must report them.
    @Test func hugeExponentsAreConversionErrors() {
        let schema = Schema([Field(name: "d", type: .decimal128(precision: 10, scale: 2))])
        for text in ["1e-9223372036854775808", "1E+00009223372036854775808", "2e99999999999999999999"] {
            let csv = formatError { _ = try readCSV("d\n1.5\n\(text)\n", schema) }
            #expect(csv?.line == 3, "\(text)")
            #expect(csv?.column == "d")
            let json = formatError { _ = try readJSON("{\"d\": \(text)}\n", schema) }
            #expect(json?.kind == .conversion(expected: "decimal128(10, 2)", found: text), "\(text)")
        }
        #expect(column((try? readCSV("d\n1.5e1\n", schema)) ?? [], "d") == [.decimal128(1500, precision: 10, scale: 2)])
    }
}

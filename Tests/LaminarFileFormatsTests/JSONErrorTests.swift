import LaminarArrow
import Testing
@testable import LaminarFileFormats

@Suite struct JSONErrorTests {
    let schema = Schema([Field(name: "id", type: .int64), Field(name: "name", type: .utf8)])

    @Test func conversionErrorNamesLineAndField() {
        let error = formatError { _ = try readJSON("{\"id\": 1}\n\n{\"id\": \"abc\"}\n", schema) }
        #expect(error?.description == #"t.jsonl:3: column "id": expected int64, found "abc""#)
        let overflow = formatError { _ = try readJSON("{\"id\": 9223372036854775808}", schema) }
        #expect(overflow?.kind == .conversion(expected: "int64", found: "9223372036854775808"))
        let fraction = formatError { _ = try readJSON("{\"id\": 1.5}", schema) }
        #expect(fraction?.line == 1)
    }

    @Test func nestedFieldErrorsUseDottedPaths() {
        let nested = Schema([Field(name: "user", type: .struct([Field(name: "age", type: .int32)]))])
        let error = formatError { _ = try readJSON(#"{"user": {"age": true}}"#, nested) }
        #expect(error?.description == #"t.jsonl:1: column "user.age": expected int32, found true"#)
    }

    @Test func nonObjectLines() {
        let array = formatError { _ = try readJSON("{\"id\": 1}\n[1, 2]\n", schema) }
        #expect(array?.kind == .notAnObject(found: "array"))
        #expect(array?.line == 2)
        let number = formatError { _ = try readJSON("42", schema) }
        #expect(number?.kind == .notAnObject(found: "number"))
    }

    @Test func syntaxErrorsCarryLineAndOffset() {
        let cases: [(String, String)] = [
            ("{\"id\": 1,}", "expected a string"),
            ("{\"id\" 1}", "expected ':'"),
            ("{\"id\": 01}", "expected ',' or '}'"),
            ("{\"id\": 1} x", "unexpected data after the object"),
            ("{\"name\": \"abc}", "unterminated string"),
            ("{\"name\": \"\\x\"}", "invalid escape"),
            ("{\"name\": \"\\ud83d\"}", "unpaired high surrogate"),
            ("{\"name\": \"\\ude00\"}", "unpaired low surrogate"),
            ("{\"name\": \"a\tb\"}", "control character in string"),
            ("{\"id\": tru}", "invalid literal"),
            ("{\"id\": -}", "expected a digit"),
            ("{\"id\": 1.}", "expected a digit after '.'"),
            ("{\"id\": 1", "expected ',' or '}'"),
            ("}", "expected a JSON object"),
        ]
        for (text, message) in cases {
            let error = formatError { _ = try readJSON("{}\n" + text + "\n", schema) }
            guard case .invalidJSON(let detail, let offset)? = error?.kind else {
                Issue.record("\(text): expected a syntax error, got \(String(describing: error))")
                continue
            }
            #expect(detail == message, "\(text)")
            #expect(error?.line == 2, "\(text)")
            #expect(offset >= 1 && offset <= text.utf8.count + 1, "\(text)")
        }
    }

    @Test func invalidUTF8InString() {
        let data = Array("{\"name\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let error = formatError {
            var reader = try JSONLinesReader(data: data, schema: schema)
            _ = try reader.readAll()
        }
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.line == 1)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "{\"x\": " + String(repeating: "[", count: 100_000) + "}"
        let error = formatError { _ = try readJSON(deep, schema) }
        #expect(error?.kind == .tooDeep(limit: JSONScanner.maxDepth))
        let inferred = formatError { _ = try JSONLinesReader.inferSchema(data: Array(deep.utf8)) }
        #expect(inferred?.kind == .tooDeep(limit: JSONScanner.maxDepth))
    }

    @Test func nonNullableMissingField() {
        let strict = Schema([Field(name: "id", type: .int64, nullable: false)])
        let error = formatError { _ = try readJSON("{\"id\": 1}\n{\"other\": 2}\n", strict) }
        #expect(error?.description == #"t.jsonl:2: column "id": expected non-null int64, found null"#)
    }

    @Test func unsupportedTypeIsRejectedUpFront() {
        let error = formatError {
            _ = try JSONLinesReader(data: [], schema: Schema([Field(name: "m", type: .map(key: .utf8, value: .int64))]))
        }
        #expect(error?.column == "m")
    }
}

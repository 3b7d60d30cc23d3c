import LaminarSQL
import Testing

@Suite struct OptionTests {
    func options(_ with: String) throws -> [WithOption] {
        guard case .createSource(let source) = try statement("CREATE SOURCE s WITH (\(with))") else { return [] }
        return source.options
    }

    func option(_ value: String) throws -> WithOption {
        try #require(try options("the_key = \(value)").first)
    }

    @Test func keysAreCaseInsensitiveAndKeepTheirSpelling() throws {
        let parsed = try options("Connector = 'x', 'Fields.ID.Kind' = 'seq', Delivery.\"Guarantee\" = 'exactly-once'")
        #expect(parsed.map(\.key.name) == ["connector", "fields.id.kind", "delivery.guarantee"])
        #expect(parsed.map(\.key.spelling) == ["Connector", "Fields.ID.Kind", "Delivery.\"Guarantee\""])
        #expect(parsed.option("CONNECTOR")?.value == .string("x"))
        #expect(parsed.option("fields.id.KIND") != nil)
        #expect(parsed.option("missing") == nil)
        #expect(OptionKey("A.B") == OptionKey("a.b"))
    }

    @Test func valueForms() throws {
        let parsed = try options("a = 'text', b = 42, c = -5, d = 2.5, e = TRUE, f = false, g = Kafka, h = \"Quoted Name\", i = +7")
        #expect(parsed.map(\.value) == [
            .string("text"), .number("42"), .number("-5"), .number("2.5"), .boolean(true), .boolean(false),
            .identifier("Kafka"), .identifier("Quoted Name"), .number("7"),
        ])
        #expect(parsed.map(\.value.text) == ["text", "42", "-5", "2.5", "true", "false", "Kafka", "Quoted Name", "7"])
    }

    static let sizeCases: [(String, Int64)] = [
        ("'128MB'", 128_000_000), ("'1 GiB'", 1 << 30), ("'512kb'", 512_000), ("'512KiB'", 512 * 1024),
        ("'10 B'", 10), ("4096", 4096), ("'1.5 GB'", 1_500_000_000), ("'0.5MiB'", 512 * 1024), ("'2tb'", 2_000_000_000_000),
        ("'7'", 7), ("'1 bytes'", 1), ("'3 PiB'", 3 << 50),
    ]

    @Test(arguments: sizeCases)
    func sizes(value: String, bytes: Int64) throws {
        #expect(try option(value).size() == bytes)
    }

    static let durationCases: [(String, Duration)] = [
        ("'10 seconds'", .seconds(10)), ("'5 min'", .seconds(300)), ("'100ms'", .milliseconds(100)),
        ("'1h'", .seconds(3600)), ("'1h 30m'", .seconds(5400)), ("'1h30m'", .seconds(5400)), ("'1.5s'", .milliseconds(1500)),
        ("'2 days'", .seconds(172_800)), ("'250 us'", .microseconds(250)), ("'7ns'", .nanoseconds(7)),
        ("' 3 Minutes '", .seconds(180)), ("'1w'", .seconds(604_800)),
    ]

    @Test(arguments: durationCases)
    func durations(value: String, duration: Duration) throws {
        #expect(try option(value).duration() == duration)
    }

    @Test func booleansAndNumbers() throws {
        #expect(try option("TRUE").bool() == true)
        #expect(try option("'false'").bool() == false)
        #expect(try option("on").bool() == true)
        #expect(try option("'OFF'").bool() == false)
        #expect(try option("1000").int() == 1000)
        #expect(try option("-12").int() == -12)
        #expect(try option("'77'").int() == 77)
        #expect(try option("0.25").double() == 0.25)
        #expect(try option("kafka").string() == "kafka")
        #expect(try option("'s3://b/p'").string() == "s3://b/p")
    }

    static let badCases: [(String, String)] = [
        ("'huge'", "size"), ("'12 parsecs'", "size"), ("'-5MB'", "size"), ("-5", "size"), ("'99999999999 PB'", "size"),
        ("TRUE", "size"), ("'MB'", "size"),
        ("'10'", "duration"), ("10", "duration"), ("'soon'", "duration"), ("'5 fortnights'", "duration"),
        ("'1e30 weeks'", "duration"), ("'99999999999999999999 s'", "duration"), ("''", "duration"),
        ("'yes please'", "bool"), ("1", "bool"),
        ("'12.5'", "int"), ("'x'", "int"), ("99999999999999999999", "int"), ("TRUE", "int"),
        ("'abc'", "double"), ("42", "string"), ("TRUE", "string"),
    ]

    @Test(arguments: badCases)
    func badValuesNameTheKey(value: String, accessor: String) throws {
        let option = try option(value)
        do {
            switch accessor {
            case "size": _ = try option.size()
            case "duration": _ = try option.duration()
            case "bool": _ = try option.bool()
            case "int": _ = try option.int()
            case "double": _ = try option.double()
            default: _ = try option.string()
            }
            Issue.record("\(accessor) accepted \(value)")
        } catch {
            #expect(error.kind == .invalidOption)
            #expect(error.message.hasPrefix("option 'the_key': expected "), "\(error.message)")
            #expect(error.location == SourceLocation(line: 1, column: 33, offset: 32))
            #expect(error.found == option.value.text || error.found == "'\(option.value.text)'")
        }
    }
}

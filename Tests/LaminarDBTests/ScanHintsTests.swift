import LaminarArrow
import LaminarCore
import LaminarSQL
import Testing

/// The hints a plan gives its source: the columns its operators read and its column-versus-constant
/// conjuncts.
@Suite struct ScanHintsTests {
    static let schema = Schema([
        Field(name: "id", type: .int64), Field(name: "name", type: .utf8), Field(name: "price", type: .float64),
        Field(name: "ts", type: .timestamp(.microsecond, timeZone: nil)),
    ])

    func hints(_ sql: String) throws -> ScanHints {
        let descriptor = SourceDescriptor(name: "t", schema: Self.schema, isBounded: true)
        return ScanHints(plan: try QueryPlanner(catalog: CheckpointRecoveryTests.Catalog(source: descriptor)).plan(try Parser.parseQuery(sql)))
    }

    @Test func columnsReadByTheQuery() throws {
        #expect(try hints("SELECT id FROM t WHERE price > 2").columns == ["id", "price"])
        #expect(try hints("SELECT * FROM t WHERE price > 2").columns == ["id", "name", "price", "ts"])
        #expect(try hints("SELECT count(*) FROM t").columns == [])
        #expect(try hints("SELECT name, sum(price) FROM t GROUP BY name").columns == ["name", "price"])
        #expect(try hints("SELECT window_start, count(*) FROM t GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)").columns == ["ts"])
        #expect(try hints("SELECT upper(name) AS n FROM t ORDER BY id LIMIT 3").columns?.isSuperset(of: ["name"]) == true)
        #expect(try hints("SELECT id FROM t ORDER BY price LIMIT 3").columns?.isSuperset(of: ["id", "price"]) == true)
    }

    @Test func conjunctsComparingAColumnWithAConstant() throws {
        let filters = try hints("SELECT id FROM t WHERE id >= 10 AND 5.5 > price AND upper(name) = 'A' AND (id < 3 OR id > 7)").filters
        #expect(Set(filters.map(\.description)) == ["id >= 10", "price < 5.5"])
        #expect(try hints("SELECT id FROM t").filters.isEmpty)
    }
}

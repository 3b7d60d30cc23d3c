import LaminarSQL
import Testing

@Suite struct StatementTests {
    static let seed = """
        CREATE SOURCE trades (symbol VARCHAR, price DOUBLE, volume BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
        WITH (connector = 'generator', rows_per_second = 1000, 'fields.symbol.kind' = 'random', 'fields.symbol.length' = 4);
        CREATE SINK trades_lake WITH (connector = 'delta', path = 's3://bucket/trades', 'delivery.guarantee' = 'exactly-once', partition_by = 'symbol', target_file_size = '128MB')
        AS SELECT symbol, TUMBLE(ts, INTERVAL '1' MINUTE) AS w, AVG(price) AS avg_price, SUM(volume) FROM trades GROUP BY symbol, TUMBLE(ts, INTERVAL '1' MINUTE);
        """

    @Test func seedScriptParsesToTheExpectedTrees() throws {
        let statements = try Parser.parseScript(Self.seed)
        #expect(statements.count == 2)
        let source = CreateSource(
            name: "trades",
            columns: [
                ColumnDefinition("symbol", .varchar(length: nil)), ColumnDefinition("price", .double),
                ColumnDefinition("volume", .bigint), ColumnDefinition("ts", .timestamp(precision: nil)),
            ],
            watermark: Watermark(column: "ts", expression: bin(col("ts"), .minus, .interval("5", .second))),
            options: [
                WithOption("connector", .string("generator")), WithOption("rows_per_second", .number("1000")),
                WithOption("fields.symbol.kind", .string("random")), WithOption("fields.symbol.length", .number("4")),
            ])
        #expect(statements.first == .createSource(source))
        let window = call("tumble", col("ts"), .interval("1", .minute))
        let query = Query(SelectQuery(
            items: [
                item(col("symbol")), item(window, as: "w"), item(call("avg", col("price")), as: "avg_price"),
                item(call("sum", col("volume"))),
            ],
            from: table("trades"), groupBy: [col("symbol"), window]))
        let sink = CreateSink(
            name: "trades_lake", input: .query(query),
            options: [
                WithOption("connector", .string("delta")), WithOption("path", .string("s3://bucket/trades")),
                WithOption("delivery.guarantee", .string("exactly-once")), WithOption("partition_by", .string("symbol")),
                WithOption("target_file_size", .string("128MB")),
            ])
        #expect(statements.last == .createSink(sink))
        #expect(try Parser.parseScript(statements.sql) == statements)
        guard case .createSink(let parsed) = statements.last else { return }
        #expect(try parsed.options.option("TARGET_FILE_SIZE")?.size() == 128_000_000)
        #expect(parsed.options.option("delivery.guarantee")?.key.location == SourceLocation(line: 3, column: 81, offset: 324))
    }

    @Test func createForms() throws {
        #expect(
            try statement("create source if not exists s with (connector = kafka)")
                == .createSource(CreateSource(name: "s", ifNotExists: true, options: [WithOption("connector", .identifier("kafka"))])))
        #expect(
            try statement("CREATE SOURCE s (id BIGINT NOT NULL, name TEXT NULL) WITH (a = 1)")
                == .createSource(CreateSource(
                    name: "s", columns: [ColumnDefinition("id", .bigint, nullable: false), ColumnDefinition("name", .varchar(length: nil))],
                    options: [WithOption("a", .number("1"))])))
        #expect(
            try statement("CREATE SINK out FROM agg WITH (connector = 'stdout')")
                == .createSink(CreateSink(name: "out", input: .stream("agg"), options: [WithOption("connector", .string("stdout"))])))
        #expect(
            try statement("CREATE STREAM IF NOT EXISTS agg AS SELECT * FROM trades")
                == .createStream(CreateStream(name: "agg", ifNotExists: true, query: select(.wildcard, from: table("trades")))))
    }

    @Test func otherStatements() throws {
        #expect(try statement("DROP SOURCE s") == .drop(DropStatement(.source, name: "s")))
        #expect(try statement("drop sink if exists k") == .drop(DropStatement(.sink, name: "k", ifExists: true)))
        #expect(try statement("DROP STREAM \"My Stream\"") == .drop(DropStatement(.stream, name: "My Stream")))
        #expect(try statement("SHOW SOURCES") == .show(.source))
        #expect(try statement("show sinks;") == .show(.sink))
        #expect(try statement("SHOW STREAMS") == .show(.stream))
        #expect(try statement("DESCRIBE trades") == .describe("trades"))
        #expect(try statement("EXPLAIN SELECT a FROM t") == .explain(select(item(col("a")), from: table("t"))))
        #expect(try statement("SET checkpoint_interval = '1s'") == .set(WithOption("checkpoint_interval", .string("1s"))))
        #expect(try statement("set Checkpoint_Interval TO '500 ms'") == .set(WithOption("checkpoint_interval", .string("500 ms"))))
        #expect(try statement("CHECKPOINT") == .checkpoint)
        #expect(try statement("SELECT 1") == .query(select(item(int(1)))))
    }

    @Test func tableMaintenance() throws {
        #expect(try statement("OPTIMIZE lake") == .optimize(TableMaintenance(target: .sink("lake"))))
        #expect(try statement("optimize '/data/t' WITH (target_file_size = '64MB')")
                == .optimize(TableMaintenance(target: .location("/data/t"), options: [WithOption("target_file_size", .string("64MB"))])))
        #expect(try statement("VACUUM lake RETAIN 0 HOURS DRY RUN")
                == .vacuum(TableMaintenance(target: .sink("lake"), retainHours: 0, dryRun: true)))
        #expect(try statement("vacuum 's3://b/t' retain 1.5 hours") == .vacuum(TableMaintenance(target: .location("s3://b/t"), retainHours: 1.5)))
        for sql in ["OPTIMIZE lake", "OPTIMIZE 'it''s' WITH (target_file_size = '1MB')", "VACUUM lake RETAIN 12 HOURS DRY RUN",
                    "VACUUM 's3://b/t' RETAIN 1.5 HOURS WITH (retention_check = false)"] {
            _ = try assertRoundTrip(sql)
        }
        #expect(parseError("VACUUM lake RETAIN HOURS")?.message.contains("expected a number of hours") == true)
        #expect(parseError("VACUUM lake DRY")?.message.contains("expected RUN") == true)
        #expect(parseError("OPTIMIZE")?.message.contains("a sink name or a table location") == true)
    }

    @Test func selectClauses() throws {
        let parsed = try statement("""
            SELECT DISTINCT t.*, a AS x, b y FROM t AS u WHERE a > 1 GROUP BY a HAVING count(*) > 2
            ORDER BY a DESC NULLS LAST, b NULLS FIRST, c ASC LIMIT 10 OFFSET 5
            """)
        let expected = Query(
            .select(SelectQuery(
                isDistinct: true,
                items: [.qualifiedWildcard("t"), item(col("a"), as: "x"), item(col("b"), as: "y")],
                from: table("t", as: "u"), filter: bin(col("a"), .greater, int(1)), groupBy: [col("a")],
                having: bin(Expression(.function(FunctionCall(name: "count", arguments: [], isStar: true))), .greater, int(2)))),
            orderBy: [OrderByItem(col("a"), descending: true, nullsFirst: false), OrderByItem(col("b"), nullsFirst: true), OrderByItem(col("c"))],
            limit: int(10), offset: int(5))
        #expect(parsed == .query(expected))
    }

    @Test func joinsSubqueriesAndUnions() throws {
        let joined = try statement("SELECT * FROM a JOIN b ON a.id = b.id LEFT OUTER JOIN c x ON x.k = a.k, d")
        let on1 = bin(col("a", "id"), .equal, col("b", "id"))
        let on2 = bin(col("x", "k"), .equal, col("a", "k"))
        let relation = Relation.join(
            .join(.join(table("a"), .inner, table("b"), on: on1), .left, table("c", as: "x"), on: on2), .cross, table("d"), on: nil)
        #expect(joined == .query(select(.wildcard, from: relation)))

        let derived = try statement("SELECT s FROM (SELECT symbol AS s FROM trades) AS q")
        #expect(derived == .query(select(item(col("s")), from: .subquery(select(item(col("symbol"), as: "s"), from: table("trades")), alias: "q"))))

        let union = try statement("SELECT a FROM t UNION ALL SELECT b FROM u UNION SELECT c FROM v ORDER BY 1")
        let expected = Query(
            .union(.union(.select(SelectQuery(items: [item(col("a"))], from: table("t"))), .select(SelectQuery(items: [item(col("b"))], from: table("u"))), all: true),
                   .select(SelectQuery(items: [item(col("c"))], from: table("v"))), all: false),
            orderBy: [OrderByItem(int(1))])
        #expect(union == .query(expected))
    }

    @Test(arguments: [
        seed,
        "CREATE SOURCE s WITH (connector = kafka, topic = 'x', 'Fields.A.Kind' = 'seq', \"Quoted\".key = -5, e = +2.5, f = TRUE, g = \"JSON\", h = off)",
        "CREATE SOURCE s (\"Order\" INT, \"select\" STRUCT<a INT, \"b c\" ARRAY<VARCHAR(10)>>, m MAP<VARCHAR, DOUBLE PRECISION>, tz TIMESTAMPTZ, t3 TIMESTAMP(3), d DECIMAL(10, 2), xs BIGINT[][], WATERMARK FOR t3 AS t3 - INTERVAL '1' SECOND) WITH (x = 1)",
        "CREATE SOURCE s (WATERMARK FOR ts AS ts) WITH (x = 1)",
        "CREATE SINK IF NOT EXISTS k WITH (a = 'b') AS SELECT * FROM t WHERE x IS NOT NULL",
        "CREATE SINK k FROM s WITH (a = 'b')",
        "CREATE SINK k AS SELECT 1",
        "CREATE STREAM agg WITH (emit = 'final') AS SELECT symbol, window_start, window_end, COUNT(*) FROM TABLE_X GROUP BY symbol, HOP(ts, INTERVAL '10' SECOND, INTERVAL '1' MINUTE)",
        "DROP SOURCE IF EXISTS s; DROP SINK k; DROP STREAM \"x y\"",
        "SHOW SOURCES; SHOW SINKS; SHOW STREAMS; DESCRIBE \"T\"",
        "EXPLAIN SELECT a FROM t ORDER BY a DESC NULLS FIRST LIMIT 1 + 1",
        "SELECT * FROM a CROSS JOIN b, c RIGHT JOIN d ON TRUE FULL OUTER JOIN (e JOIN f ON e.x = f.x) ON d.y = e.y",
        "SELECT * FROM (SELECT 1) x JOIN ((SELECT 2)) AS y ON TRUE",
        "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)",
        "SELECT a FROM t UNION ALL (SELECT b FROM u UNION SELECT c FROM v)",
        "SELECT CASE WHEN x IN (SELECT y FROM z) THEN 'a' END AS \"Case\", \"from\".\"select\" FROM \"from\"",
        "-- comment\nSELECT /* nested /* comment */ */ 1; ;;",
        "SELECT ALL a FROM t",
    ])
    func scriptsRoundTrip(sql: String) throws {
        let statements = try Parser.parseScript(sql)
        #expect(!statements.isEmpty)
        let printed = statements.sql
        #expect(try Parser.parseScript(printed) == statements, "printed: \(printed)")
        #expect(try Parser.parseScript(printed).sql == printed)
        for single in statements {
            try assertRoundTrip(single.sql)
        }
    }
}

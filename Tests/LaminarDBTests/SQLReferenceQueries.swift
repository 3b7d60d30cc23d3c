/// The queries of the SQL semantics comparison with DuckDB. `{t}` stands for the table (`t_csv` or
/// `t_parquet`); `duckdb` is DuckDB's spelling where ours differs (windows are `time_bucket` there).
struct ReferenceQuery: Sendable, CustomStringConvertible {
    let sql: String
    let duckdb: String?
    /// Compare rows in order (the query orders by a unique key); otherwise as multisets.
    let ordered: Bool

    init(_ sql: String, duckdb: String? = nil, ordered: Bool = false) {
        self.sql = sql
        self.duckdb = duckdb
        self.ordered = ordered
    }

    var description: String { sql }

    func text(for table: String) -> String { sql.replacingOccurrences(of: "{t}", with: table) }
    func reference(for table: String) -> String { (duckdb ?? sql).replacingOccurrences(of: "{t}", with: table) }

    static let all: [ReferenceQuery] = [
        // Projection and filters
        ReferenceQuery("SELECT * FROM {t}"),
        ReferenceQuery("SELECT id, name FROM {t} WHERE price > 50"),
        ReferenceQuery("SELECT id FROM {t} WHERE name IS NULL"),
        ReferenceQuery("SELECT id FROM {t} WHERE name IS NOT NULL AND qty BETWEEN 3 AND 7"),
        ReferenceQuery("SELECT id FROM {t} WHERE qty NOT BETWEEN 2 AND 8"),
        ReferenceQuery("SELECT id FROM {t} WHERE (price > 10 OR qty < 3) AND NOT (category = 'b')"),
        ReferenceQuery("SELECT id FROM {t} WHERE category IN ('a', 'c')"),
        ReferenceQuery("SELECT id FROM {t} WHERE category NOT IN ('a', 'c') AND id < 100"),
        ReferenceQuery("SELECT id FROM {t} WHERE name LIKE 'n1%'"),
        ReferenceQuery("SELECT id, name FROM {t} WHERE name NOT LIKE '%5' AND name LIKE 'n_'"),
        ReferenceQuery("SELECT count(*) FROM {t} WHERE ts >= TIMESTAMP '2024-01-01 06:00:00' AND ts < '2024-01-01 12:00:00'"),
        ReferenceQuery("SELECT id FROM {t} WHERE day = DATE '2024-01-05' AND flag"),
        // Expressions with nulls
        ReferenceQuery("SELECT id, price * qty AS total, price + NULL FROM {t}"),
        ReferenceQuery("SELECT id, qty + 1, qty - 2, qty * 3, qty % 4, -qty FROM {t}"),
        ReferenceQuery("SELECT id, qty / 4, price / 3, id / 7.0 FROM {t}"),
        ReferenceQuery("SELECT id, COALESCE(name, 'unknown'), COALESCE(price, qty, 0) FROM {t}"),
        ReferenceQuery("SELECT id, NULLIF(qty, 5), price IS NULL, NOT flag FROM {t}"),
        ReferenceQuery("SELECT id, CASE WHEN price > 75 THEN 'high' WHEN price > 25 THEN 'mid' ELSE 'low' END FROM {t}"),
        ReferenceQuery("SELECT id, CASE category WHEN 'a' THEN 1 WHEN 'b' THEN 2 END FROM {t}"),
        ReferenceQuery("SELECT id, id % 7 = 0 OR name IS NULL, price > 50 AND flag FROM {t}"),
        ReferenceQuery("SELECT id, name IS DISTINCT FROM 'n1', price IS NOT DISTINCT FROM NULL FROM {t}"),
        // Casts
        ReferenceQuery("SELECT id, CAST(price AS BIGINT), CAST(qty AS DOUBLE), CAST(flag AS INTEGER) FROM {t}"),
        ReferenceQuery("SELECT id, CAST(qty AS VARCHAR) || '-' || name, CAST(day AS VARCHAR) FROM {t}"),
        ReferenceQuery("SELECT id, TRY_CAST(name AS INTEGER), CAST(ts AS DATE), CAST(day AS TIMESTAMP) FROM {t}"),
        ReferenceQuery("SELECT id, CAST(amount AS DOUBLE) * 2, CAST('12.5' AS DOUBLE) + qty FROM {t}"),
        // Functions
        ReferenceQuery("SELECT id, upper(name), lower(category), length(name), concat(name, '/', category) FROM {t}"),
        ReferenceQuery("SELECT id, substr(name, 2, 3), replace(name, '1', 'x'), trim('  ' || category || '  ') FROM {t}"),
        ReferenceQuery("SELECT id, starts_with(name, 'n1'), strpos(name, '2'), left(name, 2), right(name, 1) FROM {t}"),
        ReferenceQuery("SELECT id, abs(qty - 5), round(price, 1), floor(price), ceil(price) FROM {t}"),
        ReferenceQuery("SELECT id, sqrt(qty), power(qty, 2), ln(qty + 1), exp(qty / 10) FROM {t}"),
        ReferenceQuery("SELECT id, extract(year FROM ts), extract(month FROM ts), extract(hour FROM ts), extract(dow FROM day) FROM {t}"),
        ReferenceQuery("SELECT id, date_trunc('hour', ts), date_trunc('month', ts), date_part('minute', ts) FROM {t}"),
        ReferenceQuery("SELECT id, day + 1, ts + INTERVAL '1' HOUR, ts - INTERVAL '90 minutes' FROM {t}"),
        // Aggregates
        ReferenceQuery("SELECT count(*), count(name), sum(qty), min(price), max(price), avg(price) FROM {t}"),
        ReferenceQuery("SELECT count(*), sum(price), avg(qty) FROM {t} WHERE id < 0"),
        ReferenceQuery("SELECT category, count(*) FROM {t} GROUP BY category"),
        ReferenceQuery("SELECT category, flag, sum(qty), avg(price), min(ts), max(day) FROM {t} GROUP BY category, flag"),
        ReferenceQuery("SELECT category, count(DISTINCT qty), count(DISTINCT name) FROM {t} GROUP BY category"),
        ReferenceQuery("SELECT category, sum(amount), max(amount) FROM {t} GROUP BY category"),
        ReferenceQuery("SELECT category, count(*) AS n FROM {t} GROUP BY category HAVING count(*) > 249"),
        ReferenceQuery("SELECT category, max(name), min(name) FROM {t} GROUP BY 1 HAVING max(qty) > 3"),
        ReferenceQuery("SELECT qty % 3 AS bucket, sum(price) FROM {t} GROUP BY bucket"),
        ReferenceQuery("SELECT day, name, count(*) FROM {t} WHERE id <= 200 GROUP BY day, name"),
        ReferenceQuery("SELECT category, avg(qty) FROM {t} WHERE flag GROUP BY category"),
        // ORDER BY, LIMIT, DISTINCT
        ReferenceQuery("SELECT id, price FROM {t} ORDER BY price DESC, id LIMIT 10", ordered: true),
        ReferenceQuery("SELECT id FROM {t} ORDER BY id LIMIT 5 OFFSET 10", ordered: true),
        ReferenceQuery("SELECT name, id FROM {t} ORDER BY name NULLS FIRST, id DESC LIMIT 20", ordered: true),
        ReferenceQuery("SELECT category, count(*) FROM {t} GROUP BY category ORDER BY 2 DESC, 1", ordered: true),
        ReferenceQuery("SELECT id, price FROM {t} WHERE price < 5 ORDER BY qty, id", ordered: true),
        ReferenceQuery("SELECT DISTINCT category FROM {t}"),
        ReferenceQuery("SELECT DISTINCT category, flag FROM {t} ORDER BY category, flag", ordered: true),
        // Tumbling windows
        ReferenceQuery(
            "SELECT TUMBLE_START(ts, INTERVAL '1' HOUR) AS w, count(*), sum(qty) FROM {t} GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)",
            duckdb: "SELECT time_bucket(INTERVAL '1 hour', ts) AS w, count(*), sum(qty) FROM {t} GROUP BY 1"),
        ReferenceQuery(
            "SELECT category, TUMBLE_START(ts, INTERVAL '30' MINUTE), TUMBLE_END(ts, INTERVAL '30' MINUTE), max(price) FROM {t} GROUP BY category, TUMBLE(ts, INTERVAL '30' MINUTE)",
            duckdb: "SELECT category, time_bucket(INTERVAL '30 minutes', ts), time_bucket(INTERVAL '30 minutes', ts) + INTERVAL '30 minutes', max(price) FROM {t} GROUP BY 1, 2"),
        ReferenceQuery(
            "SELECT window_start, avg(price) FROM {t} WHERE flag GROUP BY TUMBLE(ts, INTERVAL '2' HOUR) HAVING count(*) > 10",
            duckdb: "SELECT time_bucket(INTERVAL '2 hours', ts), avg(price) FROM {t} WHERE flag GROUP BY 1 HAVING count(*) > 10"),
    ]
}

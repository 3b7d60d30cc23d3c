-- LaminarDB quickstart: the seed's trades pipeline, fed by a deterministic generator instead of a live
-- market feed. Run it with `scripts/demo.sh` (or `laminar run examples/quickstart.sql`); the output lands
-- in quickstart-output/ under the working directory.

-- A million trades over about three hours of event time (one every 10 ms), seven symbols.
CREATE SOURCE trades_stream (
    symbol VARCHAR,
    price DOUBLE,
    quantity BIGINT,
    event_time TIMESTAMP,
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
    type = 'generator',
    max_rows = 1000000,
    seed = 42,
    'fields.symbol.values' = 'AAPL,MSFT,GOOG,AMZN,NVDA,META,TSLA',
    'fields.price.min' = 10,
    'fields.price.max' = 500,
    'fields.quantity.min' = 0,
    'fields.quantity.max' = 1000,
    'fields.event_time.start' = '2026-01-05 09:30:00',
    'fields.event_time.step' = '10 ms'
);

-- Every trade with its trading day into a Delta table partitioned by day, as in the seed's Delta sink
-- example: one table version per checkpoint, each carrying the pipeline's txn so a restart never commits a
-- checkpoint twice. delta-rs, DuckDB's delta_scan and Spark read it.
CREATE SINK trades_lake WITH (
    type = 'delta',
    location = 'quickstart-output/trades',
    partition_by = 'date',
    target_file_size = '16MB',
    compression = 'zstd'
) AS SELECT symbol, price, quantity, CAST(event_time AS DATE) AS date
FROM trades_stream;

-- One-minute bars per symbol, emitted as the watermark closes each minute.
CREATE SINK bars WITH (
    type = 'parquet',
    path = 'quickstart-output/bars'
) AS SELECT
    symbol,
    TUMBLE_START(event_time, INTERVAL '1' MINUTE) AS minute,
    count(*) AS trades,
    sum(quantity) AS volume,
    min(price) AS low,
    max(price) AS high,
    round(avg(price), 2) AS average_price
FROM trades_stream
WHERE quantity > 0
GROUP BY symbol, TUMBLE(event_time, INTERVAL '1' MINUTE);

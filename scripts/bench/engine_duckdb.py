"""DuckDB, one thread, on the engine benchmark's pipeline: generate trades, filter, project, one-minute
tumbling windows. Prints JSON with the best time. Usage: engine_duckdb.py EVENTS RUNS"""

import json
import sys
import time

import duckdb

events, runs = int(sys.argv[1]), int(sys.argv[2])
con = duckdb.connect()
con.execute("SET threads = 1")
query = f"""
SELECT symbol, time_bucket(INTERVAL '1 minute', event_time) AS window_start, count(*) AS trades,
       sum(price * quantity) AS notional, max(price) AS high
FROM (
    SELECT ['AAPL', 'MSFT', 'GOOG', 'AMZN', 'NVDA', 'META', 'TSLA', 'ORCL'][1 + (hash(i) % 8)::INTEGER] AS symbol,
           10 + (hash(i * 2 + 1) % 49000) / 100.0 AS price,
           (1 + hash(i * 3 + 7) % 1000)::BIGINT AS quantity,
           TIMESTAMP '2024-01-01 00:00:00' + to_milliseconds(i) AS event_time
    FROM range({events}) t(i)
)
WHERE quantity > 100
GROUP BY 1, 2
"""
best = float("inf")
rows = 0
for _ in range(runs):
    start = time.perf_counter()
    rows = len(con.execute(query).fetchall())
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "window_rows": rows}))

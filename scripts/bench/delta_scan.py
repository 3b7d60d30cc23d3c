"""Full scans of one Delta table by delta-rs (``to_pyarrow_table()``) and DuckDB (``delta_scan``, one
thread), best of three each, for scripts/bench-delta.sh. Prints one JSON line."""

import json
import sys
import time

from deltalake import DeltaTable

from laminar_interop import duckdb_connect, exit_cleanly

path = sys.argv[1]


def best(read) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(3):
        start = time.perf_counter()
        rows = read()
        times.append(time.perf_counter() - start)
    return min(times), rows


delta_rs, rows_rs = best(lambda: DeltaTable(path).to_pyarrow_table().num_rows)
con = duckdb_connect()
con.execute("SET threads = 1")


def duck() -> int:
    result = con.sql(f"SELECT * FROM delta_scan('{path}')").arrow()
    table = result.read_all() if hasattr(result, "read_all") else result
    return table.num_rows


duckdb_seconds, rows_duck = best(duck)
print(json.dumps({"measurement": "scan_reference", "rows": rows_rs, "delta_rs_seconds": delta_rs,
                  "duckdb_rows": rows_duck, "duckdb_seconds": duckdb_seconds}))
exit_cleanly()

"""pyarrow side of the Parquet benchmark (issue 3): generate the 5-million-row, 8-column file and time pyarrow
reading it and writing it back with snappy, single-threaded, best of RUNS."""
import json
import os
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def generate(path, rows):
    rng = np.random.default_rng(42)
    regions = np.array(["north", "south", "east", "west", "central", "overseas", "online", "wholesale"])
    valid = rng.random(rows) > 0.2
    table = pa.table({
        "id": pa.array(np.arange(rows, dtype=np.int64)),
        "price": pa.array(rng.uniform(0, 10_000, rows)),
        "region": pa.array(regions[rng.integers(0, len(regions), rows)]),
        "order_key": pa.array([f"ord-{v:016x}" for v in rng.integers(0, 2**62, rows)]),
        "at": pa.array(1_700_000_000_000_000 + np.arange(rows, dtype=np.int64) * 1_000, pa.timestamp("us", tz="UTC")),
        "paid": pa.array(rng.random(rows) < 0.5),
        "quantity": pa.array(rng.integers(0, 1000, rows, dtype=np.int32), mask=~valid),
        "amount": pa.array(rng.integers(-10**12, 10**12, rows), pa.int64()).cast(pa.decimal128(18, 2)),
    })
    pq.write_table(table, path, compression="snappy")


def time_pyarrow(path, output, runs):
    best_read = best_write = float("inf")
    rows = 0
    for _ in range(runs):
        start = time.perf_counter()
        table = pq.read_table(path, use_threads=False)
        best_read = min(best_read, time.perf_counter() - start)
        rows = table.num_rows
        start = time.perf_counter()
        pq.write_table(table, output, compression="snappy")
        best_write = min(best_write, time.perf_counter() - start)
    print(json.dumps({"rows": rows, "file_bytes": os.path.getsize(path), "written_bytes": os.path.getsize(output),
                      "read_seconds": best_read, "write_seconds": best_write}))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
    else:
        time_pyarrow(sys.argv[2], sys.argv[3], int(sys.argv[4]))

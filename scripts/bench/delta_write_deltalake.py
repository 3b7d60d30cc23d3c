"""The reference side of scripts/bench-delta.sh: the same rows, batches and commit cadence written with
delta-rs's ``write_deltalake`` (one call, one commit, per group of batches). Prints one JSON line."""

import json
import shutil
import sys
import time

import pyarrow as pa
from deltalake import write_deltalake

rows, batch_rows, per_commit, table = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "ORCL"]
VENUES = ["XNAS", "XNYS", "BATS", "IEXG"]


def batch(start: int, count: int) -> pa.RecordBatch:
    ids = pa.array(range(start, start + count), pa.int64())
    values = ids.to_pylist()
    return pa.record_batch({
        "id": ids,
        "event_time": pa.array([1_700_000_000_000_000 + i * 1000 for i in values], pa.timestamp("us", tz="UTC")),
        "symbol": pa.array([SYMBOLS[i % 8] for i in values]),
        "venue": pa.array([VENUES[i % 4] for i in values]),
        "price": pa.array([100 + (i % 1000) / 100 for i in values], pa.float64()),
        "quantity": pa.array([i % 500 + 1 for i in values], pa.int32()),
        "is_buy": pa.array([i % 2 == 0 for i in values]),
        "sequence": pa.array([i * 7 % 1_000_003 for i in values], pa.int64()),
    })


shutil.rmtree(table, ignore_errors=True)
batches = [batch(i * batch_rows, batch_rows) for i in range(per_commit)]
schema = batches[0].schema
written = 0
commits = 0
start = time.perf_counter()
while written < rows:
    group = []
    for b in batches:
        if written >= rows:
            break
        group.append(b)
        written += b.num_rows
    write_deltalake(table, pa.RecordBatchReader.from_batches(schema, group), mode="append")
    commits += 1
elapsed = time.perf_counter() - start
print(json.dumps({"measurement": "write_deltalake", "rows": rows, "seconds": elapsed, "commits": commits,
                  "rows_per_second": rows / elapsed}))
shutil.rmtree(table, ignore_errors=True)
sys.stdout.flush()
import os
os._exit(0)

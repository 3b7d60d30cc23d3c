#!/usr/bin/env bash
# Parquet read/rewrite benchmark, LaminarParquet beside pyarrow (one thread) in one run; prints a Markdown table
# for docs/benchmarks.md. Usage: scripts/bench-parquet.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-5000000}"
runs="${2:-3}"
scripts/bootstrap.sh >&2
swift build -c release --product ParquetBenchmark >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python scripts/bench/parquet_bench.py generate "$work/input.parquet" "$rows"
ours="$(.build/release/ParquetBenchmark "$work/input.parquet" "$work/ours.parquet" "$runs")"
theirs="$(.venv/bin/python scripts/bench/parquet_bench.py time "$work/input.parquet" "$work/pyarrow.parquet" "$runs")"
.venv/bin/python - "$ours" "$theirs" "$(nproc)" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
mb = ours["file_bytes"] / 1e6
print(f"{ours['rows']:,} rows, 8 columns, snappy, {mb:.1f} MB file; best of runs; machine: {sys.argv[3]} cores\n")
print("| operation | LaminarParquet | pyarrow (use_threads=False) | ratio (ours / pyarrow throughput) |")
print("|---|---|---|---|")
for op in ("read", "write"):
    a, b = ours[f"{op}_seconds"], theirs[f"{op}_seconds"]
    cell = lambda s: f"{s:.2f} s · {mb / s:.0f} MB/s · {ours['rows'] / s / 1e6:.1f} M rows/s"
    print(f"| {op}, wall time | {cell(a)} | {cell(b)} | {b / a:.2f}× |")
    a, b = ours[f"{op}_cpu_seconds"], theirs[f"{op}_cpu_seconds"]
    print(f"| {op}, CPU time (all threads) | {a:.2f} s | {b:.2f} s | {b / a:.2f}× |")
PY

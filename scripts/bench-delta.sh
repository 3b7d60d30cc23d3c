#!/usr/bin/env bash
# Delta ingest benchmark: the same 8-column rows in micro-batches, one commit per group of batches, written by
# LaminarDB's Delta sink and by delta-rs's write_deltalake, side by side in one run on local disk; then the
# sink's commit latency (prepare and finalize, p50/p99) with one small commit per checkpoint.
# The two writers alternate RUNS times; best and median are reported, as local-disk timings vary from run to run.
# Usage: scripts/bench-delta.sh [ROWS] [BATCH_ROWS] [BATCHES_PER_COMMIT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
batch="${2:-10000}"
per_commit="${3:-100}"
runs="${4:-3}"
scripts/bootstrap.sh >&2
swift build -c release --product DeltaBenchmark >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ours=""
theirs=""
for _ in $(seq "$runs"); do
    ours+="$(.build/release/DeltaBenchmark "$rows" "$batch" "$per_commit" "$work/laminar" 2>/dev/null)"$'\n'
    theirs+="$(.venv/bin/python scripts/bench/delta_write_deltalake.py "$rows" "$batch" "$per_commit" "$work/delta-rs")"$'\n'
done
scans="$(PYTHONPATH=scripts/interop .venv/bin/python scripts/bench/delta_scan.py "$work/laminar/ingest")"
.venv/bin/python - "$ours" "$theirs" "$scans" <<'PY'
import json, statistics, sys
ours = [json.loads(line) for line in sys.argv[1].splitlines() if line.strip()]
theirs = [json.loads(line) for line in sys.argv[2].splitlines() if line.strip()]
reference = json.loads(sys.argv[3])
ingest = [m for m in ours if m["measurement"] == "ingest"]
latency = [m for m in ours if m["measurement"] == "latency"]
def summary(runs):
    rates = sorted(m["rows_per_second"] for m in runs)
    return max(rates), statistics.median(rates), [round(r / 1e6, 2) for r in rates]
best_ours, median_ours, all_ours = summary(ingest)
best_theirs, median_theirs, all_theirs = summary(theirs)
print(f"rows: {ingest[0]['rows']:,} in {ingest[0]['commits']} commits; {len(ingest)} runs each, alternating")
print(f"LaminarDB Delta sink:     best {best_ours / 1e6:.2f} M rows/s, median {median_ours / 1e6:.2f} (all: {all_ours})")
print(f"delta-rs write_deltalake: best {best_theirs / 1e6:.2f} M rows/s, median {median_theirs / 1e6:.2f} (all: {all_theirs})")
print(f"ratio (ours / delta-rs): best {best_ours / best_theirs:.2f}x, median {median_ours / median_theirs:.2f}x")
for key in ["prepare_p50_ms", "prepare_p99_ms", "finalize_p50_ms", "finalize_p99_ms"]:
    print(f"commit latency {key}: median over runs {statistics.median(m[key] for m in latency):.1f} ms")
scan = max((m for m in ours if m["measurement"] == "scan"), key=lambda m: m["rows_per_second"])
rs_rate = reference["rows"] / reference["delta_rs_seconds"]
duck_rate = reference["duckdb_rows"] / reference["duckdb_seconds"]
print(f"full scan of {scan['rows']:,} rows, best of 3: LaminarDelta {scan['rows_per_second'] / 1e6:.2f} M rows/s, "
      f"delta-rs to_pyarrow_table {rs_rate / 1e6:.2f} M rows/s, DuckDB delta_scan (1 thread) {duck_rate / 1e6:.2f} M rows/s; "
      f"ratio to delta-rs {scan['rows_per_second'] / rs_rate:.2f}x")
PY

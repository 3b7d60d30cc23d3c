#!/usr/bin/env bash
# Streaming engine benchmark: generator -> filter -> projection -> tumbling-window aggregate on one core,
# LaminarDB beside DuckDB (threads = 1) on the same pipeline, plus the cost of a batch handoff between
# operators. Usage: scripts/bench-engine.sh [EVENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-10000000}"
runs="${2:-3}"
scripts/bootstrap.sh >&2
swift build -c release --product EngineBenchmark >&2
.build/release/EngineBenchmark "$events" "$runs"
duckdb="$(.venv/bin/python scripts/bench/engine_duckdb.py "$events" "$runs")"
.venv/bin/python - "$duckdb" "$events" <<'PY'
import json, sys
result, events = json.loads(sys.argv[1]), int(sys.argv[2])
print(f"duckdb (threads = 1): {result['seconds']:.3f} s, {events / result['seconds'] / 1e6:.2f} M events/s, "
      f"{result['window_rows']} window rows")
PY

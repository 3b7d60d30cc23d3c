#!/usr/bin/env bash
# The main job: builds `laminar` in release mode and runs examples/quickstart.sql, the seed's trades
# pipeline (generator source -> projection and tumbling-window aggregate -> Parquet file sinks) on local
# storage, then reads the results back with a bounded query. Output goes to $LAMINAR_DEMO_OUTPUT
# (default .build/demo-output); extra arguments go to `laminar run`.
set -euo pipefail
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
LAMINAR_SKIP_PYTHON=1 scripts/bootstrap.sh
swift build -c release --product laminar
OUTPUT="${LAMINAR_DEMO_OUTPUT:-$REPO_ROOT/.build/demo-output}"
rm -rf "$OUTPUT"
mkdir -p "$OUTPUT"
cd "$OUTPUT"
"$REPO_ROOT/.build/release/laminar" run "$REPO_ROOT/examples/quickstart.sql" --state-dir state "$@"
"$REPO_ROOT/.build/release/laminar" sql -c "
    CREATE SOURCE bars WITH (type = 'file', path = 'quickstart-output/bars');
    CREATE SOURCE trades WITH (type = 'file', path = 'quickstart-output/trades');
    SELECT count(*) AS trades, count(DISTINCT symbol) AS symbols, min(date) AS first_day FROM trades;
    SELECT symbol, count(*) AS minutes, sum(volume) AS volume, min(low) AS low, max(high) AS high
    FROM bars GROUP BY symbol ORDER BY volume DESC;"
echo "output in $OUTPUT/quickstart-output"

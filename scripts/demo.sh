#!/usr/bin/env bash
# The main job: builds `laminar` in release mode and runs examples/quickstart.sql, the seed's trades
# pipeline (generator source -> projection into a Delta table, tumbling-window aggregate into Parquet files)
# on local storage, then shows the table's state and history and reads the bars back with a bounded query. Output goes to $LAMINAR_DEMO_OUTPUT
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
"$REPO_ROOT/.build/release/laminar" table info quickstart-output/trades
"$REPO_ROOT/.build/release/laminar" table history quickstart-output/trades --limit 3
"$REPO_ROOT/.build/release/laminar" sql -c "
    CREATE SOURCE bars WITH (type = 'file', path = 'quickstart-output/bars');
    SELECT symbol, count(*) AS minutes, sum(volume) AS volume, min(low) AS low, max(high) AS high
    FROM bars GROUP BY symbol ORDER BY volume DESC;"
echo "output in $OUTPUT/quickstart-output"

#!/usr/bin/env bash
# The main job: builds `laminar` in release mode and runs the demo pipeline on local storage.
# Extra arguments go to `laminar demo` (see `laminar demo --help`).
set -euo pipefail
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
LAMINAR_SKIP_PYTHON=1 scripts/bootstrap.sh
swift build -c release --product laminar
.build/release/laminar demo --output "${LAMINAR_DEMO_OUTPUT:-.build/demo-output}" "$@"

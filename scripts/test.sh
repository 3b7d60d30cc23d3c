#!/usr/bin/env bash
# The whole test suite from a fresh clone: system packages and the Python interop environment, a build that
# treats warnings as errors, then every test of every module (arguments, if any, go to `swift test`).
set -euo pipefail
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
scripts/bootstrap.sh
scripts/build-checked.sh --build-tests
if [ "$#" -gt 0 ]; then
    exec swift test --skip-build "$@"
fi
# The crash test kills and restarts `laminar run` dozens of times; it runs on its own afterwards so the load
# it puts on the 2-core machine does not skew the timing-sensitive retry tests of the object stores.
swift test --skip-build --skip CrashTests
swift test --skip-build --filter CrashTests

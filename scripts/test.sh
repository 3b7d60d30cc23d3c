#!/usr/bin/env bash
# The whole test suite from a fresh clone: system packages and the Python interop environment, a build that
# treats warnings as errors, then every test of every module.
set -euo pipefail
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
scripts/bootstrap.sh
scripts/build-checked.sh --build-tests
swift test --skip-build "$@"

#!/usr/bin/env bash
# Builds with `swift build` and the given arguments, and fails if the compiler reports any warning in the
# project's own sources (dependencies are compiled with warnings suppressed by SwiftPM).
set -euo pipefail
REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO_ROOT"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift build "$@" 2>&1 | tee "$log"
# Warnings in dependencies' checkouts (under .build/) are theirs to fix, not ours.
ours() { grep -E "^(/|Sources|Tests).*: warning:|^warning: " "$log" | grep -v "^warning: 'swift-" | grep -v "/\.build[^/]*/checkouts/"; }
if ours >/dev/null; then
    echo "build-checked: warnings are errors in this project:" >&2
    ours | sort -u >&2
    exit 1
fi

#!/usr/bin/env bash
# Fuzzes the Parquet reader with libFuzzer. Usage: scripts/fuzz-parquet.sh [SECONDS] (default 600).
# The corpus starts from the golden files and our test files; crashes land in Fuzz/crashes/ and each one
# should become a regression test (Tests/LaminarParquetTests/FuzzRegressionTests.swift replays Fuzz/regressions/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
swift build -c release --product ParquetFuzzer --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc FUZZING -Xswiftc -use-ld=lld
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
find ../shared/golden -name '*.parquet' -size -200k -exec cp {} "$corpus/" \; 2>/dev/null || true
cp Fuzz/regressions/* "$corpus/" 2>/dev/null || true
mkdir -p Fuzz/crashes
.build-fuzz/release/ParquetFuzzer "$corpus" -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=262144 \
    -artifact_prefix=Fuzz/crashes/ -print_final_stats=1

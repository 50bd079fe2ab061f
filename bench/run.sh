#!/usr/bin/env bash
# Builds and runs the benchmark suites side by side and prints each figure against its baseline from
# the same run. Usage: bench/run.sh [build dir] [extra Google Benchmark flags]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
cmake --build "$build" --target plugin_bench >/dev/null
out=$(mktemp)
"$build/bin/plugin_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=console --benchmark_out="$out" --benchmark_out_format=json "$@"
python3 "$here/bench/ratios.py" "$out"
rm -f "$out"

#!/usr/bin/env bash
# Builds and runs every benchmark suite and prints each figure against its baseline from the same run.
# Usage: bench/run.sh [--json REPORT.json] [build dir] [extra Google Benchmark flags]
#   --json: also writes one report with every figure, each ratio and its same-run baseline, the version
#           and the machine, to keep and compare from release to release (bench/compare.py OLD NEW).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
report=
if [[ ${1:-} == --json ]]; then
  report=${2:?--json needs a file}
  shift 2
fi
build=${1:-$here/build}
shift || true
suites=(plugin_bench order_mapping_bench import_bench webhook_bench order_latency_bench stock_bench stock_push_bench scale_bench fiscal_bench admin_pages_bench)
cmake --build "$build" --target "${suites[@]}" >/dev/null
outputs=()
for suite in "${suites[@]}"; do
  out=$(mktemp --suffix=".$suite.json")
  outputs+=("$out")
  extra=()
  # The webhook intake and its bare baseline run by turns (fixed iterations, so nothing else changes):
  # both see the same moments of the machine, which on a small VM swing the bare server by a third.
  [[ $suite == webhook_bench ]] && extra=(--benchmark_enable_random_interleaving=true --benchmark_repetitions=8)
  "$build/bin/$suite" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_out="$out" --benchmark_out_format=json "${extra[@]}" "$@"
done
python3 "$here/bench/ratios.py" "${outputs[@]}"
if [[ -n $report ]]; then
  python3 "$here/bench/ratios.py" --json "$report" --version "$("$build/bin/estore-host" --version)" \
    --commit "$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)" "${outputs[@]}"
  echo "report: $report"
fi
rm -f "${outputs[@]}"

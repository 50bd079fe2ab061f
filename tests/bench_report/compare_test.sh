#!/usr/bin/env bash
# bench/run.sh --json's report and bench/compare.py on real benchmark output: a short run of the plugin
# load benchmark and its baseline becomes a report (ratios.py --json); compared with itself nothing
# regresses; with the load made 30 % slower it fails naming the ratio; a file that is no report is refused.
# Usage: compare_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source "$(dirname "$0")/../script_support.sh"

"$build/bin/plugin_bench" --benchmark_filter='BM_DlopenEmptyLibrary|BM_LoadWixPluginAndCreateStore' \
  --benchmark_min_time=0.05 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$work/plugin.json" --benchmark_out_format=json >/dev/null 2>&1
python3 "$src/bench/ratios.py" --json "$work/old.json" --version "$("$build/bin/estore-host" --version)" \
  --commit test "$work/plugin.json"
python3 - "$work/old.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "estore-bench-report/1"
assert r["version"].startswith("estore-host "), r["version"]
ratio = r["ratios"]["BM_LoadWixPluginAndCreateStore"]
assert ratio["baseline"] == "BM_DlopenEmptyLibrary" and ratio["ratio"] > 0, ratio
assert r["figures"]["BM_DlopenEmptyLibrary"]["values"]["cpu_time"] > 0
PY

python3 "$src/bench/compare.py" "$work/old.json" "$work/old.json" >"$work/same.txt" || fail "a report regresses against itself"
grep -q "no regression" "$work/same.txt" || fail "no verdict: $(cat "$work/same.txt")"

python3 - "$work/old.json" "$work/new.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["ratios"]["BM_LoadWixPluginAndCreateStore"]["ratio"] *= 1.3
r["figures"]["BM_LoadWixPluginAndCreateStore"]["values"]["cpu_time"] *= 1.3
json.dump(r, open(sys.argv[2], "w"))
PY
if python3 "$src/bench/compare.py" "$work/old.json" "$work/new.json" >"$work/worse.txt"; then
  fail "a 30 % slower load passed: $(cat "$work/worse.txt")"
fi
grep -q "REGRESSION.*BM_LoadWixPluginAndCreateStore" "$work/worse.txt" || fail "the regression is not named"
python3 "$src/bench/compare.py" "$work/old.json" "$work/new.json" --threshold 0.5 >/dev/null \
  || fail "30 % worse failed a 50 % threshold"

echo '{"benchmarks": []}' >"$work/raw.json"
set +e
python3 "$src/bench/compare.py" "$work/old.json" "$work/raw.json" 2>"$work/raw.err"
status=$?
set -e
[[ $status -ne 0 && $status -ne 1 ]] || fail "a file that is no report was compared (status $status)"
grep -q "not a bench report" "$work/raw.err" || fail "no clear error: $(cat "$work/raw.err")"
echo "compare_test: ok"

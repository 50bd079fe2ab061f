#!/usr/bin/env bash
# Builds one fuzzer with clang (libFuzzer + ASan + UBSan) in its own build folder and runs it for a bounded
# time on its seed corpus (tests/fuzz/corpus/NAME). Exit status: non-zero when the fuzzer finds a crash.
# Usage: run_fuzzer.sh SOURCE_DIR BUILD_DIR SECONDS [NAME]   (NAME: webhook_payload (default), or another
#   fuzzer of tests/fuzz: journal_record, decimal, json_syntax, stock_csv, manifest, order_mapper,
#   mail_headers)
set -euo pipefail
src=$1
build=$2
seconds=${3:-60}
name=${4:-webhook_payload}
if ! command -v clang++ >/dev/null; then
  echo "run_fuzzer: clang++ is missing (setup.sh installs it)" >&2
  exit 1
fi
mkdir -p "$build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DESTORE_FUZZ=ON -DESTORE_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target "${name}_fuzzer" -j2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/tests/fuzz/corpus/"$name"/* "$work"/
cd "$work"
"$build/bin/${name}_fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
  -print_final_stats=1 "$work"

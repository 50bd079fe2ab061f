#!/usr/bin/env bash
# Builds the webhook payload fuzzer with clang (libFuzzer + ASan + UBSan) in its own build folder and runs
# it for a bounded time on the seed corpus. Exit status: non-zero when the fuzzer finds a crash.
# Usage: run_fuzzer.sh SOURCE_DIR BUILD_DIR SECONDS
set -euo pipefail
src=$1
build=$2
seconds=${3:-60}
if ! command -v clang++ >/dev/null; then
  echo "run_fuzzer: clang++ is missing (setup.sh installs it)" >&2
  exit 1
fi
mkdir -p "$build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DESTORE_FUZZ=ON -DESTORE_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target webhook_payload_fuzzer -j2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/tests/fuzz/corpus/webhook_payload/* "$work"/
cd "$work"
"$build/bin/webhook_payload_fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
  -print_final_stats=1 "$work"

#!/usr/bin/env bash
# Builds the given GoogleTest executables with sanitizers in a build folder of their own and runs each of
# them there (on SQLite: the PostgreSQL runs stay in the main build). Any sanitizer report fails the
# run: -fno-sanitize-recover=all makes UBSan's reports fatal, ASan and TSan stop at their first report.
# Usage: run_sanitized.sh SOURCE_DIR BUILD_DIR SANITIZERS GTEST_FILTER TARGET...   (filter '*': all)
#   SANITIZERS: address,undefined | thread
set -euo pipefail
src=$1
build=$2
sanitizers=$3
filter=$4
shift 4
mkdir -p "$build"
# -O1 -g1: the sanitizers' own advice (fast enough to run, frames to report) and about half the compile
# time of -O2 -g, which matters on CI's two cores.
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DESTORE_SANITIZE="$sanitizers" -DESTORE_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 \
  || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target "$@" -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1
export LSAN_OPTIONS="suppressions=$src/tests/sanitize/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$src/tests/sanitize/tsan.supp"
status=0
for target in "$@"; do
  echo "== $target ($sanitizers)"
  "$build/bin/$target" --gtest_filter="$filter" --gtest_brief=1 || status=1
done
exit $status

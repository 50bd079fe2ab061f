#!/usr/bin/env bash
# A plugin built outside this tree, from the installed SDK only, loaded by the host:
#  1. `cmake --install` the sdk component into an empty prefix;
#  2. build sdk/examples/order_file against that prefix (find_package(estore CONFIG), nothing else);
#  3. run the installed conformance suite (estore-plugin-check) on the plugin folder it built;
#  4. the host lists the platform, adds a store of it, imports the orders of a file and shows them;
#     a second import changes nothing, a broken order in the file is skipped and logged.
# Usage: example_from_installed_sdk.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source "$(dirname "$0")/../script_support.sh"
prefix=$work/prefix
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

echo "== install the SDK into $prefix"
cmake --install "$build" --component sdk --prefix "$prefix" >"$work/install.log"
test -f "$prefix/lib/cmake/estore/estoreConfig.cmake" || test -n "$(find "$prefix" -name estoreConfig.cmake)" \
  || fail "no estoreConfig.cmake installed"
if find "$prefix" -name 'estore_host*' | grep -q .; then fail "the SDK package carries the reference host"; fi

echo "== build the example plugin against the installed SDK only"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$src/sdk/examples/order_file" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_PREFIX_PATH="$prefix" "${launcher[@]}" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log"; fail "configuring the example failed"; }
grep -q "$src/sdk/include\|$src/host_api" "$work/build/CMakeCache.txt" && fail "the example saw the source tree"
cmake --build "$work/build"
plugins=$work/build/plugins

echo "== the conformance suite, as installed"
"$prefix/bin/estore-plugin-check" "$plugins/order_file" --gtest_brief=1

echo "== the host loads it"
host=("$build/bin/estore-host" --plugins "$plugins" --db "$work/estore.db")
"${host[@]}" platforms --json | json "[p.get('id') for p in d['platforms'] if p['usable']]" | grep -q order_file \
  || { "${host[@]}" platforms; fail "platforms does not list order_file"; }

cp "$src/sdk/examples/order_file/sample_orders.json" "$work/orders.json"
store=$("${host[@]}" add-store --platform order_file --set "file=$work/orders.json" --json | json "d['store']['id']")
echo "store: $store"
"${host[@]}" sync "$store" orders.import
numbers=$("${host[@]}" orders "$store" --json | json "' '.join(sorted(o['number'] for o in d['orders']))")
[[ $numbers == "2001 2002" ]] || fail "expected orders 2001 2002, got '$numbers'"
"${host[@]}" orders "$store" | grep -q "105.09" || fail "order 2001's total 105.09 is not shown"

echo "== again, and with a broken order added"
python3 - "$work/orders.json" <<'PY'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
data["orders"].append({"number": "no external id"})
json.dump(data, open(path, "w"))
PY
"${host[@]}" sync "$store" orders.import --json >"$work/sync2.json" || true
python3 - "$work/sync2.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
counts = report["counts"]
assert counts.get("orders.unchanged") == 2, report
assert counts.get("orders.skipped") == 1, report
PY
"${host[@]}" activity "$store" | grep -q "order_file.order.skipped" || fail "the skipped order is not in the activity log"
echo "example_from_installed_sdk: ok"

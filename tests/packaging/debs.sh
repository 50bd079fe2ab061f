#!/usr/bin/env bash
# The Debian packages as a user gets them: CPack builds estore-host, estore-plugin-wix and estore-sdk-dev;
# each is checked for its name, dependencies and files in their FHS places; all three are unpacked into
# an empty root (dpkg -x: no root rights, no chroot needed) where the unpacked estore-host, run from
# there, finds the unpacked Wix plugin and loads it, and the example plugin builds against the unpacked
# SDK. Usage: debs.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source "$(dirname "$0")/../script_support.sh"

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; fail "cpack failed"; }
for name in estore-host estore-plugin-wix estore-sdk-dev; do
  deb=$(ls "$work"/out/${name}_*.deb 2>/dev/null | head -1)
  [[ -n $deb ]] || fail "no $name package (got: $(ls "$work/out"))"
  [[ $(dpkg-deb -f "$deb" Package) == "$name" ]] || fail "$deb is not named $name"
  dpkg-deb -c "$deb" >"$work/$name.files"
  dpkg -x "$deb" "$work/root"
done
expect_file() { grep -q " \./$2\$" "$work/$1.files" || fail "$1 lacks /$2"; }
expect_file estore-host usr/bin/estore-host
expect_file estore-host etc/estore-host/host.properties
expect_file estore-host usr/lib/systemd/system/estore-host.service
expect_file estore-host usr/share/man/man1/estore-host.1.gz
expect_file estore-host usr/share/man/sl/man1/estore-host.1.gz
expect_file estore-host usr/share/bash-completion/completions/estore-host
expect_file estore-plugin-wix usr/lib/estore/plugins/wix/libestore_wix.so
expect_file estore-plugin-wix usr/lib/estore/plugins/wix/manifest.json
expect_file estore-sdk-dev usr/include/estore/host_api/electronic_store.h
expect_file estore-sdk-dev usr/bin/estore-plugin-check
grep -q "lib/cmake/estore/estoreConfig.cmake\$" "$work/estore-sdk-dev.files" || fail "estore-sdk-dev lacks the CMake package"
if grep -q "usr/bin/estore-host\$" "$work/estore-sdk-dev.files"; then fail "the SDK package carries the host"; fi
dpkg-deb -f "$work"/out/estore-host_*.deb Depends | grep -q libpoco || fail "estore-host does not depend on Poco"
dpkg-deb -f "$work"/out/estore-plugin-wix_*.deb Depends | grep -q "estore-host" || fail "the plugin does not depend on the host"
dpkg-deb -I "$work"/out/estore-host_*.deb conffiles | grep -q "/etc/estore-host/host.properties" \
  || fail "host.properties is not a conffile"
grep -q "^ExecStart=/usr/bin/estore-host " "$work/root/usr/lib/systemd/system/estore-host.service" \
  || fail "the unit does not start /usr/bin/estore-host"

zcat "$work/root/usr/share/man/man1/estore-host.1.gz" | grep -q '^\.TH ESTORE-HOST 1' || fail "the man page is no man page"
zcat "$work/root/usr/share/man/man1/estore-host.1.gz" | grep -q '^\.SH EXIT STATUS' || fail "the man page is not English"
zcat "$work/root/usr/share/man/sl/man1/estore-host.1.gz" | grep -q '^\.SH IZHODNE KODE' \
  || fail "the Slovenian man page is not Slovenian"
bash -n "$work/root/usr/share/bash-completion/completions/estore-host" || fail "the completion is no bash"

echo "== the unpacked host finds and loads the unpacked plugin"
root=$work/root
"$root/usr/bin/estore-host" --version
"$root/usr/bin/estore-host" --db "$work/estore.db" platforms --json >"$work/platforms.json"
python3 - "$work/platforms.json" "$root" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["plugin_dir"].startswith(sys.argv[2] + "/usr/lib/estore/plugins"), d["plugin_dir"]
wix = [p for p in d["platforms"] if p.get("id") == "wix"]
assert wix and wix[0]["usable"], d
PY

echo "== the unpacked Wix plugin loads and passes the conformance suite (nothing reaches Wix)"
"$root/usr/bin/estore-plugin-check" "$root/usr/lib/estore/plugins/wix" --config wix.api_base_url=http://127.0.0.1:9 \
  --set site_id=4bd5f1d8-5a6f-4d7c-9a0e-3c1b2a9d8e7f --set warehouse=GLAVNO --set cost_center=SPLET --gtest_brief=1

echo "== the example plugin builds against the unpacked SDK"
cmake -S "$src/sdk/examples/order_file" -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$root/usr" \
  >"$work/example-configure.log" 2>&1 || { cat "$work/example-configure.log"; fail "configuring the example failed"; }
cmake --build "$work/example" >/dev/null
"$root/usr/bin/estore-plugin-check" "$work/example/plugins/order_file" --gtest_brief=1
echo "debs: ok"

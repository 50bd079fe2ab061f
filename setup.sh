#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when one is missing.
# Used by the README's two commands and by CI; safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libpoco-dev libssl-dev libsqlite3-dev libpq-dev libsimdjson-dev
  postgresql util-linux
  libboost-dev libboost-filesystem-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3 curl openssl ca-certificates
  clang libclang-rt-14-dev
  chromium fonts-dejavu-core zbar-tools
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

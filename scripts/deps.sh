#!/usr/bin/env bash
# Installs the Debian packages bale's build and tests need, when missing.
# Called by `make deps` (and so by `make demo` and `make test`).  Does nothing
# when everything is there, so it needs no root then.
# `deps.sh fuzz` (from `make fuzz`) also installs clang and its libFuzzer
# runtime, which only the fuzz targets need.
# chromium (/usr/bin/chromium) runs the browser tests (tests/browser), which
# drive it through playwright-core from tests/npm; they never download one.
set -eu
pkgs=(cmake ninja-build gcc libc6-dev pkg-config libcmocka-dev libxxhash-dev nodejs npm strace chromium)
if [ "${1:-}" = fuzz ]; then pkgs+=(clang libclang-rt-dev); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node may come from elsewhere than Debian (nvm, a tarball): accept any node >= 18.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  keep=()
  for p in "${missing[@]}"; do [ "$p" = nodejs ] || [ "$p" = npm ] || keep+=("$p"); done
  missing=("${keep[@]+"${keep[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

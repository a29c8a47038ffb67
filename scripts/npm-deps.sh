#!/usr/bin/env bash
# Installs the npm packages the tests use (tests/npm/package-lock.json) when
# tests/npm/node_modules was not installed from this very lockfile (a stamp
# file holds the lockfile's checksum).  Called by
# `make test`; does nothing (and needs no network) when they are current.
# Fails (exit 1) when it cannot install them: no npm, or npm ci failed; the
# tests that need them would fail too.
set -eu
dir="$(cd "$(dirname "$0")/.." && pwd)/tests/npm"
lock="$dir/package-lock.json"
mods="$dir/node_modules"
[ -f "$lock" ] || { echo "npm-deps: $lock is missing" >&2; exit 1; }
stamp="$mods/.bale-lock-sum"
sum=$(sha256sum "$lock" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then exit 0; fi
command -v npm >/dev/null 2>&1 || { echo "npm-deps: npm not found (make deps installs it); the tests that need tests/npm would fail" >&2; exit 1; }
echo "npm-deps: npm ci --prefix tests/npm"
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error ||
  { echo "npm-deps: npm ci failed; the tests that need tests/npm would fail" >&2; exit 1; }
echo "$sum" >"$stamp"

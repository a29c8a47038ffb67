#!/usr/bin/env bash
# Every input the bundle fuzzer ever found (tests/fuzz/regressions/bundle/),
# replayed through the real `bale` command: the project of tests/fuzz/bundle/
# is copied, the input replaces one file (byte 0 b: the file is FILES[b % 5],
# the format (b / 5) % 3, the threads 1 + (b / 15) % 2, as in fuzz_bundle.c)
# and bale bundles index.js.  bale must exit 0 or 1, never crash, hang or
# report a sanitizer error; on exit 0 the bundle must pass `node --check`, on
# exit 1 no bundle may exist.  Usage: test_bundle_regressions.sh BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null || { echo "FAIL: node is not installed (make deps installs it)"; exit 1; }
# A sanitizer report must not pass for bale's ordinary exit 1.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:exitcode=86"
files=(index.js esm.js cjs.cjs data.json package.json)
formats=(iife cjs esm)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$here"/regressions/bundle/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  b=$(od -An -tu1 -N1 "$f" | tr -d ' ')
  [ -n "$b" ] || { echo "FAIL $name: empty input (the fuzzer never runs one)"; fail=$((fail + 1)); continue; }
  file=${files[$((b % 5))]} format=${formats[$((b / 5 % 3))]} threads=$((1 + b / 15 % 2))
  rm -rf "$tmp/src" "$tmp/out"
  mkdir -p "$tmp/src" "$tmp/out"
  cp "$here"/bundle/* "$tmp/src/"
  tail -c +2 "$f" >"$tmp/src/$file"
  ext=cjs
  [ "$format" = esm ] && ext=mjs
  out=$tmp/out/bundle.$ext
  (cd "$tmp/src" && timeout 20 "$bale" index.js --format="$format" --threads="$threads" --outfile="$out" \
    >/dev/null 2>"$tmp/err")
  rc=$?
  what="$name ($file, $format, $threads threads)"
  if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$tmp/err"; then
    echo "FAIL $what: sanitizer report (exit $rc)"; head -20 "$tmp/err"; fail=$((fail + 1))
  elif [ $rc -eq 0 ]; then
    if [ ! -f "$out" ]; then
      echo "FAIL $what: exit 0 but no bundle"; fail=$((fail + 1))
    elif ! node --check "$out" 2>"$tmp/check"; then
      echo "FAIL $what: the bundle is not valid JavaScript"; head -10 "$tmp/check"; fail=$((fail + 1))
    else
      pass=$((pass + 1))
    fi
  elif [ $rc -eq 1 ]; then
    if [ -n "$(ls -A "$tmp/out")" ]; then
      echo "FAIL $what: exit 1 but output was written: $(ls "$tmp/out")"; fail=$((fail + 1))
    else
      pass=$((pass + 1))
    fi
  else
    echo "FAIL $what: exit $rc"; head -20 "$tmp/err"; fail=$((fail + 1))
  fi
done
echo "bundle fuzz regressions: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

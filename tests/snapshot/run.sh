#!/usr/bin/env bash
# Snapshot tests of bundles: each tests/snapshot/cases/<case>/ holds a
# program (index.js, index.mjs or index.cjs), `args` (bale's flags, one
# line, a --format among them) and `expected.js`: the bundle bale must
# write, byte for byte.  They make every change of the output text visible
# in review (the runtime, the wrappers, the prologues, renaming); that the
# output behaves like Node is tests/e2e's job.  Each case is bundled with
# --threads=1 and --threads=4 (both must equal expected.js).
# A case may instead hold `program`: the name of a tests/e2e case whose
# program it bundles (so that one program is run against Node there and
# pinned byte for byte here, without a copy).
# Usage: run.sh PATH_TO_BALE [CASE...]      UPDATE=1 rewrites expected.js
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/1" "$tmp/4" # one directory per thread count: the same output names
pass=0 fail=0 updated=0
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=("$here"/cases/*/)
for c in "${cases[@]}"; do
  c=${c%/}
  [ -d "$c" ] || c=$here/cases/$c
  name=$(basename "$c")
  src=$c
  if [ -f "$c/program" ]; then # the program of an e2e case, not a copy of it
    src=$here/../e2e/$(cat "$c/program")
    [ -d "$src" ] || { echo "FAIL $name: no e2e case $(cat "$c/program")"; fail=$((fail + 1)); continue; }
  fi
  entry=
  for e in index.js index.mjs index.cjs; do [ -f "$src/$e" ] && { entry=$e; break; }; done
  [ -n "$entry" ] || { echo "FAIL $name: no index.js, index.mjs or index.cjs"; fail=$((fail + 1)); continue; }
  args=$(cat "$c/args" 2>/dev/null)
  ok=1
  for t in 1 4; do
    # shellcheck disable=SC2086
    if ! (cd "$src" && NO_COLOR=1 timeout 60 "$bale" "$entry" $args --threads=$t --outfile="$tmp/$t/$name.js" 2>"$tmp/err"); then
      echo "FAIL $name: bale failed"; cat "$tmp/err"; ok=0; break
    fi
  done
  if [ $ok -eq 1 ] && ! cmp -s "$tmp/1/$name.js" "$tmp/4/$name.js"; then
    echo "FAIL $name: --threads=1 and --threads=4 bundles differ"; ok=0
  fi
  if [ $ok -eq 1 ] && [ "${UPDATE:-}" = 1 ] && ! cmp -s "$tmp/1/$name.js" "$c/expected.js"; then
    cp "$tmp/1/$name.js" "$c/expected.js"; updated=$((updated + 1)); echo "updated $name"
  fi
  # a .LEGAL.txt beside the bundle (--legal-comments=external|linked) is pinned too: there must
  # be one exactly when the case has expected.LEGAL.txt
  if [ $ok -eq 1 ] && [ -f "$tmp/1/$name.js.LEGAL.txt" ] && [ "${UPDATE:-}" = 1 ] &&
     ! cmp -s "$tmp/1/$name.js.LEGAL.txt" "$c/expected.LEGAL.txt"; then
    cp "$tmp/1/$name.js.LEGAL.txt" "$c/expected.LEGAL.txt"; echo "updated $name (LEGAL.txt)"
  fi
  if [ $ok -eq 1 ] && { [ -f "$c/expected.LEGAL.txt" ] || [ -f "$tmp/1/$name.js.LEGAL.txt" ]; } &&
     ! diff -u "$c/expected.LEGAL.txt" "$tmp/1/$name.js.LEGAL.txt" >"$tmp/diff" 2>&1; then
    echo "FAIL $name: the .LEGAL.txt file differs from expected.LEGAL.txt"; head -30 "$tmp/diff"; ok=0
  fi
  if [ $ok -eq 1 ] && ! diff -u "$c/expected.js" "$tmp/1/$name.js" >"$tmp/diff" 2>&1; then
    echo "FAIL $name: the bundle differs from expected.js (UPDATE=1 $0 ... rewrites it after review)"
    head -60 "$tmp/diff"; ok=0
  fi
  if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "snapshot: $pass passed, $fail failed, 0 skipped${UPDATE:+, $updated updated}"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/usr/bin/env bash
# The make phase on a real graph: three.js's src/Three.js (from tests/npm,
# pinned by its lockfile), walked with 1, 2 and 4 threads.  The graph must
# have the expected number of modules and dependencies, no errors, and the
# same dump whatever the thread count; the bundle is written (no error) and
# byte-identical whatever the thread count, and so is its source map
# (--sourcemap, whose per-module work runs on the pool too), and so must the
# minified bundle and its map (--minify --sourcemap).  Also run under
# ThreadSanitizer (label tsan).  Fails when tests/npm is not installed.
# Usage: test_three.sh PATH_TO_BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
entry=tests/npm/node_modules/three/src/Three.js
want_modules=387
want_deps=1221
[ -f "$root/$entry" ] || { echo "FAIL: $entry is missing (run scripts/npm-deps.sh)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cd "$root" || exit 1
for threads in 1 2 4; do
  BALE_DUMP_GRAPH=1 NO_COLOR=1 "$bale" "$entry" --profile --threads=$threads --outfile="$tmp/three.$threads.js" \
    >"$tmp/graph.$threads" 2>"$tmp/err.$threads"
  rc=$?
  errors=$(grep -c ': error: ' "$tmp/err.$threads")
  if [ "$rc" -ne 0 ] || [ "$errors" -ne 0 ] || [ ! -s "$tmp/three.$threads.js" ]; then
    echo "FAIL threads=$threads: exit $rc, $errors errors (want a bundle and no error)"; head -40 "$tmp/err.$threads"; fail=1
  fi
  modules=$(grep -c '^module ' "$tmp/graph.$threads")
  deps=$(grep -c '^  ' "$tmp/graph.$threads")
  files=$(awk '$1 == "files" && $2 == "read" {print $3}' "$tmp/err.$threads")
  if [ "$modules" -ne $want_modules ] || [ "$deps" -ne $want_deps ] || [ "$files" != $want_modules ]; then
    echo "FAIL threads=$threads: $modules modules, $deps dependencies, $files files read" \
         "(want $want_modules, $want_deps, $want_modules: each file read once)"; fail=1
  fi
  grep -qE '^task BUILD \(WORKER\) +[0-9.]+ ms +387$' "$tmp/err.$threads" ||
    { echo "FAIL threads=$threads: the profile table lacks 387 BUILD tasks"; sed -n '/^name/,$p' "$tmp/err.$threads"; fail=1; }
done
for threads in 1 2 4; do
  mkdir -p "$tmp/map.$threads"
  if ! NO_COLOR=1 "$bale" "$entry" --sourcemap --threads=$threads --outfile="$tmp/map.$threads/three.js" 2>"$tmp/map-err"; then
    echo "FAIL threads=$threads: --sourcemap failed"; head -20 "$tmp/map-err"; fail=1
  fi
done
for threads in 2 4; do
  cmp -s "$tmp/map.1/three.js.map" "$tmp/map.$threads/three.js.map" ||
    { echo "FAIL: the source map differs with --threads=$threads"; fail=1; }
done
# minified (the minifier's reparse runs on the pool): bundle and map the same
for threads in 1 2 4; do
  mkdir -p "$tmp/min.$threads"
  if ! NO_COLOR=1 "$bale" "$entry" --minify --sourcemap --threads=$threads --outfile="$tmp/min.$threads/three.js" 2>"$tmp/min-err" ||
     grep -q "\[internal\]" "$tmp/min-err"; then
    echo "FAIL threads=$threads: --minify --sourcemap failed"; head -20 "$tmp/min-err"; fail=1
  fi
done
for threads in 2 4; do
  cmp -s "$tmp/min.1/three.js" "$tmp/min.$threads/three.js" && cmp -s "$tmp/min.1/three.js.map" "$tmp/min.$threads/three.js.map" ||
    { echo "FAIL: the minified bundle or its map differs with --threads=$threads"; fail=1; }
done
for threads in 2 4; do
  cmp -s "$tmp/graph.1" "$tmp/graph.$threads" || { echo "FAIL: graph dump differs with --threads=$threads"; diff "$tmp/graph.1" "$tmp/graph.$threads" | head; fail=1; }
  cmp -s "$tmp/three.1.js" "$tmp/three.$threads.js" || { echo "FAIL: bundle differs with --threads=$threads"; fail=1; }
done
[ $fail -eq 0 ] && echo "three.js graph: $want_modules modules, $want_deps dependencies, same with 1, 2 and 4 threads"
exit $fail

#!/usr/bin/env bash
# tests/multi-entry/run.sh: builds of several entry points.  Each case
# directory holds entries (every .mjs/.js/.cjs file named in its `entries`
# file) bundled together into an outdir, in each format; each output must
# print what node prints running its entry unbundled.  Modules shared by
# the entries are scope-hoisted into each output with one set of names.
# Then again with --splitting (iife, cjs and esm): what they share is a
# chunk (iife's outputs run with e2e/script-tags.cjs, a page's script tags).
# Usage: run.sh PATH_TO_BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for c in "$here"/*/; do
  c=${c%/}
  name=$(basename "$c")
  read -r -a entries <"$c/entries"
  for f in iife cjs esm iife-split cjs-split esm-split; do
    out=$tmp/$name.$f
    split=
    case $f in *-split) f=${f%-split} split=--splitting ;; esac
    # shellcheck disable=SC2086
    if ! (cd "$c" && timeout 60 "$bale" "${entries[@]}" --format=$f $split --outdir="$out" 2>"$tmp/err"); then
      echo "FAIL $name ($f): bale failed"; head -5 "$tmp/err"; fail=$((fail + 1)); continue
    fi
    for e in "${entries[@]}"; do
      stem=${e%.*}
      bundle=$out/$stem.js
      [ $f = esm ] && [ -z "$split" ] && mv "$bundle" "$out/$stem.mjs" && bundle=$out/$stem.mjs
      [ $f = esm ] && [ -n "$split" ] && echo '{"type":"module"}' >"$out/package.json"
      pre=()
      [ $f = iife ] && [ -n "$split" ] && pre=(-r "$here/../e2e/script-tags.cjs")
      want=$(cd "$c" && timeout 30 node "$e" 2>&1; echo "exit $?")
      got=$(cd "$out" && timeout 30 node "${pre[@]+"${pre[@]}"}" "$bundle" 2>&1; echo "exit $?")
      if [ "$got" = "$want" ]; then pass=$((pass + 1)); else
        echo "FAIL $name ($f, $e): the bundle prints something else"; diff <(echo "$want") <(echo "$got") | head -8
        fail=$((fail + 1))
      fi
    done
  done
done
echo "multi-entry: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

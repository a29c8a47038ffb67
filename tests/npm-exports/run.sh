#!/usr/bin/env bash
# tests/npm-exports/run.sh: real packages' exports through bale.  gen.mjs
# writes one program importing each package's whole namespace (every name,
# and each function's name and length: scope hoisting's renames must never
# show) and one per sampled named export (tree shaking must keep what it
# needs); each is bundled with --format=esm and --format=cjs for platform
# node, and the bundle must print what node prints running the program.
# The packages are tests/npm's (scripts/npm-deps.sh installs them; missing,
# the test fails).
# NPM_EXPORTS_ARGS (environment): more bale flags (ctest runs it once as is
# and once with --minify); a diagnostic marked [internal] fails a program.
# Usage: run.sh PATH_TO_BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
mods=$here/../npm/node_modules
[ -d "$mods" ] || { echo "npm-exports: $mods is missing (scripts/npm-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$mods" "$tmp/node_modules"
cp "$here/gen.mjs" "$tmp/"
packages="acorn chalk date-fns graphql lodash-es mobx nanoid preact preact/hooks react rxjs three tslib uuid yaml"
# shellcheck disable=SC2086
node "$tmp/gen.mjs" $packages || { echo "npm-exports: gen.mjs failed"; exit 1; }
pass=0 fail=0
for p in "$tmp"/*__*.mjs; do
  name=$(basename "$p" .mjs)
  want=$(cd "$tmp" && timeout 30 node "$p" 2>&1; echo "exit $?")
  for f in esm cjs; do
    out=$tmp/out/$name.$f.$([ $f = esm ] && echo mjs || echo cjs)
    mkdir -p "$tmp/out"
    # shellcheck disable=SC2086
    if ! (cd "$tmp" && timeout 60 "$bale" "$p" --format=$f --platform=node ${NPM_EXPORTS_ARGS:-} --outfile="$out" 2>"$tmp/err"); then
      echo "FAIL $name ($f): bale failed"; head -5 "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if grep -qF -- "[internal]" "$tmp/err"; then
      echo "FAIL $name ($f): bale reported a bug of its own"; head -5 "$tmp/err"; fail=$((fail + 1)); continue
    fi
    got=$(cd "$tmp/out" && timeout 30 node "$out" 2>&1; echo "exit $?")
    if [ "$got" != "$want" ]; then
      echo "FAIL $name ($f): the bundle prints something else"
      diff <(echo "$want") <(echo "$got") | head -10; fail=$((fail + 1))
    else
      pass=$((pass + 1))
    fi
  done
done
echo "npm-exports: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/usr/bin/env bash
# Source maps (--sourcemap): checked with Mozilla's source-map consumer
# (tests/npm, pinned), by check.mjs, and by node itself.
#   1. stack/: a throw two modules down; typescript/: a throw in compiled
#      TypeScript that ships its map (lib/greet.js.map, written by gen.cjs).
#      Each bundled in every format with each kind of map (linked, inline,
#      external + the comment added by the test, both);
#      `node --enable-source-maps` on the bundle must print the stack node
#      prints for the sources (files, lines, columns: the TypeScript's; the
#      bundle's wrappers may add frames below), and
#      check.mjs must find every name mapped to itself.
#   2. Every tests/e2e case that bundles (format esm, --sourcemap): the map
#      is the same with --threads=1 and 4, check.mjs accepts it (mappings
#      inside their sources, at least 98% of names mapped to the same name),
#      and the bundle prints what node prints for the entry.
#   3. three.js (tests/npm), three's own entry: the same check.
#   1b and 3b: the stacks and three.js again, minified (--minify).
# Usage: run.sh PATH_TO_BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v node >/dev/null || { echo "FAIL: node is not installed (make deps installs it)"; exit 1; }
[ -d "$root/tests/npm/node_modules/source-map" ] || { echo "FAIL: tests/npm/node_modules/source-map is missing (scripts/npm-deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skipped=0
ok() { pass=$((pass + 1)); }
no() { echo "FAIL $1"; [ -f "$tmp/log" ] && head -20 "$tmp/log"; fail=$((fail + 1)); }

# 1. stack traces (stack/; typescript/: through the map tsc wrote)
for case in stack typescript; do
  want=$(cd "$here/$case" && node --enable-source-maps index.mjs 2>&1)
  for f in iife cjs esm; do
    ext=js; [ $f = esm ] && ext=mjs; [ $f = cjs ] && ext=cjs
    for kind in linked inline external both; do
      out=$tmp/$case/$kind/out.$f.$ext
      if ! (cd "$here/$case" && "$bale" index.mjs --format=$f --sourcemap=$kind --outfile="$out" >"$tmp/log" 2>&1); then
        no "$case ($f, $kind): bale failed"; continue
      fi
      [ $kind = external ] && printf '//# sourceMappingURL=%s.map\n' "$(basename "$out")" >>"$out" # esbuild's external: no comment
      if [ $kind = inline ] && [ -e "$out.map" ]; then no "$case ($f, inline): a .map file was written"; continue; fi
      if [ $kind != inline ] && [ ! -s "$out.map" ]; then no "$case ($f, $kind): no .map file"; continue; fi
      # the program's frames first; the bundle's own wrappers may add frames
      # below them (they map to the code around them, as node reads maps)
      got=$(node --enable-source-maps "$out" 2>&1 | head -n "$(printf '%s\n' "$want" | wc -l)")
      if [ "$got" != "$want" ]; then
        printf 'want:\n%s\ngot:\n%s\n' "$want" "$got" >"$tmp/log"; no "$case ($f, $kind): the stack differs from node's"; continue
      fi
      (cd "$here/$case" && node "$here/check.mjs" "$out" 100) >"$tmp/log" 2>&1 && ok || no "$case ($f, $kind): check.mjs"
    done
  done
done

# 1b. the same stacks through minified bundles (--minify: the map composes
# through the reprint); every source counts for check.mjs (no path comments)
for case in stack typescript; do
  want=$(cd "$here/$case" && node --enable-source-maps index.mjs 2>&1)
  for f in iife cjs esm; do
    ext=js; [ $f = esm ] && ext=mjs; [ $f = cjs ] && ext=cjs
    out=$tmp/$case/min/out.$f.$ext
    if ! (cd "$here/$case" && "$bale" index.mjs --format=$f --minify --sourcemap --outfile="$out" >"$tmp/log" 2>&1); then
      no "$case ($f, --minify): bale failed"; continue
    fi
    got=$(node --enable-source-maps "$out" 2>&1 | head -n "$(printf '%s\n' "$want" | wc -l)")
    if [ "$got" != "$want" ]; then
      printf 'want:\n%s\ngot:\n%s\n' "$want" "$got" >"$tmp/log"; no "$case ($f, --minify): the stack differs from node's"; continue
    fi
    (cd "$here/$case" && node "$here/check.mjs" "$out" 98 all) >"$tmp/log" 2>&1 && ok || no "$case ($f, --minify): check.mjs"
  done
done

# 2. the e2e cases
for c in "$root"/tests/e2e/*/; do
  c=${c%/}
  name=$(basename "$c")
  [ -f "$c/expect-error" ] || [ -d "$c/node_modules" ] || [ -f "$c/known-difference" ] && { skipped=$((skipped + 1)); continue; }
  entry=
  for e in index.js index.mjs index.cjs; do [ -f "$c/$e" ] && { entry=$e; break; }; done
  [ -n "$entry" ] || continue
  if [ -f "$c/formats" ] && ! grep -qw esm "$c/formats"; then skipped=$((skipped + 1)); continue; fi
  args=$(cat "$c/args" 2>/dev/null)
  out1=$tmp/e2e/$name/1/out.mjs out4=$tmp/e2e/$name/4/out.mjs
  # shellcheck disable=SC2086
  if ! (cd "$c" && "$bale" "$entry" $args --format=esm --sourcemap --threads=1 --outfile="$out1" >"$tmp/log" 2>&1 &&
        "$bale" "$entry" $args --format=esm --sourcemap --threads=4 --outfile="$out4" >>"$tmp/log" 2>&1); then
    no "$name: bale failed"; continue
  fi
  cmp -s "$out1.map" "$out4.map" || { no "$name: the map differs between --threads=1 and --threads=4"; continue; }
  (cd "$c" && node "$here/check.mjs" "$out1" 98) >"$tmp/log" 2>&1 || { no "$name: check.mjs"; continue; }
  want=$(cd "$c" && timeout 60 node "$entry" 2>/dev/null; echo "exit $?")
  got=$(cd "$c" && timeout 60 node "$out1" 2>/dev/null; echo "exit $?")
  [ "$got" = "$want" ] && ok || { printf 'want:\n%s\ngot:\n%s\n' "$want" "$got" >"$tmp/log"; no "$name: the bundle prints something else"; }
done

# 3. three.js
three=$root/tests/npm/node_modules/three/src/Three.js
if (cd "$tmp" && "$bale" "$three" --format=esm --sourcemap --outfile="$tmp/three/three.mjs" >"$tmp/log" 2>&1) &&
   (cd "$tmp" && node "$here/check.mjs" "$tmp/three/three.mjs" 98) >"$tmp/log" 2>&1; then
  ok; sed 's/^/  /' "$tmp/log"
else
  no "three.js"
fi

# 3b. three.js minified: at least 98% of property names map to themselves
if (cd "$tmp" && "$bale" "$three" --format=esm --minify --sourcemap --outfile="$tmp/three/three.min.mjs" >"$tmp/log" 2>&1) &&
   (cd "$tmp" && node "$here/check.mjs" "$tmp/three/three.min.mjs" 98 all) >"$tmp/log" 2>&1; then
  ok; sed 's/^/  /' "$tmp/log"
else
  no "three.js --minify"
fi

echo "sourcemap: $pass passed, $fail failed, $skipped skipped (e2e cases that refuse to bundle, keep packages external or differ from node)"
[ $fail -eq 0 ]

#!/usr/bin/env bash
# bench/size/run.sh: tree shaking, measured as output size.  Each program
# in programs/ uses a few names of a large package; bale, esbuild and
# rollup (with @rollup/plugin-node-resolve) bundle it as an ES module for
# node, each bundle must print what the program prints unbundled, and each
# is then normalized by esbuild --minify-whitespace (no renaming, no
# syntax changes: formatting and comments stop counting) and its bytes
# reported, with bale's ratio to each peer (and bale's size without tree
# shaking).  esbuild runs twice: as is, and with --keep-names, which keeps
# .name as bale does (bale's renames never show; esbuild's do unless told).
# A second table: the same programs minified (bale --minify, esbuild
# --minify with and without --keep-names), each bundle's own bytes.
# Writes results.md.
# Usage: bench/size/run.sh [PATH_TO_BALE]   (default build/bale: make release)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bale=${1:-$root/build/bale}
[ -x "$bale" ] || { echo "size: $bale is missing (make release)"; exit 1; }
if [ ! -d "$here/node_modules/rollup" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || { echo "size: npm ci failed"; exit 1; }
fi
esbuild=$here/node_modules/esbuild/bin/esbuild
rollup=$here/node_modules/.bin/rollup
out=$here/../out/size
rm -rf "$out" && mkdir -p "$out"
tools=(bale bale-unshaken esbuild esbuild-keep-names rollup bale-min esbuild-min esbuild-min-keep-names)
declare -A total
for t in "${tools[@]}"; do total[$t]=0; done
rows="" minrows=""
failed=0
for p in "$here"/programs/*.mjs; do
  name=$(basename "$p" .mjs)
  want=$(cd "$here/programs" && node "$p" 2>&1)
  line="| $name" minline="| $name"
  declare -A size=()
  for t in "${tools[@]}"; do
    b=$out/$name.$t.mjs
    case $t in
      bale) "$bale" "$p" --format=esm --platform=node --outfile="$b" >/dev/null 2>"$out/$name.$t.log" ;;
      bale-unshaken) "$bale" "$p" --format=esm --platform=node --tree-shaking=false --outfile="$b" >/dev/null 2>"$out/$name.$t.log" ;;
      esbuild) "$esbuild" "$p" --bundle --format=esm --platform=node --outfile="$b" --log-level=error 2>"$out/$name.$t.log" ;;
      # esbuild keeping .name as bale does (bale's renames never show)
      esbuild-keep-names) "$esbuild" "$p" --bundle --format=esm --platform=node --keep-names --outfile="$b" --log-level=error 2>"$out/$name.$t.log" ;;
      rollup) "$rollup" -i "$p" -f es -p @rollup/plugin-node-resolve -o "$b" --silent 2>"$out/$name.$t.log" ;;
      bale-min) "$bale" "$p" --format=esm --platform=node --minify --outfile="$b" >/dev/null 2>"$out/$name.$t.log" ;;
      esbuild-min) "$esbuild" "$p" --bundle --format=esm --platform=node --minify --outfile="$b" --log-level=error 2>"$out/$name.$t.log" ;;
      esbuild-min-keep-names) "$esbuild" "$p" --bundle --format=esm --platform=node --minify --keep-names --outfile="$b" --log-level=error 2>"$out/$name.$t.log" ;;
    esac
    got=$(cd "$out" && node "$b" 2>&1)
    case $t in *-min*) minified=1 ;; *) minified=0 ;; esac
    if [ "$got" != "$want" ]; then
      echo "size: $name: $t's bundle prints something else"; failed=1; size[$t]=0
      if [ $minified = 1 ]; then minline="$minline | fails"; else line="$line | fails"; fi
      continue
    fi
    if [ $minified = 1 ]; then
      size[$t]=$(wc -c <"$b")
      minline="$minline | ${size[$t]}"
    else
      "$esbuild" "$b" --minify-whitespace --outfile="$out/$name.$t.min.mjs" --log-level=error
      size[$t]=$(wc -c <"$out/$name.$t.min.mjs")
      line="$line | ${size[$t]}"
    fi
    total[$t]=$((total[$t] + size[$t]))
  done
  r() { [ "${size[$2]}" -gt 0 ] && awk -v a="${size[$1]}" -v b="${size[$2]}" 'BEGIN { printf "%.2fx", a / b }' || echo "-"; }
  rows="$rows$line | $(r bale esbuild) | $(r bale esbuild-keep-names) | $(r bale rollup) |"$'\n'
  minrows="$minrows$minline | $(r bale-min esbuild-min) | $(r bale-min esbuild-min-keep-names) |"$'\n'
  unset size
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
{
  echo "# Output size after tree shaking ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
  echo
  echo "Bytes after \`esbuild --minify-whitespace\` of each bundle (format esm, platform node); every bundle prints what the program prints unbundled. bale $("$bale" --version), esbuild $("$esbuild" --version), rollup $("$rollup" --version | sed 's/rollup v//') with @rollup/plugin-node-resolve."
  echo
  echo "| program | bale | bale --tree-shaking=false | esbuild | esbuild --keep-names | rollup | bale/esbuild | bale/esbuild --keep-names | bale/rollup |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf "%s" "$rows"
  echo "| **total** | ${total[bale]} | ${total[bale-unshaken]} | ${total[esbuild]} | ${total[esbuild-keep-names]} | ${total[rollup]} | $(ratio "${total[bale]}" "${total[esbuild]}") | $(ratio "${total[bale]}" "${total[esbuild-keep-names]}") | $(ratio "${total[bale]}" "${total[rollup]}") |"
  echo
  echo "## Minified"
  echo
  echo "Each bundle's own bytes: bale --minify (which keeps .name of functions and classes, as it must to behave like the program), esbuild --minify as is (its renames change .name) and with --keep-names. Every bundle prints what the program prints unbundled."
  echo
  echo "| program | bale --minify | esbuild --minify | esbuild --minify --keep-names | bale/esbuild | bale/esbuild --keep-names |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$minrows"
  echo "| **total** | ${total[bale-min]} | ${total[esbuild-min]} | ${total[esbuild-min-keep-names]} | $(ratio "${total[bale-min]}" "${total[esbuild-min]}") | $(ratio "${total[bale-min]}" "${total[esbuild-min-keep-names]}") |"
} >"$here/results.md"
cat "$here/results.md"
exit $failed

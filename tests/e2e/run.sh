#!/usr/bin/env bash
# End-to-end: bale's bundles against Node running the unbundled program.
# Each tests/e2e/<case>/ holds a program whose entry is index.js, index.mjs
# or index.cjs, and optionally:
#   args      extra bale flags (one line)
#   formats   the formats to test (default: iife cjs esm)
#   needs-npm the case imports from tests/npm/node_modules (it fails when
#             that is missing: scripts/npm-deps.sh installs it)
#   expect-error  bale must refuse the program (exit 1) with this text in
#             its diagnostics, for every format; no bundle may be written
#   expect-error-formats  with expect-error: only these formats (one line)
#             must refuse it; the others are bundled and run as usual
#   expect-warning  bale must print this text in its diagnostics (and
#             bundle the program, which is then run as usual)
# For each case and format, bale bundles the entry twice (--threads=1 and
# --threads=4; the two bundles must be byte-identical), node runs the
# bundle, and its stdout and exit code must equal those of `node <entry>`
# run in the case directory.
# Usage: run.sh PATH_TO_BALE [CASE...]
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null || { echo "FAIL: node is not installed (make deps installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=("$here"/*/)
for c in "${cases[@]}"; do
  c=${c%/}
  [ -d "$c" ] || c=$here/$c
  name=$(basename "$c")
  if [ -f "$c/needs-npm" ] && [ ! -d "$here/../npm/node_modules" ]; then
    echo "FAIL $name: tests/npm/node_modules is missing (run scripts/npm-deps.sh)"; fail=$((fail + 1)); continue
  fi
  entry=
  for e in index.js index.mjs index.cjs; do [ -f "$c/$e" ] && { entry=$e; break; }; done
  [ -n "$entry" ] || { echo "FAIL $name: no index.js, index.mjs or index.cjs"; fail=$((fail + 1)); continue; }
  args=$(cat "$c/args" 2>/dev/null)
  err_formats=
  if [ -f "$c/expect-error" ]; then
    want=$(cat "$c/expect-error")
    err_formats=$(cat "$c/expect-error-formats" 2>/dev/null || echo "iife cjs esm")
    for f in $err_formats; do
      # shellcheck disable=SC2086
      (cd "$c" && NO_COLOR=1 "$bale" "$entry" $args --format="$f" --outfile="$tmp/$name.$f.js" >/dev/null 2>"$tmp/err")
      rc=$?
      if [ $rc -ne 1 ] || ! grep -qF -- "$want" "$tmp/err" || [ -e "$tmp/$name.$f.js" ]; then
        echo "FAIL $name ($f): want exit 1, no output and \"$want\"; got exit $rc"; cat "$tmp/err"; fail=$((fail + 1))
      else
        pass=$((pass + 1))
      fi
    done
    [ -f "$c/expect-error-formats" ] || continue
  fi
  formats=$(cat "$c/formats" 2>/dev/null || echo "iife cjs esm")
  (cd "$c" && node "$entry" >"$tmp/want" 2>"$tmp/want.err"; echo "exit $?" >>"$tmp/want")
  for f in $formats; do
    case " $err_formats " in *" $f "*) continue ;; esac
    ext=cjs
    [ "$f" = esm ] && ext=mjs
    out1=$tmp/$name.$f.1.$ext out4=$tmp/$name.$f.4.$ext
    # shellcheck disable=SC2086
    if ! (cd "$c" && "$bale" "$entry" $args --format="$f" --threads=1 --outfile="$out1" 2>"$tmp/err" &&
          "$bale" "$entry" $args --format="$f" --threads=4 --outfile="$out4" 2>>"$tmp/err"); then
      echo "FAIL $name ($f): bale failed"; cat "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if [ -f "$c/expect-warning" ] && ! grep -qF -- "$(cat "$c/expect-warning")" "$tmp/err"; then
      echo "FAIL $name ($f): want the warning \"$(cat "$c/expect-warning")\""; cat "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if ! cmp -s "$out1" "$out4"; then
      echo "FAIL $name ($f): --threads=1 and --threads=4 bundles differ"; fail=$((fail + 1)); continue
    fi
    (cd "$c" && node "$out1" >"$tmp/got" 2>"$tmp/got.err"; echo "exit $?" >>"$tmp/got")
    if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
      echo "FAIL $name ($f): the bundle's output differs from node $entry"; cat "$tmp/diff"
      grep -v ExperimentalWarning "$tmp/got.err" | head -20
      fail=$((fail + 1)); continue
    fi
    pass=$((pass + 1))
  done
done
echo "e2e: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

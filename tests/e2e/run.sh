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
#   node_modules  packages the program leaves external (--external: in
#             args): the bundles are written to a temporary directory,
#             which then gets a node_modules link to this one, so that the
#             bundle finds them at run time as the entry does
#   known-difference  a difference from Node that bale keeps for now: line 1
#             lists the formats it shows in, the lines after it say what and
#             why.  In those formats the bundle must still build, and it
#             must differ from Node (when it does not, the case fails: the
#             file is stale); the summary counts these as known differences.
#             known-difference.unshaken, when there, is used instead under
#             E2E_BALE_ARGS=--tree-shaking=false (no tree shaking, no scope
#             hoisting: a difference only hoisting removes)
#   check.mjs a case's own export check (liveness, identity...): run as
#             `node check.mjs import|require PATH` in the case directory,
#             once with the entry's absolute path and once with the
#             bundle's; it loads PATH as its first argument says (import()
#             for format esm, require() for format cjs) and prints what it
#             observes; the two outputs and exit codes must be equal
# For each case and format, bale bundles the entry twice (--threads=1 and
# --threads=4; the two bundles must be byte-identical), node runs the
# bundle, and its stdout and exit code must equal those of `node <entry>`
# run in the case directory.
# Then the bundle is loaded by a second program that checks its exports:
# tests/e2e/check-exports.mjs (its header says what it prints) loads the
# entry and the bundle in the case directory, with `import` for format esm
# and `require` for format cjs (Node 20.20 requires ES modules: a CommonJS
# consumer of the program sees the entry's namespace), and the two
# descriptions and exit codes must be equal; so must check.mjs's.  Format
# iife has no exports: it gets no export check, and the summary line counts
# the export checks that ran.
# Cases live in tests/e2e/ and tests/e2e-npm/ (the npm-* cases that import
# packages by name: its node_modules links to tests/npm/node_modules).
# E2E_BALE_ARGS (environment): more bale flags for every case (ctest runs
# the suite as is, with --tree-shaking=false, and with --minify
# --sourcemap=external).  E2E_SPLIT=1: every case is bundled with
# --splitting into a directory, the two directories (threads 1 and 4) must
# be byte-identical, and node runs the entry's output there (format iife's
# with e2e/script-tags.cjs, which gives node the page's script tags that
# its chunk loader adds; tests/browser runs it in Chromium).  A diagnostic marked [internal] (bale's own bug,
# such as code it could not minify) fails the case.
# Usage: run.sh PATH_TO_BALE [CASE...]  (a CASE is a directory or the name
# of one in tests/e2e or tests/e2e-npm)
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
command -v node >/dev/null || { echo "FAIL: node is not installed (make deps installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npmcases=$(cd "$here/.." && pwd)/e2e-npm
checker=$here/check-exports.mjs
pass=0 fail=0 known=0 checks=0 checks_failed=0 chunks=0

# export_check CASE_DIR MODE MODULE WANT_FILE LABEL: runs PROGRAM (the
# checker, or the case's check.mjs) on MODULE and compares its stdout and
# exit code with WANT_FILE (the same program run on the entry).
export_check() {
  local c=$1 prog=$2 mode=$3 module=$4 want=$5 label=$6
  checks=$((checks + 1))
  (cd "$c" && timeout 60 node "$prog" "$mode" "$module" >"$tmp/cgot" 2>"$tmp/cgot.err"; echo "exit $?" >>"$tmp/cgot")
  if ! diff -u "$want" "$tmp/cgot" >"$tmp/cdiff"; then
    echo "FAIL $label: what $(basename "$prog") sees through $mode differs from the entry's"; cat "$tmp/cdiff"
    grep -v ExperimentalWarning "$tmp/cgot.err" | head -20
    checks_failed=$((checks_failed + 1))
    return 1
  fi
}

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=("$here"/*/)
  [ -d "$npmcases" ] && cases+=("$npmcases"/*/)
fi
for c in "${cases[@]}"; do
  c=${c%/}
  if [ ! -d "$c" ]; then
    if [ -d "$here/$c" ]; then c=$here/$c; else c=$npmcases/$c; fi
  fi
  name=$(basename "$c")
  [ "$name" = node_modules ] && continue
  c=$(cd "$c" 2>/dev/null && pwd) || { echo "FAIL $name: no such case"; fail=$((fail + 1)); continue; }
  if [ -f "$c/needs-npm" ] && [ ! -d "$here/../npm/node_modules" ]; then
    echo "FAIL $name: tests/npm/node_modules is missing (run scripts/npm-deps.sh)"; fail=$((fail + 1)); continue
  fi
  entry=
  for e in index.js index.mjs index.cjs; do [ -f "$c/$e" ] && { entry=$e; break; }; done
  [ -n "$entry" ] || { echo "FAIL $name: no index.js, index.mjs or index.cjs"; fail=$((fail + 1)); continue; }
  args="$(cat "$c/args" 2>/dev/null) ${E2E_BALE_ARGS:-}"
  err_formats=
  if [ -f "$c/expect-error" ]; then
    want=$(cat "$c/expect-error")
    err_formats=$(cat "$c/expect-error-formats" 2>/dev/null || echo "iife cjs esm")
    for f in $err_formats; do
      # shellcheck disable=SC2086
      (cd "$c" && NO_COLOR=1 timeout 120 "$bale" "$entry" $args --format="$f" --outfile="$tmp/$name.$f.js" >/dev/null 2>"$tmp/err")
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
  rm -f "$tmp/node_modules"
  [ -d "$c/node_modules" ] && ln -s "$c/node_modules" "$tmp/node_modules"
  (cd "$c" && node "$entry" >"$tmp/want" 2>"$tmp/want.err"; echo "exit $?" >>"$tmp/want")
  for m in import require; do
    f=esm
    [ $m = require ] && f=cjs
    case " $formats " in *" $f "*) ;; *) continue ;; esac
    case " $err_formats " in *" $f "*) continue ;; esac
    (cd "$c" && node "$checker" $m "$c/$entry" >"$tmp/want.$m" 2>/dev/null; echo "exit $?" >>"$tmp/want.$m")
    [ -f "$c/check.mjs" ] &&
      (cd "$c" && node check.mjs $m "$c/$entry" >"$tmp/want.check.$m" 2>/dev/null; echo "exit $?" >>"$tmp/want.check.$m")
  done
  for f in $formats; do
    case " $err_formats " in *" $f "*) continue ;; esac
    ext=cjs
    [ "$f" = esm ] && ext=mjs
    out1=$tmp/$name.$f.1.$ext out4=$tmp/$name.$f.4.$ext
    pre=()
    if [ -n "${E2E_SPLIT:-}" ]; then
      [ "$f" = iife ] && pre=(-r "$here/script-tags.cjs")
      d1=$tmp/split1/$name.$f d4=$tmp/split4/$name.$f
      rm -rf "$d1" "$d4"
      base=${entry%.*}
      # shellcheck disable=SC2086
      if ! (cd "$c" && timeout 120 "$bale" "$entry" $args --format="$f" --splitting --out-extension:.js=.$ext --threads=1 --outdir="$d1" 2>"$tmp/err" &&
            timeout 120 "$bale" "$entry" $args --format="$f" --splitting --out-extension:.js=.$ext --threads=4 --outdir="$d4" 2>>"$tmp/err"); then
        echo "FAIL $name ($f, --splitting): bale failed"; cat "$tmp/err"; fail=$((fail + 1)); continue
      fi
      if ! diff -r "$d1" "$d4" >/dev/null; then
        echo "FAIL $name ($f, --splitting): --threads=1 and --threads=4 outputs differ"; fail=$((fail + 1)); continue
      fi
      out1=$d1/$base.$ext out4=$d4/$base.$ext
      chunks=$((chunks + $(ls "$d1" | grep -c "^chunk-")))
    # shellcheck disable=SC2086
    elif ! (cd "$c" && timeout 120 "$bale" "$entry" $args --format="$f" --threads=1 --outfile="$out1" 2>"$tmp/err" &&
          timeout 120 "$bale" "$entry" $args --format="$f" --threads=4 --outfile="$out4" 2>>"$tmp/err"); then
      echo "FAIL $name ($f): bale failed"; cat "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if [ -f "$c/expect-warning" ] && ! grep -qF -- "$(cat "$c/expect-warning")" "$tmp/err"; then
      echo "FAIL $name ($f): want the warning \"$(cat "$c/expect-warning")\""; cat "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if grep -qF -- "[internal]" "$tmp/err"; then
      echo "FAIL $name ($f): bale reported a bug of its own"; cat "$tmp/err"; fail=$((fail + 1)); continue
    fi
    if ! cmp -s "$out1" "$out4"; then
      echo "FAIL $name ($f): --threads=1 and --threads=4 bundles differ"; fail=$((fail + 1)); continue
    fi
    ok=1
    (cd "$c" && timeout 60 node "${pre[@]+"${pre[@]}"}" "$out1" >"$tmp/got" 2>"$tmp/got.err"; echo "exit $?" >>"$tmp/got")
    checks_before=$checks_failed
    {
      if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
        echo "FAIL $name ($f): the bundle's output differs from node $entry"; cat "$tmp/diff"
        grep -v ExperimentalWarning "$tmp/got.err" | head -20
        ok=0
      fi
      m=
      [ "$f" = esm ] && m=import
      [ "$f" = cjs ] && m=require
      if [ -n "$m" ]; then
        export_check "$c" "$checker" $m "$out1" "$tmp/want.$m" "$name ($f)" || ok=0
        if [ -f "$c/check.mjs" ]; then
          export_check "$c" "$c/check.mjs" $m "$out1" "$tmp/want.check.$m" "$name ($f)" || ok=0
        fi
      fi
    } >"$tmp/report"
    known_formats=
    kd=$c/known-difference
    case " ${E2E_BALE_ARGS:-} " in
      *" --tree-shaking=false "*) [ -f "$c/known-difference.unshaken" ] && kd=$c/known-difference.unshaken ;;
    esac
    [ -f "$kd" ] && known_formats=$(head -1 "$kd")
    case " $known_formats " in
      *" $f "*)
        if [ $ok -eq 1 ]; then
          echo "FAIL $name ($f): behaves as Node now: remove its known-difference file"; fail=$((fail + 1))
        else
          echo "KNOWN $name ($f): $(sed -n 2p "$kd")"; known=$((known + 1))
          checks_failed=$checks_before
        fi ;;
      *)
        cat "$tmp/report"
        if [ $ok -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi ;;
    esac
  done
done
split=
[ -n "${E2E_SPLIT:-}" ] && split=" (--splitting: $chunks chunks written besides the entries)"
echo "e2e: $pass passed, $fail failed, $known known differences from Node, 0 skipped; export checks: $checks ran, $checks_failed failed (iife bundles have no exports)$split"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/usr/bin/env bash
# The make phase's fixtures: each tests/make/cases/<case>/ holds the input
# files, `args` (bale's arguments; $CASE is the case directory relative to
# the repository root) and `expected.txt`: the graph dump (BALE_DUMP_GRAPH=1,
# stdout), then bale's stderr, then its exit code.  bale runs from the
# repository root, so paths are repo-relative; the root's absolute path is
# shown as <root>.  Every case runs with --threads=1 and --threads=4, and the
# two outputs must be byte-identical (determinism) as well as expected.
# Usage: run_cases.sh PATH_TO_BALE [CASE...]     UPDATE=1 rewrites expected.txt
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

run() { # run CASE_DIR THREADS > combined output
  local rel=${1#"$root"/} threads=$2 args
  args=$(sed "s#\$CASE#$rel#g; s#\$OUT#$tmp/bundles#g" "$1/args")
  case " $args" in *" --outfile="*|*" --outdir="*) ;; *) args="$args --outdir=$tmp/bundles" ;; esac
  # shellcheck disable=SC2086
  (cd "$root" && BALE_DUMP_GRAPH=1 NO_COLOR=1 "$bale" $args --threads="$threads" >"$tmp/out" 2>"$tmp/err")
  local rc=$?
  { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit $rc"; } | sed "s#$root#<root>#g"
}

cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=("$here"/cases/*/)
for c in "${cases[@]}"; do
  c=${c%/}
  [ -d "$c" ] || c=$here/cases/$c
  name=$(basename "$c")
  run "$c" 1 >"$tmp/one"
  run "$c" 4 >"$tmp/four"
  if ! cmp -s "$tmp/one" "$tmp/four"; then
    echo "FAIL $name: --threads=1 and --threads=4 differ"; diff "$tmp/one" "$tmp/four"; fail=$((fail + 1)); continue
  fi
  if [ "${UPDATE:-}" = 1 ]; then cp "$tmp/one" "$c/expected.txt"; fi
  if ! diff -u "$c/expected.txt" "$tmp/one" >"$tmp/diff" 2>&1; then
    echo "FAIL $name"; cat "$tmp/diff"; fail=$((fail + 1)); continue
  fi
  pass=$((pass + 1))
done
echo "make cases: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

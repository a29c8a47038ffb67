#!/usr/bin/env bash
# Every input the fuzzer ever found (tests/fuzz/regressions/) must parse or
# be rejected with a diagnostic: exit 0 or 1, never a crash or a sanitizer
# report (in the debug build those exit 86, as set below).  Usage: test_regressions.sh BALE
set -u
bale=$1
# A sanitizer report must not pass for bale's ordinary exit 1.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:exitcode=86"
dir=$(dirname "$0")/regressions
pass=0 fail=0
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  for goal in --script --module --auto; do
    timeout 20 "$bale" parse "$goal" --dump=ast "$f" >/dev/null 2>/tmp/bale-fuzz-err.$$
    rc=$?
    if [ $rc -le 1 ]; then pass=$((pass + 1)); else
      echo "FAIL $f $goal: exit $rc"; head -5 /tmp/bale-fuzz-err.$$; fail=$((fail + 1)); fi
  done
done
rm -f /tmp/bale-fuzz-err.$$
echo "fuzz regressions: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]

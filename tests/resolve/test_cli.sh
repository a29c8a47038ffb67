#!/usr/bin/env bash
# `bale resolve`: output format, flags, exit codes and the diagnostic.
# Usage: test_cli.sh BALE TEST_RESOLVE_CASES TREE.txt
# (test_resolve_cases --materialize-only builds the fixture tree.)
set -u
bale=$1 cases=$2 tree=$3
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$(cd "$tmp" && pwd -P)/t
mkdir -p "$root"
"$cases" "$tree" - --materialize-only "$root" || { echo "FAIL: cannot build the tree"; exit 1; }

# expect NAME WANT_EXIT WANT_STDOUT STDERR_PATTERN -- ARGS...
expect() {
  local name=$1 want=$2 out=$3 pattern=$4
  shift 5
  (cd "$root" && "$bale" resolve "$@") >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat "$tmp/out" "$tmp/err"; fail=$((fail + 1)); return
  fi
  if [ -n "$out" ] && [ "$(cat "$tmp/out")" != "$(printf "$out")" ]; then
    echo "FAIL $name: stdout"; cat "$tmp/out"; echo "want:"; printf "$out\n"; fail=$((fail + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
    echo "FAIL $name: stderr lacks /$pattern/"; cat "$tmp/err"; fail=$((fail + 1)); return
  fi
  pass=$((pass + 1))
}

expect one-per-line 0 "$root/rel/a.js\n$root/rel/b.mjs\nexternal:fs\nexternal:node:path" "" -- \
  --platform=node rel ./a ./b fs node:path
expect absolute-from 0 "$root/rel/a.js" "" -- "$root/rel" ./a
expect require-no-mjs 1 "" 'could not resolve "\./b"' -- --kind=require rel ./b
expect require-finds 0 "$root/rel/a.js" "" -- --kind=require rel ./a
expect conditions 0 "$root/exp/node_modules/exp-dev/dev.js" "" -- --conditions=development exp exp-dev
expect conditions-node 0 "$root/exp/node_modules/exp-nested/n-require.cjs" "" -- --platform=node --kind=require exp exp-nested
expect browser-field-false 0 "empty:./disabled" "" -- --platform=browser brw/src ./disabled
expect browser-builtin 1 "" '"fs" is a Node built-in module, and the platform is browser' -- brw/node_modules/bobj fs
expect external 0 "external:react/jsx-runtime" "" -- --external:react opts react/jsx-runtime
expect alias 0 "$root/opts/node_modules/simple-opt/lib/other.js" "" -- --alias:x=simple-opt opts x/lib/other
expect extensions 0 "$root/rel/t.ts" "" -- --resolve-extensions=.ts,.js rel ./t
expect main-fields 0 "$root/bare/node_modules/module-main/cjs.js" "" -- --main-fields=main bare module-main
expect preserve 0 "$root/lnk/alias.js" "" -- --preserve-symlinks lnk ./alias
expect realpath 0 "$root/lnk/real.js" "" -- lnk ./alias
expect not-found 1 "" 'tried .*/rel/missing\.js' -- rel ./missing
expect not-found-hint 1 "" 'hint: check the path' -- rel ./missing
expect not-exported 1 "" 'does not export "\./secret\.js"' -- exp exp-subpaths/secret.js
expect partial 1 "$root/rel/a.js" 'could not resolve "\./nope"' -- rel ./a ./nope
expect no-request 2 "" 'need FROM_DIR' -- rel
expect bad-kind 2 "" "invalid --kind 'dynamic'" -- --kind=dynamic rel ./a
expect bad-flag 2 "" "unknown flag '--bogus'" -- --bogus rel ./a

echo "resolve cli: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]

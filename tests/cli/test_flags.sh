#!/usr/bin/env bash
# The `bale` command's contract: --version, --help, exit codes for unknown
# flags and bad values, and an honest "not implemented" for bundling.
# Usage: test_flags.sh PATH_TO_BALE
set -u
bale=$1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME WANT_EXIT STDERR_PATTERN -- ARGS...
expect() {
  local name=$1 want=$2 pattern=$3
  shift 4
  "$bale" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; cat "$tmp/err"; fail=$((fail + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/out" "$tmp/err"; then
    echo "FAIL $name: output lacks /$pattern/"; cat "$tmp/out" "$tmp/err"; fail=$((fail + 1)); return
  fi
  pass=$((pass + 1))
}

expect version        0 '^0\.[0-9]+\.[0-9]+$' -- --version
expect help           0 '--outfile=FILE'      -- --help
expect help-short     0 'Usage:'              -- -h
expect help-splitting 0 '^   --splitting'     -- --help
expect unknown        2 "unknown flag '--frobnicate'" -- --frobnicate
expect did-you-mean   2 "did you mean '--outfile'"    -- --outfil=x.js a.js
expect single-dash    2 "two dashes"          -- -x
expect bad-format     2 "invalid value 'umd' for --format" -- --format=umd a.js
expect bad-platform   2 "expected one of: browser,node,neutral" -- --platform=deno a.js
expect bad-threads    2 "for --threads"       -- --threads=0 a.js
expect missing-value  2 "needs a value"       -- --outfile a.js
expect bare-value     2 "takes no value"      -- --minify=yes a.js
expect colon-form     2 "--external:VALUE"    -- --external=react a.js
expect bad-alias      2 "NAME=VALUE"          -- --alias:nothing a.js
expect no-entries     2 "no entry points"     -- --minify
expect both-outs      2 "cannot both be set"  -- --outfile=a.js --outdir=d a.js
expect bad-crossorigin 2 "for --cross-origin-loading" -- --cross-origin-loading=yes a.js
expect split-outdir   2 "it needs --outdir" -- --splitting a.js
expect bad-out-ext    2 "takes .js=.EXT"      -- --out-extension:.css=.x a.js
expect flags-parse    1 'entry point "a.js": not found' -- --format=esm --splitting --external:react --alias:a=b --define:X=1 --conditions=x,y --outdir=o a.js
expect bad-define-key 2 'invalid define key "a-b"' -- --define:a-b=1 a.js
expect bad-define-value 2 "invalid define value for \"X\": 'tru-e'" -- --define:X=tru-e a.js
expect bad-sourcemap  2 "expected linked, inline, external or both" -- --sourcemap=hidden a.js
expect bad-drop       2 "expected console or debugger" -- --drop:alert a.js
printf 'console.log(1);\n' >"$tmp/m.js"
expect map-stdout     1 "needs --outfile or --outdir" -- --sourcemap "$tmp/m.js"
expect map-inline     0 ''                    -- --sourcemap=inline "$tmp/m.js"
grep -q '^//# sourceMappingURL=data:application/json;base64,' "$tmp/out" && pass=$((pass + 1)) ||
  { echo "FAIL map-inline: no inline map on standard output"; fail=$((fail + 1)); }
expect no-content     0 ''                    -- --sourcemap --sources-content=false --outfile="$tmp/m-out.js" "$tmp/m.js"
grep -q '"sources":\[' "$tmp/m-out.js.map" && ! grep -q sourcesContent "$tmp/m-out.js.map" && pass=$((pass + 1)) ||
  { echo "FAIL no-content: the map has sourcesContent, or no sources"; fail=$((fail + 1)); }
expect silent         1 ''                    -- --log-level=silent a.js
[ ! -s "$tmp/err" ] && pass=$((pass + 1)) || { echo "FAIL silent printed: $(cat "$tmp/err")"; fail=$((fail + 1)); }
# --define: values in place of global reads, never of a binding's or an assignment's target
printf 'let local = 1;\nfunction f(DEBUG) { return DEBUG; }\nglobalThis.config = {};\nconfig.mode = 0;\nconsole.log(DEBUG, config.mode, process.env.NODE_ENV, f(local));\n' >"$tmp/d.js"
expect define         0 ''                    -- --define:DEBUG=false '--define:config.mode="m"' --outfile="$tmp/d-out.js" "$tmp/d.js"
[ "$(node "$tmp/d-out.js" 2>&1)" = "false m development 1" ] && grep -q 'config.mode = 0' "$tmp/d-out.js" && pass=$((pass + 1)) ||
  { echo "FAIL define: $(node "$tmp/d-out.js" 2>&1)"; fail=$((fail + 1)); }
expect define-minify  0 ''                    -- --minify --outfile="$tmp/d-min.js" "$tmp/d.js"
expect define-node    0 ''                    -- --platform=node --outfile="$tmp/d-node.js" --define:DEBUG=1 "$tmp/d.js"
grep -q '"production"' "$tmp/d-min.js" && grep -q 'process.env.NODE_ENV' "$tmp/d-node.js" && pass=$((pass + 1)) ||
  { echo "FAIL define NODE_ENV: not production under --minify for the browser, or replaced for node"; fail=$((fail + 1)); }
[ ! -s "$tmp/err" ] && pass=$((pass + 1)) || { echo "FAIL silent printed: $(cat "$tmp/err")"; fail=$((fail + 1)); }

# --legal-comments=external: the comments in OUT.LEGAL.txt, none in the bundle, no link to it
printf '/*! legal: MIT */\nconsole.log(1);\n' >"$tmp/l.js"
expect legal-stdout   2 "needs --outfile or --outdir" -- --minify --legal-comments=external "$tmp/l.js"
expect legal-external 0 ''                    -- --minify --legal-comments=external --outfile="$tmp/l-out.js" "$tmp/l.js"
[ "$(cat "$tmp/l-out.js.LEGAL.txt" 2>&1)" = "/*! legal: MIT */" ] && ! grep -q 'legal\|LEGAL' "$tmp/l-out.js" && pass=$((pass + 1)) ||
  { echo "FAIL legal-external: $(cat "$tmp/l-out.js.LEGAL.txt" "$tmp/l-out.js" 2>&1)"; fail=$((fail + 1)); }

echo "cli: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]

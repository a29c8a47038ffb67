#!/usr/bin/env bash
# make demo: bundle examples/hello with bale and run the bundle with node,
# next to the unbundled program, so the two outputs can be compared.
# If bale stops with "not implemented yet", the demo says so and stops.
set -u
bale=${1:-build/bale}
ex=examples/hello
out=build/demo/hello.js

echo "== $bale --version"
"$bale" --version || exit 1

echo "== the program, unbundled (node $ex/src/index.js)"
node "$ex/src/index.js" || exit 1

echo "== $bale $ex/src/index.js --outfile=$out"
err=$("$bale" "$ex/src/index.js" --outfile="$out" 2>&1)
rc=$?
[ -n "$err" ] && echo "$err"
if [ $rc -eq 0 ]; then
  echo "== the bundle (node $out)"
  node "$out" || exit 1
elif [ $rc -eq 1 ] && grep -q "not implemented yet" <<<"$err"; then
  echo "== bale does not bundle yet (see README.md, 'Status'); the demo stops here."
else
  exit $rc
fi

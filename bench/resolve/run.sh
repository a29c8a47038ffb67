#!/usr/bin/env bash
# bench/resolve/run.sh: bale's resolver side by side with enhanced-resolve
# (webpack) and oxc-resolver (Rust, via napi), in one run, on every request
# of two real trees: three.js x10 and a node_modules of a few hundred
# packages (see corpus.mjs).  Not a test: `make bench`, or run it directly.
#   bench/resolve/run.sh [RUNS]
# Env: BALE_LIB  the release libbale.a (default build/release/libbale.a;
#                built with cmake when missing).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
out=$repo/bench/out/resolve
mkdir -p "$out"

# The peers and corpora (bench/package-lock.json), installed when missing.
if [ ! -d "$repo/bench/node_modules" ] || [ "$repo/bench/package-lock.json" -nt "$repo/bench/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$repo/bench" --no-audit --no-fund --loglevel=error
fi

lib=${BALE_LIB:-$repo/build/release/libbale.a}
if [ ! -f "$lib" ]; then
  cmake -S "$repo" -B "$repo/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBALE_WERROR=OFF -DBALE_TESTS=OFF >/dev/null
  cmake --build "$repo/build/release" --target bale_lib
fi
cc -std=c17 -O2 -DNDEBUG -D_GNU_SOURCE -I"$repo/include" -I"$repo/src" "$repo/bench/resolve/bench_resolve.c" "$lib" \
  -lxxhash -lpthread -lm -o "$out/bench_resolve"

node "$repo/bench/resolve/corpus.mjs" "$out"
threads=$(nproc)
for corpus in three10 node_modules; do
  tsv=$out/$corpus.tsv
  res=$out/$corpus.results.jsonl
  : >"$res"
  "$out/bench_resolve" "$tsv" 1 "$runs" "$out/$corpus.bale.txt" >>"$res"
  if [ "$threads" -gt 1 ]; then
    "$out/bench_resolve" "$tsv" "$threads" "$runs" "$out/$corpus.bale-mt.txt" >>"$res"
  fi
  node "$repo/bench/resolve/peers.mjs" "$tsv" "$runs" "$out/$corpus" >>"$res"
  node "$repo/bench/resolve/report.mjs" "$corpus" "$res" "$out/$corpus"
done

#!/usr/bin/env bash
# bench/parse/run.sh: bale's parser side by side with the npm parsers
# (oxc-parser, @swc/core, esbuild, meriyah, acorn; see peers.mjs for what
# each figure includes), in one run, one thread,
# on two corpora: A, typescript.js (one 9 MB script) and B, every .js file
# of three/src (757 modules).  Prints a table and writes it, with the date,
# the machine, the load and the versions, to bench/parse/results.md.
# Not a test: `make bench`, or run it directly.
#   bench/parse/run.sh
# Env: RUNS    timed runs per tool and corpus (default 10; best and median)
#      WARMUP  untimed runs first (default 2)
#      PIN     the CPU every tool is pinned to with taskset (default: the
#              last one); PIN=none lets the scheduler place them.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/bench/parse
out=$repo/bench/out/parse
runs=${RUNS:-10}
warmup=${WARMUP:-2}
mkdir -p "$out"

# bale's bench_parse, release build.  When the work tree does not build
# (someone's half-done work), first without CMake from src/base and src/js
# alone, then from the sources of the last commit (git archive HEAD).
bench=$repo/build/release/bench_parse
source="work tree"
build_cc() { # SRC_ROOT: bench_parse from SRC_ROOT/{include,src} with cc
  cc -std=c17 -O2 -DNDEBUG -D_GNU_SOURCE -I"$1/include" -I"$1/src" "$here/bench_parse.c" \
    "$1"/src/base/*.c "$1"/src/js/*.c -lxxhash -lpthread -lm -o "$out/bench_parse" 2>"$out/build.log"
}
if ! { cmake -S "$repo" -B "$repo/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBALE_TESTS=OFF \
         -DBALE_WERROR=OFF >/dev/null && cmake --build "$repo/build/release" --target bench_parse >"$out/build.log" 2>&1; }; then
  bench=$out/bench_parse
  if build_cc "$repo"; then
    echo "bench/parse: the CMake build failed; built bench_parse with cc from src/base and src/js" >&2
  else
    rm -rf "$out/head" && mkdir -p "$out/head"
    git -C "$repo" archive HEAD include src | tar -x -C "$out/head"
    build_cc "$out/head" || { cat "$out/build.log" >&2; exit 1; }
    source="the last commit: the work tree did not build"
    echo "bench/parse: the work tree does not build; measuring the last commit's parser" >&2
  fi
fi

# The corpora (tests/npm) and the peers (bench/parse/package-lock.json).
bash "$repo/scripts/npm-deps.sh"
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
mods=$repo/tests/npm/node_modules
echo "$mods/typescript/lib/typescript.js" >"$out/typescript.list"
find "$mods/three/src" -name '*.js' | LC_ALL=C sort >"$out/three.list"

# One core: everything pinned to one CPU; no helper threads where a knob
# exists (libuv's pool; Go's scheduler for esbuild's service process).
pin=${PIN:-$(($(nproc) - 1))}
run=()
if [ "$pin" != none ] && command -v taskset >/dev/null; then run=(taskset -c "$pin"); else pin=none; fi
export UV_THREADPOOL_SIZE=1 GOMAXPROCS=1

# busy: other processes over one second, for the record.
. "$repo/bench/lib.sh"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy_before=$(busy)
peers=(oxc oxc-json swc swc-json esbuild esbuild-cli meriyah acorn)
for corpus in typescript three; do
  goal=module
  [ $corpus = typescript ] && goal=script
  res=$out/$corpus.jsonl
  : >"$res"
  echo "bench/parse: $corpus ($goal goal), $runs runs after $warmup warm-up, pinned to CPU $pin" >&2
  "${run[@]}" "$bench" --json --runs="$runs" --warmup="$warmup" --goal=$goal --list="$out/$corpus.list" >>"$res"
  "${run[@]}" "$bench" --json --runs="$runs" --warmup="$warmup" --goal=auto --list="$out/$corpus.list" >>"$res"
  "${run[@]}" "$bench" --json --runs="$runs" --warmup="$warmup" --goal=$goal --scopes --list="$out/$corpus.list" >>"$res"
  "${run[@]}" "$bench" --json --runs="$runs" --warmup="$warmup" --goal=$goal --lex --list="$out/$corpus.list" >>"$res"
  for tool in "${peers[@]}"; do
    echo "  $tool" >&2
    "${run[@]}" node "$here/peers.mjs" "$tool" $goal "$runs" "$warmup" "$out/$corpus.list" >>"$res" ||
      echo "{\"tool\":\"$tool\",\"error\":true}" >>"$res"
  done
done

export BENCH_DATE=$(date -u) BENCH_NPROC=$(nproc) BENCH_PIN=$pin BENCH_RUNS=$runs BENCH_WARMUP=$warmup
record_machine
export BENCH_TS_VERSION=$(node -p "require('$mods/typescript/package.json').version")
export BENCH_THREE_VERSION=$(node -p "require('$mods/three/package.json').version")
node "$here/report.mjs" "$here/results.md" "$out/typescript.jsonl" "$out/three.jsonl"

#!/usr/bin/env bash
# bench/dispatch/run.sh: the seed's table of async_trait and dyn-dispatch
# costs in rspack at 10,000 modules, measured.  bench_dispatch.c times a
# boxed future + vtable call, an indirect call and a switch at the seed's
# call counts; bale --profile on bench/scale's synthetic 10K project gives
# bale's own task counts, which are timed too.  Prints the tables and
# writes them, with the date, the machine and the load, to
# bench/dispatch/results.md.  Not a test: `make bench`, or
#   bench/dispatch/run.sh
# Env: PIN   the CPU bench_dispatch is pinned to (default: the last one;
#            none: unpinned)
#      BALE  the bale binary (default: build/release/bale, built with cmake)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/bench/dispatch
out=$repo/bench/out/dispatch
mkdir -p "$out"

. "$repo/bench/lib.sh"
build_bale "$out" bench/dispatch || exit 1
# bench_dispatch needs nothing of bale: plain cc when CMake fails.
bench=$repo/build/release/bench_dispatch
if ! cmake --build "$repo/build/release" --target bench_dispatch >"$out/build-dispatch.log" 2>&1; then
  bench=$out/bench_dispatch
  cc -std=c17 -O2 -DNDEBUG "$here/bench_dispatch.c" -o "$bench" || { cat "$out/build-dispatch.log" >&2; exit 1; }
fi

pin=${PIN:-$(($(nproc) - 1))}
run=()
if [ "$pin" != none ] && command -v taskset >/dev/null; then run=(taskset -c "$pin"); else pin=none; fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy_before=$(busy)

# bale's own counts: a real build of the synthetic 10K project.
dir=$(node "$repo/bench/scale/corpus.mjs" "$repo/bench/out/scale" synthetic 10000)
"$bale" "$dir/src/index.js" --outfile="$out/synthetic-10000.js" --profile >/dev/null 2>"$out/profile.txt"
node "$repo/bench/scale/check.mjs" "$out/synthetic-10000.js" "$dir/expected.txt" 120 >"$out/check.json"
# "task KIND (WHERE)   ms   calls"; modules and dependencies are counts.
mapfile -t bale_rows < <(awk '
  /^task / { name = $1 " " $2 " " $3; calls[name] = $NF; total += $NF; order[++n] = name }
  /^modules / { modules = $2 } /^dependencies / { deps = $2 }
  END {
    printf "bale: all task runs=%d\n", total
    for (i = 1; i <= n; i++) printf "bale: %s=%d\n", order[i], calls[order[i]]
    printf "bale: modules (code generation)=%d\n", modules
    printf "bale: dependencies=%d\n", deps
  }' "$out/profile.txt")

"${run[@]}" "$bench" >"$out/seed.tsv"
"${run[@]}" "$bench" "${bale_rows[@]}" >"$out/bale.tsv"

export BENCH_DATE=$(date -u) BENCH_PIN=$pin
record_machine
export BENCH_BALE_VERSION=$("$bale" --version | head -n 1) BENCH_CC=$(cc --version | head -n 1)
node "$here/report.mjs" "$here/results.md" "$out/seed.tsv" "$out/bale.tsv" "$out/profile.txt" "$out/check.json"

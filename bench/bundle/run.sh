#!/usr/bin/env bash
# bench/bundle/run.sh: bale's bundling speed side by side with esbuild,
# rspack and rolldown, in one run, on esbuild's "three.js x10" benchmark
# (ten copies of three/src behind one entry) and on one copy (corpus.mjs
# writes both under bench/out/bundle).  Every tool bundles to one file, no
# minify, no source maps, no cache; each run is a fresh process (cold: only
# the OS's file cache is warm, after one untimed run per tool).  Times are
# wall clock around the process, so Node's start-up is in rspack's and
# rolldown's figures: it is what their users pay too.  Each output is run
# by node (check.mjs) and must set window.copy1..N to three's namespace.
# Prints a table and writes it, with the date, the machine, the load and
# the versions, to bench/bundle/results.md.  Not a test: `make bench`, or
#   bench/bundle/run.sh
# Env: RUNS  timed runs per tool and corpus (default 5; best and median)
#      CPUS  the CPUs every tool is pinned to with taskset (default: all,
#            0-(nproc-1)); CPUS=none lets the scheduler place them.
#      BALE  the bale binary (default: build/release/bale, built with cmake)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/bench/bundle
out=$repo/bench/out/bundle
runs=${RUNS:-5}
mkdir -p "$out"

. "$repo/bench/lib.sh"
build_bale "$out" bench/bundle || exit 1

# The peers and three (bench/bundle/package-lock.json), then the corpora.
install_bundlers
node "$here/corpus.mjs" "$out"

cpus=${CPUS:-0-$(($(nproc) - 1))}
pin=()
if [ "$cpus" != none ] && command -v taskset >/dev/null; then pin=(taskset -c "$cpus"); else cpus=none; fi
[ -x /usr/bin/time ] || { echo "bench/bundle: needs /usr/bin/time (Debian package time) for the peak RSS" >&2; exit 1; }

tools=(bale bale-1 esbuild rspack rolldown bale-map esbuild-map bale-prod esbuild-prod rspack-prod)

# busy: other processes over one second, for the record.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy_before=$(busy)

# Runs go round the tools (tool 1 run 1, tool 2 run 1, ...) so that a burst
# of load elsewhere falls on every tool, not on one.  Each line of
# CORPUS.jsonl: tool, run, wall ms, user+sys ms, peak RSS KB, exit status.
for corpus in three1 three10 three10esm; do
  copies=${corpus#three}
  copies=${copies%esm}
  entry=$out/$corpus/entry.js
  ctools=("${tools[@]}")
  ext=js
  if [ "$corpus" = three10esm ]; then
    entry=$out/three10/entry-esm.js ctools=(bale-prod-esm esbuild-prod-esm rspack-prod-esm) ext=mjs
  fi
  res=$out/$corpus.jsonl
  : >"$res"
  echo "bench/bundle: $corpus, $runs runs per tool after one untimed run, pinned to CPUs $cpus" >&2
  for run in $(seq 0 "$runs"); do
    for tool in "${ctools[@]}"; do
      dest=$out/$corpus.$tool.$ext
      rm -f "$dest"
      bundler_command "$tool" "$entry" "$dest"
      status=0
      t0=$(date +%s%N)
      /usr/bin/time -f '%M %U %S' -o "$out/time.txt" "${pin[@]}" "${cmd[@]}" >"$out/$corpus.$tool.log" 2>&1 || status=$?
      t1=$(date +%s%N)
      [ "$run" -eq 0 ] && continue # the untimed run
      tail -n 1 "$out/time.txt" | awk -v tool="$tool" -v run="$run" -v ns=$((t1 - t0)) -v status=$status \
        '{printf "{\"tool\":\"%s\",\"run\":%d,\"wall_ms\":%.1f,\"cpu_ms\":%.0f,\"rss_kb\":%d,\"status\":%d}\n",
          tool, run, ns / 1e6, ($2 + $3) * 1000, $1, status}' >>"$res"
    done
  done
  for tool in "${ctools[@]}"; do
    dest=$out/$corpus.$tool.$ext
    size=$(stat -c %s "$dest" 2>/dev/null || echo 0)
    check=$(node "$here/check.mjs" "$dest" "$copies" 2>/dev/null | tail -n 1) || true
    case $check in "{"*) ;; *) check='{"ok":false,"detail":"check.mjs printed no verdict (crashed or out of memory)"}' ;; esac
    printf '{"tool":"%s","output_bytes":%d,"check":%s}\n' "$tool" "$size" "$check" >>"$res"
  done
done

export BENCH_DATE=$(date -u) BENCH_NPROC=$(nproc) BENCH_CPUS=$cpus BENCH_RUNS=$runs
record_machine
export BENCH_BALE_VERSION=$("$bale" --version | head -n 1)
export BENCH_ESBUILD_VERSION=$("$here/node_modules/esbuild/bin/esbuild" --version)
node "$here/report.mjs" "$here/results.md" "$out/three1.jsonl" "$out/three10.jsonl" "$out/three10esm.jsonl"

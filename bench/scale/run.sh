#!/usr/bin/env bash
# bench/scale/run.sh: how bale's time and memory grow with the size of the
# project, side by side with esbuild, rspack and rolldown (the versions and
# the commands of bench/bundle, through bench/lib.sh), on corpus.mjs's
# synthetic projects: a realistic mix ("synthetic"), and four shapes that
# punish rescans (a chain of `export {x} from`, a chain of `export *`, one
# hub importing N leaves, a "sideEffects": false package whose barrel
# re-exports a chain of modules of which two are used), and one for code
# splitting ("splitting": an entry that loads N/20 routes with import(),
# each importing 3-6 of N/4 shared core modules and a few private ones).
# Every tool bundles to one file, no minify, as a fresh process per run
# (cold; the OS's file cache is warm: corpus.mjs has just written or
# checked the files, and bale's --profile run reads them); bale-minify
# and esbuild-minify are the production build (--minify,
# --sourcemap=external: FILE.map, not linked from FILE), in a table of
# their own.  On splitting the tools split instead, as ES modules into a
# directory (OUT/SHAPE-N.TOOL/index.js and its chunks): bale-split (bale
# --splitting --format=esm --outdir), esbuild-split (--bundle --splitting
# --format=esm --outdir), rspack-split (bench/bundle/rspack.mjs split: its
# mode none with its default code splitting, ES module output) and
# rolldown-split (--dir, --format esm); the directory gets a package.json
# of "type": "module" before node runs its index.js.
# Each run is capped (CAP seconds): a tool that fails or times out is
# recorded so, and is not run on the larger sizes of that shape.  Each
# output is run by node (check.mjs) and must print the project's checksum.
# Minified outputs' FILE.map is checked too (check.mjs).  bale runs once
# more per size with --profile (untimed) for the growth of each pass (with
# bale-split among the tools, that run splits as bale-split does: its
# "seal: chunks" is the chunk graph), and once more with --profile --minify
# --sourcemap=external when bale-minify is among the tools.  Prints the
# tables and writes them, with the date, the machine, the load and the
# versions, to bench/scale/results.md ($RESULTS).  Not a test: `make bench`, or
#   bench/scale/run.sh
# Env: RUNS    timed runs per tool and size (default 3; the best is reported)
#      CAP     seconds a run may take (default 120)
#      ONCE    a run slower than this many seconds is not repeated at that
#              size (default 20: the peers take minutes on the chains)
#      SHAPES  which shapes (default: synthetic reexport-chain star-chain fan-in
#              side-effects splitting)
#      SIZES   the sizes for every shape (default: per shape, below)
#      TOOLS   which tools, on every shape (bale, bale-1, esbuild, rspack,
#              rolldown, bale-minify, esbuild-minify, bale-split,
#              esbuild-split, rspack-split, rolldown-split; default: per
#              shape, below: the four, and bale-minify; esbuild-minify on
#              synthetic; on splitting the four -split ones only)
#      CPUS    the CPUs every tool is pinned to (default all; none: unpinned)
#      BALE    the bale binary (default: build/release/bale, built with cmake)
#      RESULTS where the report goes (default: bench/scale/results.md, the
#              recorded run; a small run while developing writes elsewhere)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
here=$repo/bench/scale
out=$repo/bench/out/scale
runs=${RUNS:-3}
cap=${CAP:-120}
once=${ONCE:-20}
mkdir -p "$out"

. "$repo/bench/lib.sh"
build_bale "$out" bench/scale || exit 1
install_bundlers

# The production build beside the others: esbuild-minify on synthetic only
# (esbuild is quadratic on the chains: minutes more), bale-minify on every
# shape, for the growth of its passes under --minify.
tools_of() {
  if [ -n "${TOOLS:-}" ]; then echo "$TOOLS"; return; fi
  case $1 in
    synthetic) echo bale esbuild rspack rolldown bale-minify esbuild-minify ;;
    splitting) echo bale-split esbuild-split rspack-split rolldown-split ;;
    *) echo bale esbuild rspack rolldown bale-minify ;;
  esac
}
# bench/lib.sh's bundler_command, the production build with an external
# map (its bale-prod and esbuild-prod link FILE.map from FILE), and code
# splitting: TOOL-split ENTRY OUTDIR writes OUTDIR/index.js and its chunks.
tool_command() {
  case $1 in
    bale-minify) cmd=("$bale" "$2" --outfile="$3" --minify --sourcemap=external) ;;
    esbuild-minify) cmd=("$repo/bench/bundle/node_modules/esbuild/bin/esbuild" "$2" --bundle --minify --sourcemap=external
                         --outfile="$3" --log-level=warning) ;;
    bale-split) cmd=("$bale" "$2" "${bale_split[@]}" --outdir="$3") ;;
    esbuild-split) cmd=("$repo/bench/bundle/node_modules/esbuild/bin/esbuild" "$2" --bundle --splitting --format=esm
                        --outdir="$3" --log-level=warning) ;;
    rspack-split) cmd=(node "$repo/bench/bundle/rspack.mjs" "$2" "$3" split) ;;
    rolldown-split) cmd=(node "$repo/bench/bundle/node_modules/rolldown/bin/cli.mjs" "$2" --dir "$3" --format esm) ;;
    *) bundler_command "$@" ;;
  esac
}
bale_split=(--splitting --format=esm) # bale-split's flags, and its --profile run's
for tool in ${TOOLS:-}; do tool_command "$tool" in out || exit 2; done
read -r -a shapes <<<"${SHAPES:-synthetic reexport-chain star-chain fan-in side-effects splitting}"
# The chains start small: the peers are quadratic or worse there (rspack
# takes minutes on a 250-module `export *` chain).
sizes_of() {
  if [ -n "${SIZES:-}" ]; then echo "$SIZES"; return; fi
  case $1 in
    synthetic) echo 1000 2000 10000 20000 50000 ;;
    reexport-chain) echo 1000 2000 4000 8000 16000 32000 ;;
    star-chain) echo 250 500 1000 2000 4000 8000 16000 32000 ;;
    fan-in) echo 1000 10000 20000 40000 ;;
    side-effects) echo 1000 4000 16000 32000 ;;
    splitting) echo 1000 2000 10000 20000 50000 ;;
  esac
}

# Where TOOL's output goes: a file, or with code splitting a directory.
dest_of() {
  case $1 in
    *-split) echo "$out/$shape-$n.$1" ;;
    *) echo "$out/$shape-$n.$1.js" ;;
  esac
}

cpus=${CPUS:-0-$(($(nproc) - 1))}
pin=()
if [ "$cpus" != none ] && command -v taskset >/dev/null; then pin=(taskset -c "$cpus"); else cpus=none; fi
[ -x /usr/bin/time ] || { echo "bench/scale: needs /usr/bin/time (Debian package time) for the peak RSS" >&2; exit 1; }
command -v timeout >/dev/null || { echo "bench/scale: needs timeout (coreutils)" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy_before=$(busy)

# One line of results.jsonl per timed run (shape, n, tool, run, wall ms,
# user+sys ms, peak RSS KB, exit status: 124 is the cap), per tool left
# out (skipped: why), and per output (its size and check.mjs's verdict).
res=$out/results.jsonl
: >"$res"
declare -A gave_up # shape.tool -> why the larger sizes are not run
for shape in "${shapes[@]}"; do
  read -r -a tools <<<"$(tools_of "$shape")"
  for n in $(sizes_of "$shape"); do
    dir=$(node "$here/corpus.mjs" "$out" "$shape" "$n")
    entry=$dir/src/index.js
    echo "bench/scale: $shape, $n modules, $runs runs per tool" >&2
    rm -rf "$out/$shape-$n.profile" "$out/$shape-$n.minify.profile" "$out/$shape-$n.profile.split"
    # bale-split's passes when it is among the tools (its seal: chunks is
    # the chunk graph), else bale's.
    prof=()
    case " ${tools[*]} " in
      *" bale-split "*) prof=("${bale_split[@]}" --outdir="$out/$shape-$n.profile.split") ;;
      *" bale "* | *" bale-1 "*) prof=(--outfile="$out/$shape-$n.profile.js") ;;
    esac
    if [ ${#prof[@]} -gt 0 ]; then
      timeout -k 5 "$cap" "${pin[@]}" "$bale" "$entry" "${prof[@]}" --profile \
        >/dev/null 2>"$out/$shape-$n.profile" || echo "bench/scale: bale --profile failed on $shape-$n" >&2
    fi
    case " ${tools[*]} " in *" bale-minify "*)
      timeout -k 5 "$cap" "${pin[@]}" "$bale" "$entry" --outfile="$out/$shape-$n.minify.profile.js" --minify \
        --sourcemap=external --profile >/dev/null 2>"$out/$shape-$n.minify.profile" ||
        echo "bench/scale: bale --minify --profile failed on $shape-$n" >&2 ;;
    esac
    declare -A failed_now=() slow_now=()
    for run in $(seq 1 "$runs"); do
      for tool in "${tools[@]}"; do
        [ -z "${gave_up[$shape.$tool]:-}" ] && [ -z "${failed_now[$tool]:-}" ] && [ -z "${slow_now[$tool]:-}" ] || continue
        dest=$(dest_of "$tool")
        rm -rf "$dest" "$dest.map"
        tool_command "$tool" "$entry" "$dest"
        status=0
        t0=$(date +%s%N)
        /usr/bin/time -f '%M %U %S' -o "$out/time.txt" timeout -k 5 "$cap" "${pin[@]}" "${cmd[@]}" \
          >"$out/$shape-$n.$tool.log" 2>&1 || status=$?
        t1=$(date +%s%N)
        tail -n 1 "$out/time.txt" | awk -v shape="$shape" -v n="$n" -v tool="$tool" -v run="$run" -v ns=$((t1 - t0)) -v status=$status \
          '{printf "{\"shape\":\"%s\",\"n\":%d,\"tool\":\"%s\",\"run\":%d,\"wall_ms\":%.1f,\"cpu_ms\":%.0f,\"rss_kb\":%d,\"status\":%d}\n",
            shape, n, tool, run, ns / 1e6, ($2 + $3) * 1000, $1, status}' >>"$res"
        [ $((t1 - t0)) -le $((once * 1000000000)) ] || slow_now[$tool]=1
        if [ "$status" -ne 0 ]; then
          failed_now[$tool]=1
          if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then why="timed out (${cap} s) at $n modules"; else why="failed (exit $status) at $n modules"; fi
          gave_up[$shape.$tool]=$why
          echo "bench/scale: $tool $why ($shape)" >&2
        fi
      done
    done
    for tool in "${tools[@]}"; do
      if [ -n "${failed_now[$tool]:-}" ]; then continue; fi
      if [ -n "${gave_up[$shape.$tool]:-}" ]; then
        printf '{"shape":"%s","n":%d,"tool":"%s","skipped":"%s"}\n' "$shape" "$n" "$tool" "${gave_up[$shape.$tool]}" >>"$res"
        continue
      fi
      dest=$(dest_of "$tool")
      size=$(stat -c %s "$dest" 2>/dev/null || echo 0)
      if [ -d "$dest" ]; then # split: its JavaScript files, run as ES modules
        size=$(find "$dest" -name '*.js' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
        echo '{ "type": "module" }' >"$dest/package.json"
      fi
      map=()
      case $tool in *-minify) map=("$dest.map") ;; esac
      check=$(node "$here/check.mjs" "$dest" "$dir/expected.txt" "$cap" "${map[@]}" 2>/dev/null | tail -n 1) || true
      case $check in "{"*) ;; *) check='{"ok":false,"detail":"check.mjs printed no verdict"}' ;; esac
      printf '{"shape":"%s","n":%d,"tool":"%s","output_bytes":%d,"check":%s}\n' "$shape" "$n" "$tool" "$size" "$check" >>"$res"
    done
    unset failed_now slow_now
  done
done

export BENCH_DATE=$(date -u) BENCH_NPROC=$(nproc) BENCH_CPUS=$cpus BENCH_RUNS=$runs BENCH_CAP=$cap BENCH_ONCE=$once
record_machine
export BENCH_BALE_VERSION=$("$bale" --version | head -n 1)
export BENCH_ESBUILD_VERSION=$("$repo/bench/bundle/node_modules/esbuild/bin/esbuild" --version)
node "$here/report.mjs" "${RESULTS:-$here/results.md}" "$res" "$out"

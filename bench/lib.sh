# bench/lib.sh: what every bench/*/run.sh shares.  Source it; it defines:
#   busy   the other processes above 10% of a CPU over one second (top's
#          second sample), for the results' record of the machine's load.
#   record_machine  exports BENCH_CPU, BENCH_LOAD, BENCH_BUSY and
#          BENCH_COMMIT for the report; reads $repo, $source ("work tree" or
#          what was built instead), $load_before and $busy_before.
#   build_bale OUT NAME  sets bale (the binary) and source: $BALE if set,
#          else build/release/bale built with cmake, else (the work tree
#          does not build: someone's half-done work) the last commit's
#          sources built under OUT/head.  NAME prefixes its messages.
#   install_bundlers  npm ci of bench/bundle/package-lock.json (esbuild,
#          rspack, rolldown, three) when node_modules is missing or stale.
#   bundler_command TOOL ENTRY OUTFILE  sets cmd: TOOL (bale, bale-1,
#          esbuild, rspack, rolldown) bundles ENTRY to the one file OUTFILE,
#          no minify, no source map, no cache, as bench/bundle measures it;
#          bale-map and esbuild-map also write OUTFILE.map (--sourcemap);
#          bale-prod, esbuild-prod and rspack-prod are production builds:
#          minified, with OUTFILE.map.
busy() {
  command -v top >/dev/null || { echo unknown; return; }
  top -b -w 200 -n 2 -d 1 -o %CPU | awk '/^top -/ {blk++}
    blk == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 10 {printf "%s%s %s%%", sep, $12, $9; sep = ", "}
    END {if (!sep) printf "none"}'
}

record_machine() {
  export BENCH_CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  export BENCH_LOAD="$load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
  export BENCH_BUSY="$busy_before before, $(busy) after"
  if [ "$source" = "work tree" ]; then
    export BENCH_COMMIT="$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src include || echo ' + uncommitted changes in src/')"
  else
    export BENCH_COMMIT="$(git -C "$repo" rev-parse --short HEAD), $source"
  fi
}

build_bale() {
  local out=$1 name=$2
  source="work tree"
  if [ -n "${BALE:-}" ]; then
    bale=$BALE
    source="$BALE"
  elif cmake -S "$repo" -B "$repo/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBALE_TESTS=OFF \
         -DBALE_WERROR=OFF >/dev/null && cmake --build "$repo/build/release" --target bale >"$out/build.log" 2>&1; then
    bale=$repo/build/release/bale
  else
    rm -rf "$out/head" && mkdir -p "$out/head"
    git -C "$repo" archive HEAD | tar -x -C "$out/head"
    { cmake -S "$out/head" -B "$out/head/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBALE_TESTS=OFF \
        -DBALE_WERROR=OFF >/dev/null && cmake --build "$out/head/build" --target bale >"$out/build.log" 2>&1; } ||
      { cat "$out/build.log" >&2; return 1; }
    bale=$out/head/build/bale
    source="the last commit: the work tree did not build"
    echo "$name: the work tree does not build; measuring the last commit's bale" >&2
  fi
}

install_bundlers() {
  local dir=$repo/bench/bundle
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}

bundler_command() {
  local mods=$repo/bench/bundle/node_modules
  case $1 in
    bale) cmd=("$bale" "$2" --outfile="$3") ;; # one thread per CPU
    bale-1) cmd=("$bale" "$2" --outfile="$3" --threads=1) ;;
    bale-map) cmd=("$bale" "$2" --outfile="$3" --sourcemap) ;; # FILE.map too
    bale-prod) cmd=("$bale" "$2" --outfile="$3" --minify --sourcemap) ;; # production: minified, FILE.map
    esbuild-prod) cmd=("$mods/esbuild/bin/esbuild" "$2" --bundle --minify --sourcemap --outfile="$3" --log-level=warning) ;;
    rspack-prod) cmd=(node "$repo/bench/bundle/rspack.mjs" "$2" "$3" prod) ;;
    # the production builds again as ES modules (three10esm's entry exports the copies)
    bale-prod-esm) cmd=("$bale" "$2" --outfile="$3" --format=esm --minify --sourcemap) ;;
    esbuild-prod-esm) cmd=("$mods/esbuild/bin/esbuild" "$2" --bundle --format=esm --minify --sourcemap --outfile="$3" --log-level=warning) ;;
    rspack-prod-esm) cmd=(node "$repo/bench/bundle/rspack.mjs" "$2" "$3" prod-esm) ;;
    esbuild-map) cmd=("$repo/bench/bundle/node_modules/esbuild/bin/esbuild" "$2" --bundle --sourcemap --outfile="$3" --log-level=warning) ;;
    esbuild) cmd=("$mods/esbuild/bin/esbuild" "$2" --bundle --outfile="$3" --log-level=warning) ;;
    rspack) cmd=(node "$repo/bench/bundle/rspack.mjs" "$2" "$3") ;;
    rolldown) cmd=(node "$mods/rolldown/bin/cli.mjs" "$2" --file "$3" --format iife) ;;
    *) echo "bundler_command: unknown tool $1" >&2; return 1 ;;
  esac
}

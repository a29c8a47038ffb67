# bench/lib.sh: what every bench/*/run.sh shares.  Source it; it defines:
#   busy   the other processes above 10% of a CPU over one second (top's
#          second sample), for the results' record of the machine's load.
#   record_machine  exports BENCH_CPU, BENCH_LOAD, BENCH_BUSY and
#          BENCH_COMMIT for the report; reads $repo, $source ("work tree" or
#          what was built instead), $load_before and $busy_before.
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

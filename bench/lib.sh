# bench/lib.sh: what every bench/*/run.sh shares.  Source it; it defines:
#   busy   the other processes above 10% of a CPU over one second (top's
#          second sample), for the results' record of the machine's load.
busy() {
  command -v top >/dev/null || { echo unknown; return; }
  top -b -w 200 -n 2 -d 1 -o %CPU | awk '/^top -/ {blk++}
    blk == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 10 {printf "%s%s %s%%", sep, $12, $9; sep = ", "}
    END {if (!sep) printf "none"}'
}

#!/usr/bin/env bash
# bench/run.sh: `make bench`.  Runs every benchmark, bench/*/run.sh, one
# after the other (they measure time: never in parallel), and keeps going
# when one fails; exits 1 if any did.  Each installs its own npm peers.
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
failed=()
for script in "$repo"/bench/*/run.sh; do
  [ -f "$script" ] || continue
  name=$(basename "$(dirname "$script")")
  echo "== bench/$name"
  if ! bash "$script"; then
    echo "bench/$name: failed" >&2
    failed+=("$name")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: failed: ${failed[*]}" >&2
  exit 1
fi

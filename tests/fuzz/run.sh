#!/usr/bin/env bash
# make fuzz: builds the libFuzzer target with clang (ASan + UBSan) and runs it
# for FUZZ_SECONDS (default 60), seeded with the parser's test inputs.
# Crashes are copied into tests/fuzz/regressions/ to become regression tests.
set -eu
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
out=build/fuzz
mkdir -p "$out/corpus"
rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)"; exit 1; }
clang -std=c17 -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Iinclude -Isrc tests/fuzz/fuzz_parse.c src/base/*.c src/js/*.c -lxxhash -lpthread -lm -o "$out/fuzz_parse"
# Seeds: the regression inputs and a sample of the conformance tests.
cp tests/fuzz/regressions/* "$out/corpus/" 2>/dev/null || true
t262=tests/npm/node_modules/test262-parser-tests
if [ -d "$t262" ]; then ls "$t262"/pass/*.js | head -400 | xargs -I{} cp {} "$out/corpus/"; fi
"$out/fuzz_parse" "$out/corpus" -max_total_time="$secs" -max_len=4096 -timeout=10 \
  -artifact_prefix="$out/" -print_final_stats=1 2>&1 | tail -15 || true
found=0
for f in "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*; do
  [ -e "$f" ] || continue
  cp "$f" "tests/fuzz/regressions/$(basename "$f").js"
  found=$((found + 1))
done
echo "fuzz: ran ${secs}s; ${found} new finding(s) saved in tests/fuzz/regressions/"
[ "$found" -eq 0 ]

#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets with clang (ASan + UBSan) and runs
# each for FUZZ_SECONDS (default 60), one process, one after the other:
#   parse   tests/fuzz/fuzz_parse.c, the lexer and parser, seeded with its
#           regressions and a sample of test262-parser-tests
#   bundle  tests/fuzz/fuzz_bundle.c, bale_build on the project of
#           tests/fuzz/bundle/ with one file replaced, seeded with that
#           project's files and the programs of tests/e2e/
# FUZZ_TARGET=parse or FUZZ_TARGET=bundle runs only that one.
# Findings are copied into tests/fuzz/regressions/ (parse) and
# tests/fuzz/regressions/bundle/ (bundle), where ctest replays them
# (parser.fuzz_regressions, bundle.fuzz_regressions).  Exits 1 when a
# target found something.
set -eu
cd "$(dirname "$0")/../.."
secs=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGET:-parse bundle}
command -v clang >/dev/null || { echo "fuzz: clang is needed (scripts/deps.sh fuzz installs it)"; exit 1; }
cflags=(-std=c17 -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        -Iinclude -Isrc)
libs=(-lxxhash -lcjson -lpthread -lm)
total=0

# fuzz_one NAME REGRESSION_DIR EXT: runs build/fuzz/NAME on its corpus and
# copies its findings into REGRESSION_DIR with extension EXT.
fuzz_one() {
  local name=$1 regs=$2 ext=$3 out=build/fuzz/$1 found=0 f
  # -fork=1: one child process at a time, restarted after a finding, so
  # the run goes on for its whole time and keeps every finding.
  "$out/fuzz_$name" "$out/corpus" -max_total_time="$secs" -max_len=4096 -timeout=10 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$out/" -print_final_stats=1 >"$out/log" 2>&1 || true
  grep -E '^#[0-9]+: ' "$out/log" | tail -3
  grep -E '^(==[0-9]+== ?ERROR|SUMMARY|fuzz_)' "$out/log" | sort | uniq -c | head -20
  mkdir -p "$regs"
  for f in "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*; do
    [ -e "$f" ] || continue
    cp "$f" "$regs/$(basename "$f")$ext"
    found=$((found + 1))
    # In fork mode the report stays in the child's log: replay it for the why.
    echo "finding $(basename "$f"):"
    "$out/fuzz_$name" "$f" 2>&1 | grep -m4 -E '^(fuzz_|==[0-9]+== ?ERROR|SUMMARY|/.*: error: )' | sed 's/^/  /' || true
  done
  echo "fuzz $name: ran ${secs}s; ${found} new finding(s) saved in $regs/"
  total=$((total + found))
}

for t in $targets; do
  out=build/fuzz/$t
  mkdir -p "$out/corpus"
  rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*
  case $t in
  parse)
    clang "${cflags[@]}" tests/fuzz/fuzz_parse.c src/base/*.c src/js/*.c "${libs[@]}" -o "$out/fuzz_parse"
    find tests/fuzz/regressions -maxdepth 1 -type f -exec cp {} "$out/corpus/" \;
    t262=tests/npm/node_modules/test262-parser-tests
    if [ -d "$t262" ]; then ls "$t262"/pass/*.js | head -400 | xargs -I{} cp {} "$out/corpus/"; fi
    fuzz_one parse tests/fuzz/regressions .js
    ;;
  bundle)
    clang "${cflags[@]}" -DBALE_FUZZ_PROJECT="\"$PWD/tests/fuzz/bundle\"" tests/fuzz/fuzz_bundle.c \
      src/base/*.c src/js/*.c src/resolve/*.c src/make/*.c src/seal/*.c src/output/*.c src/compiler.c src/bale.c \
      "${libs[@]}" -o "$out/fuzz_bundle"
    # A seed is one byte (which file, format, threads: see fuzz_bundle.c)
    # then a file's content.  The project's own files, in every format...
    files=(index.js esm.js cjs.cjs data.json package.json)
    for i in 0 1 2 3 4; do
      for fmt in 0 1 2; do
        { printf "\\$(printf %03o $((i + 5 * fmt)))"; cat "tests/fuzz/bundle/${files[$i]}"; } >"$out/corpus/seed-$i-$fmt"
      done
    done
    # ...and each e2e program's files, as the file of the same kind.
    n=0
    for f in tests/e2e/*/*.js tests/e2e/*/*.mjs tests/e2e/*/*.cjs tests/e2e/*/*.json; do
      case $f in
      */index.*) i=0 ;; */package.json) i=4 ;; *.json) i=3 ;; *.cjs) i=2 ;; *) i=1 ;;
      esac
      b=$((i + 5 * (n % 6)))
      { printf "\\$(printf %03o $b)"; cat "$f"; } >"$out/corpus/e2e-$n"
      n=$((n + 1))
    done
    find tests/fuzz/regressions/bundle -type f -exec cp {} "$out/corpus/" \; 2>/dev/null || true
    fuzz_one bundle tests/fuzz/regressions/bundle ""
    ;;
  *) echo "fuzz: FUZZ_TARGET must be parse or bundle, not $t"; exit 2 ;;
  esac
done
[ "$total" -eq 0 ]

#!/usr/bin/env bash
# Output safety and bad input (issue 7): one case per promise, each
# checking the file system afterwards, not only the exit code: the input
# unchanged, a link still a link, a device still a device, the victim of a
# planted link untouched, the mode kept, no temporary file left.
# Uses strace to look at how the temporary file is opened and to make one
# write fail or stall (fault injection), so those cases are real too.
# Usage: run.sh PATH_TO_BALE [CASE...]
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
command -v node >/dev/null || { echo "FAIL: node is not installed (make deps installs it)"; exit 1; }
command -v strace >/dev/null || { echo "FAIL: strace is not installed (make deps installs it)"; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
export NO_COLOR=1
pass=0 fail=0 failed=()

ok() { :; }
bad() { echo "  $*"; return 1; }

# A two-module program in a fresh directory; cd into it.
project() {
  d=$root/$1
  mkdir -p "$d" && cd "$d" || exit 1
  printf 'import { x } from "./b.js";\nconsole.log("x is", x);\n' >a.js
  printf 'export const x = 42;\n' >b.js
  cp a.js a.orig && cp b.js b.orig
}

no_temporaries() {
  local left
  left=$(find "${1:-.}" -name '*tmp*' 2>/dev/null)
  [ -z "$left" ] || bad "temporary files left: $left"
}

runs_ok() { # the bundle $1 prints what the program prints
  local got
  got=$(node "$1" 2>&1) || bad "node $1 failed: $got" || return 1
  [ "$got" = "x is 42" ] || bad "node $1 printed '$got'"
}

# ---- Inputs are never overwritten ----------------------------------------
case_outfile_is_entry() {
  project outfile-entry
  "$bale" a.js --outfile=a.js 2>err; rc=$?
  [ $rc -eq 1 ] || bad "exit $rc, want 1" || return 1
  cmp -s a.js a.orig || bad "a.js was changed" || return 1
  grep -q 'refusing to overwrite the input file a.js' err || bad "message: $(cat err)" || return 1
  no_temporaries
}
case_outfile_is_dependency() {
  project outfile-dep
  "$bale" a.js --outfile=b.js 2>err; rc=$?
  [ $rc -eq 1 ] && cmp -s b.js b.orig && grep -q 'input file b.js' err || bad "exit $rc: $(cat err)"
}
case_map_is_input() { # --sourcemap's FILE.map is an output like the bundle: never an input
  project map-input
  ln -s a.js out.js.map # the map's path leads to the entry
  "$bale" a.js --outfile=out.js --sourcemap 2>err; rc=$?
  [ $rc -eq 1 ] || bad "exit $rc, want 1: $(cat err)" || return 1
  cmp -s a.js a.orig || bad "a.js was changed through the map's path" || return 1
  [ ! -e out.js ] || bad "out.js was written (all or nothing)" || return 1
  grep -q 'refusing to overwrite the input file' err || bad "message: $(cat err)" || return 1
  rm out.js.map
  "$bale" a.js --outfile=out.js --sourcemap 2>err; rc=$?
  [ $rc -eq 0 ] && grep -q '"version":3' out.js.map && runs_ok out.js || bad "no map written: exit $rc $(cat err)" || return 1
  no_temporaries
}
case_outdir_is_source_folder() {
  project outdir-src
  "$bale" a.js --outdir=. 2>err; rc=$?
  [ $rc -eq 1 ] && cmp -s a.js a.orig || bad "exit $rc, a.js changed or not refused: $(cat err)"
}
case_outfile_links_to_input() {
  project link-to-input
  ln -s b.js out.js
  "$bale" a.js --outfile=out.js 2>err; rc=$?
  [ $rc -eq 1 ] && cmp -s b.js b.orig && [ -L out.js ] || bad "exit $rc: $(cat err)"
}
case_outfile_hard_link_to_input() {
  project hardlink-to-input
  ln b.js out.js
  "$bale" a.js --outfile=out.js 2>err; rc=$?
  [ $rc -eq 1 ] && cmp -s b.js b.orig || bad "exit $rc: $(cat err)"
}
case_allow_overwrite() {
  project allow-overwrite
  "$bale" a.js --outfile=a.js --allow-overwrite 2>err || bad "exit $?: $(cat err)" || return 1
  runs_ok a.js
}

# ---- Writing follows what is there ---------------------------------------
case_symlink_written_through() {
  project symlink-through
  mkdir dist && echo old >dist/real.js && ln -s dist/real.js out.js
  "$bale" a.js --outfile=out.js 2>err || bad "exit $?: $(cat err)" || return 1
  [ -L out.js ] && [ "$(readlink out.js)" = dist/real.js ] || bad "out.js is no longer the link" || return 1
  runs_ok dist/real.js && no_temporaries
}
case_dangling_symlink() {
  project dangling-link
  ln -s made.js out.js
  "$bale" a.js --outfile=out.js 2>err || bad "exit $?: $(cat err)" || return 1
  [ -L out.js ] && [ -f made.js ] || bad "link replaced or target not made" || return 1
  runs_ok made.js
}
case_dev_null() {
  project dev-null
  "$bale" a.js --outfile=/dev/null 2>err || bad "exit $?: $(cat err)" || return 1
  [ -c /dev/null ] || bad "/dev/null is no longer a character device"
}
case_dev_stdout() {
  project dev-stdout
  "$bale" a.js --outfile=/dev/stdout >got.js 2>err || bad "exit $?: $(cat err)" || return 1
  runs_ok got.js
}
case_fifo() {
  project fifo
  mkfifo out.fifo
  timeout 20 cat out.fifo >got.js &
  reader=$!
  timeout 20 "$bale" a.js --outfile=out.fifo 2>err; rc=$?
  wait $reader
  [ $rc -eq 0 ] || bad "exit $rc: $(cat err)" || return 1
  [ -p out.fifo ] || bad "out.fifo is no longer a FIFO" || return 1
  runs_ok got.js
}

# ---- Temporary files are safe --------------------------------------------
case_temporary_exclusive() {
  project tmp-excl
  ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=openat -o trace "$bale" a.js --outfile=out.js 2>err || bad "exit $?: $(cat err)" || return 1
  line=$(grep 'bale-tmp' trace | head -1)
  [ -n "$line" ] || bad "no temporary file was opened: $(grep out.js trace)" || return 1
  case "$line" in *O_EXCL*O_NOFOLLOW*|*O_NOFOLLOW*O_EXCL*) ;; *) bad "temporary opened without O_EXCL|O_NOFOLLOW: $line"; return 1;; esac
  case "$line" in *O_TRUNC*) bad "temporary opened with O_TRUNC: $line"; return 1;; esac
  runs_ok out.js && no_temporaries
}
case_long_name() {
  project long-name
  name=$(printf 'n%.0s' $(seq 1 250)).js
  "$bale" a.js --outfile="$name" 2>err || bad "exit $?: $(cat err)" || return 1
  runs_ok "$name" && no_temporaries
}
case_mode_kept() {
  project mode-kept
  "$bale" a.js --outfile=cli.js 2>err && chmod 751 cli.js && "$bale" a.js --outfile=cli.js 2>err || bad "exit: $(cat err)" || return 1
  [ "$(stat -c %a cli.js)" = 751 ] || bad "mode is $(stat -c %a cli.js), want 751"
}
case_signal_removes_temporaries() {
  project signal
  echo old >out.js
  # Every write(2) and pwritev(2) waits 1.5 s, so SIGTERM arrives while the temporary is
  # being written.
  ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=write,pwrite64,pwritev -e inject=write,pwrite64,pwritev:delay_enter=1500000 \
    "$bale" a.js --outfile=out.js 2>err &
  pid=$!
  sleep 0.7
  pkill -TERM -P $pid 2>/dev/null || kill -TERM $pid
  wait $pid 2>/dev/null
  sleep 0.2
  [ "$(cat out.js)" = old ] || bad "out.js changed after SIGTERM" || return 1
  no_temporaries
}

# ---- All or nothing across outputs ---------------------------------------
case_all_or_nothing() {
  project all-or-nothing
  printf 'console.log("c");\n' >c.js
  mkdir out && echo old-a >out/a.js && echo old-c >out/c.js
  # The second write(2) or pwritev(2) (the second temporary) fails with ENOSPC.
  ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -e trace=write,pwrite64,pwritev -e inject=write,pwrite64,pwritev:error=ENOSPC:when=2 \
    "$bale" a.js c.js --outdir=out 2>err; rc=$?
  [ $rc -eq 1 ] || bad "exit $rc, want 1: $(cat err)" || return 1
  [ "$(cat out/a.js)" = old-a ] && [ "$(cat out/c.js)" = old-c ] || bad "an old output changed" || return 1
  no_temporaries
}

# ---- stdout is checked -----------------------------------------------------
case_stdout_full() {
  project stdout-full
  "$bale" a.js >/dev/full 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'standard output' err || bad "exit $rc: $(cat err)"
}
case_stdout_closed_pipe() {
  project stdout-pipe
  { sleep 0.3; "$bale" a.js 2>err; echo $? >rc; } | true
  [ "$(cat rc)" = 1 ] && grep -q 'Broken pipe' err || bad "exit $(cat rc): $(cat err)"
}
case_outfile_full() {
  project outfile-full
  "$bale" a.js --outfile=/dev/full 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'No space left' err || bad "exit $rc: $(cat err)"
}

# ---- Paths cannot become code ----------------------------------------------
case_paths_in_comments() {
  mkdir -p "$root/paths" && cd "$root/paths" || return 1
  # Paths with a line feed, U+2028, "*/" and "</script" (a path may hold
  # a slash only between directories), each followed by code that would
  # run if the path's comment in the bundle ended early.
  node -e '
    const fs = require("fs");
    const names = ["nl\nconsole.log(\"pwned-nl\")\n.js", "ls\u2028console.log(\"pwned-ls\")\u2028.js",
                   "st*/console.log(\"pwned-st\")\n.js", "tag</script><script>alert(1)<!--.js"];
    for (const n of names) {
      const dir = n.includes("/") ? n.slice(0, n.indexOf("/")) : null;
      if (dir) fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(n, "console.log(" + JSON.stringify("loaded " + n.length) + ");\n");
    }
    fs.writeFileSync("index.js", names.map(n => "require(" + JSON.stringify("./" + n) + ");\n").join("") +
                     "console.log(\"done\");\n");'
  want=$(node index.js 2>&1)
  for f in iife cjs; do
    "$bale" index.js --format=$f --outfile=out-$f.js 2>err || bad "$f: exit $?: $(cat err)" || return 1
    got=$(node out-$f.js 2>&1)
    [ "$got" = "$want" ] || bad "$f: printed '$got', want '$want'" || return 1
    ! grep -qi '</script' out-$f.js || bad "$f: the bundle holds </script" || return 1
  done
}

# ---- JSON modules are data -------------------------------------------------
case_json_proto() {
  mkdir -p "$root/json" && cd "$root/json" || return 1
  printf '{"__proto__": {"polluted": 1}, "a": "it'"'"'s \\\\ \\u2028 </script>", "a": 2}\n' >data.json
  printf 'const j = require("./data.json");\nconsole.log(Object.keys(j).join(), j.polluted, JSON.stringify(j));\n' >index.js
  want=$(node index.js)
  "$bale" index.js --format=cjs --outfile=out.js 2>err || bad "exit $?: $(cat err)" || return 1
  [ "$(node out.js)" = "$want" ] || bad "printed '$(node out.js)', want '$want'"
}
case_json_deep() {
  mkdir -p "$root/json-deep" && cd "$root/json-deep" || return 1
  node -e 'const d = 100000; require("fs").writeFileSync("deep.json", "[".repeat(d) + "]".repeat(d))'
  printf 'let v = require("./deep.json"), n = 0;\nwhile (Array.isArray(v) && v.length) { v = v[0]; n++; }\nconsole.log(n);\n' >index.js
  want=$(node index.js)
  "$bale" index.js --format=cjs --outfile=out.js 2>err || bad "exit $?: $(head -3 err)" || return 1
  [ "$(node out.js 2>&1)" = "$want" ] || bad "printed '$(node out.js 2>&1 | head -2)', want '$want'"
}

# ---- The entry's hashbang --------------------------------------------------
case_hashbang() {
  project hashbang
  { echo '#!/usr/bin/env node'; cat a.orig; } >cli.js
  for f in iife cjs esm; do
    "$bale" cli.js --format=$f --outfile=out-$f.js 2>err || bad "$f: exit $?: $(cat err)" || return 1
    [ "$(head -1 out-$f.js)" = '#!/usr/bin/env node' ] || bad "$f: first line is $(head -1 out-$f.js)" || return 1
  done
  runs_ok out-cjs.js
}

# ---- Diagnostics say the real reason ---------------------------------------
case_outdir_is_file() {
  project outdir-file
  echo x >dist
  "$bale" a.js --outdir=dist 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'not a directory' err && [ "$(cat dist)" = x ] || bad "exit $rc: $(cat err)"
}
case_directory_entry() {
  project dir-entry
  mkdir src
  "$bale" src 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'is a directory' err || bad "exit $rc: $(cat err)"
}
case_symlink_loop() {
  project loop
  ln -s l1 l2 && ln -s l2 l1
  "$bale" l1 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'symlink loop' err || bad "entry: exit $rc: $(cat err)" || return 1
  "$bale" a.js --outfile=l1 2>err; rc=$?
  [ $rc -eq 1 ] && grep -q 'symlink loop' err || bad "outfile: exit $rc: $(cat err)"
}
case_control_characters() {
  project control
  printf 'import "./x\033[31mred\007";\n' >c.js
  "$bale" c.js 2>err; rc=$?
  [ $rc -eq 1 ] || bad "exit $rc" || return 1
  ! grep -q $'\033' err && ! grep -q $'\007' err || bad "raw control characters in the diagnostics" || return 1
  grep -qF '\x1b[31mred' err || bad "the specifier is not shown escaped: $(cat -v err)"
}

# ---- Thread stacks are explicit --------------------------------------------
case_thread_stacks() {
  mkdir -p "$root/stack" && cd "$root/stack" || return 1
  node -e 'const d = 3990; require("fs").writeFileSync("deep.js", "module.exports = " + "(".repeat(d) + "1" + ")".repeat(d) + ";\n" +
    "console.log(module.exports);\n")'
  # A small stack limit is the default thread stack size glibc would take.
  (ulimit -s 512; "$bale" deep.js --threads=2 --outfile=out.js 2>err) || bad "exit $?: $(head -3 err)" || return 1
  [ "$(node --stack-size=20000 out.js 2>&1)" = 1 ] || [ -s out.js ] || bad "no bundle"
}

case_export_star_chain_50000() {
  mkdir -p "$root/star-chain" && cd "$root/star-chain" || return 1
  # No pass may recurse on the graph's depth, nor rescan it per module.
  node -e 'const fs = require("fs"), n = 50000;
    for (let i = 0; i < n; i++)
      fs.writeFileSync("m" + i + ".js", (i < n - 1 ? "export * from \"./m" + (i + 1) + ".js\";\n" : "") + "export const v" + i + " = " + i + ";\n");
    fs.writeFileSync("index.js", "import { v0, v49999 } from \"./m0.js\";\nconsole.log(v0 + v49999);\n");'
  timeout 300 "$bale" index.js --outfile=out.js 2>err || bad "exit $?: $(head -3 err)" || return 1
  node --check out.js || bad "the bundle does not parse"
}

cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  mapfile -t cases < <(declare -F | awk '{print $3}' | grep '^case_' | sed 's/^case_//')
fi
for c in "${cases[@]}"; do
  if out=$( (set +e; "case_$c") 2>&1 ); then
    pass=$((pass + 1))
  else
    echo "FAIL $c"; [ -n "$out" ] && echo "$out"
    fail=$((fail + 1)); failed+=("$c")
  fi
  cd "$root" || exit 1
done
echo "safety: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]

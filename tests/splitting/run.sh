#!/usr/bin/env bash
# tests/splitting/run.sh: what --splitting writes, looked at as files (the
# e2e suite, E2E_SPLIT=1, runs every case split and compares with node):
#  - a module several import()s need is written once, in a chunk of its
#    own; a module only one needs is in that one's chunk; a module the
#    entry imports statically is in no chunk;
#  - chunk names are content hashes: changing a module changes its chunk's
#    name (and the entry's, which lists the names), and no other chunk's;
#  - --entry-names and --chunk-names place the files ([dir], [name],
#    [hash]), the loader finds chunks from wherever the entry is, and the
#    default [dir] keeps entries' directories below their common one;
#  - a chunk tree shaking emptied is not written (tests/splitting/empty:
#    two import()s share only a module nothing uses);
#  - several entries (tests/splitting/multi): what they share statically is
#    in a chunk they both load, their one runtime (table, cache, loader) in
#    a chunk of its own, so a program running both entries runs a shared
#    module once, as node does; with iife a page with both entries' script
#    tags loads the runtime chunk once;
#  - format iife: chunks push themselves to one global registry named
#    after the build, the loader adds script tags (e2e/script-tags.cjs
#    gives node a page's), from beside the entry or from --public-path,
#    with --cross-origin-loading; a chunk that does not load rejects;
#  - --legal-comments=external and linked: a .LEGAL.txt beside each
#    output, also those named by their hash;
#  - the flags' errors (no outdir, an entry
#    another entry imports, templates).
# Usage: run.sh PATH_TO_BALE
set -u
bale=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
cases=$here/../e2e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# files_with DIR TEXT: how many files of DIR contain TEXT
files_with() { grep -lF -- "$2" "$1"/* 2>/dev/null | wc -l; }

# 1. shared: route-a, route-b and shared.js each in a chunk; b-only.js with route-b
(cd "$cases/split-shared" && "$bale" index.js --splitting --outdir="$tmp/shared" 2>"$tmp/err") || bad "split-shared: bale failed: $(cat "$tmp/err")"
n=$(ls "$tmp/shared" | grep -c '^chunk-.*\.js$')
[ "$n" -eq 3 ] && ok || bad "split-shared: want 3 chunks, got $n: $(ls "$tmp/shared")"
[ "$(files_with "$tmp/shared" "// shared.js")" -eq 1 ] && ok || bad "split-shared: shared.js is not in exactly one file"
b=$(grep -lF -- "// route-b.js" "$tmp/shared"/*)
grep -qF -- "// b-only.js" "$b" 2>/dev/null && [ "$(files_with "$tmp/shared" "// b-only.js")" -eq 1 ] && ok ||
  bad "split-shared: b-only.js is not in route-b's chunk alone"
[ "$(files_with "$tmp/shared" "// route-a.js")" -eq 1 ] && ! grep -qF -- "// route-a.js" "$tmp/shared/index.js" && ok ||
  bad "split-shared: route-a.js is not in a chunk of its own"

# 2. a module the entry imports statically is the entry's: one chunk (other.js)
(cd "$cases/split-static-and-dynamic" && "$bale" index.js --splitting --outdir="$tmp/both" 2>"$tmp/err") || bad "split-static-and-dynamic: bale failed"
n=$(ls "$tmp/both" | grep -c '^chunk-')
[ "$n" -eq 1 ] && grep -qF -- "// both.js" "$tmp/both/index.js" && [ "$(files_with "$tmp/both" "// both.js")" -eq 1 ] && ok ||
  bad "split-static-and-dynamic: want both.js in the entry only and one chunk, got $(ls "$tmp/both")"

# 3. content hashes: a change in b-only.js renames route-b's chunk (and the entry changes), nothing else
cp -r "$cases/split-shared" "$tmp/src"
(cd "$tmp/src" && "$bale" index.js --splitting --outdir="$tmp/h1" 2>/dev/null)
echo 'export const big = "changed";' >"$tmp/src/b-only.js"
(cd "$tmp/src" && "$bale" index.js --splitting --outdir="$tmp/h2" 2>/dev/null)
gone=$(comm -23 <(ls "$tmp/h1") <(ls "$tmp/h2") | tr '\n' ' ')
new=$(comm -13 <(ls "$tmp/h1") <(ls "$tmp/h2") | tr '\n' ' ')
old_b=$(grep -lF -- "// route-b.js" "$tmp/h1"/*)
[ "$gone" = "$(basename "$old_b") " ] && [ "$(echo "$new" | wc -w)" -eq 1 ] && ok ||
  bad "hashes: want only route-b's chunk renamed, gone: $gone new: $new"
! cmp -s "$tmp/h1/index.js" "$tmp/h2/index.js" && ok || bad "hashes: the entry should list the new name"
for f in "$tmp/h1"/chunk-*; do
  [ "$f" = "$old_b" ] && continue
  cmp -s "$f" "$tmp/h2/$(basename "$f")" || bad "hashes: $(basename "$f") changed"
done
(cd "$tmp/src" && "$bale" index.js --splitting --outdir="$tmp/h3" 2>/dev/null)
diff -r "$tmp/h2" "$tmp/h3" >/dev/null && ok || bad "hashes: two builds of the same sources differ"

# 4. names: an entry and chunks in directories of their own, still loading
(cd "$cases/split-shared" && "$bale" index.js --splitting --outdir="$tmp/names" \
   --entry-names='app/[name]-[hash]' --chunk-names='lazy/[name].[hash]' 2>"$tmp/err") || bad "names: bale failed: $(cat "$tmp/err")"
e=$(ls "$tmp/names/app" 2>/dev/null)
case $e in index-????????.js) ok ;; *) bad "names: want app/index-HASH.js, got: $(find "$tmp/names" -type f)" ;; esac
[ "$(ls "$tmp/names/lazy" | grep -c '^chunk\.........\.js$')" -eq 3 ] && ok || bad "names: want 3 lazy/chunk.HASH.js"
want=$(cd "$cases/split-shared" && node index.js)
got=$(node "$tmp/names/app/$e" 2>&1)
[ "$got" = "$want" ] && ok || bad "names: the entry in app/ prints $got"
# entries in two directories: [dir] below their common directory
mkdir -p "$tmp/two/src/a" "$tmp/two/src/b"
echo 'console.log("a")' >"$tmp/two/src/a/main.js"
echo 'console.log("b")' >"$tmp/two/src/b/main.js"
(cd "$tmp/two" && "$bale" src/a/main.js src/b/main.js --outdir=out 2>"$tmp/err") || bad "dirs: bale failed: $(cat "$tmp/err")"
[ -f "$tmp/two/out/a/main.js" ] && [ -f "$tmp/two/out/b/main.js" ] && [ "$(node "$tmp/two/out/b/main.js")" = b ] && ok ||
  bad "dirs: want out/a/main.js and out/b/main.js, got $(cd "$tmp/two" && find out -type f)"

# 5. several entries, esm and cjs: each prints what node prints; shared.js once
m=$here/multi
want=$(cd "$m" && node a.js && node b.js)
for f in esm cjs iife; do
  ext=mjs pre=()
  [ $f = cjs ] && ext=cjs
  [ $f = iife ] && ext=js pre=(-r "$cases/script-tags.cjs")
  d=$tmp/multi.$f
  (cd "$m" && "$bale" a.js b.js --splitting --format=$f --out-extension:.js=.$ext --outdir="$d" 2>"$tmp/err") ||
    { bad "multi ($f): bale failed: $(cat "$tmp/err")"; continue; }
  got=$(node "${pre[@]+"${pre[@]}"}" "$d/a.$ext" 2>&1 && node "${pre[@]+"${pre[@]}"}" "$d/b.$ext" 2>&1)
  [ "$got" = "$want" ] && ok || bad "multi ($f): the entries print $got"
  [ "$(files_with "$d" "// shared.js")" -eq 1 ] && ! grep -qF -- "// shared.js" "$d/a.$ext" "$d/b.$ext" && ok ||
    bad "multi ($f): shared.js is not in one shared chunk"
  [ "$(files_with "$d" "__bale_chunk_files__")" -eq 1 ] && ok || bad "multi ($f): want one runtime chunk"
done
# one registry: a program that runs both entries runs shared.js once, as node does
cp "$m/both.js" "$tmp/multi.esm/both.mjs"
sed -i 's/\.\/a\.js/.\/a.mjs/; s/\.\/b\.js/.\/b.mjs/' "$tmp/multi.esm/both.mjs"
[ "$(node "$tmp/multi.esm/both.mjs" 2>&1)" = "$(cd "$m" && node both.js)" ] && ok ||
  bad "multi: both entries together print $(node "$tmp/multi.esm/both.mjs" 2>&1)"
# format iife: a page with both entries' script tags: the runtime chunk's
# script comes once, starts both, and shared.js runs once
cat >"$tmp/multi.iife/page.cjs" <<'EOF'
const { pathToFileURL } = require("url");
for (const e of ["a.js", "b.js"]) document.head.appendChild(Object.assign(document.createElement("script"), { src: pathToFileURL(__dirname + "/" + e).href }));
setTimeout(() => console.log("runs", globalThis.sharedRuns, "runtime scripts", globalThis.runtimeScripts), 200);
EOF
sed -i '1s/^/globalThis.runtimeScripts = (globalThis.runtimeScripts || 0) + 1;\n/' "$tmp/multi.iife/$(grep -lF "__bale_registry__.rt = __bale_rt__" "$tmp/multi.iife"/* | xargs basename)"
# (both start when the runtime has come, in the page's order, and share
# one shared.js: its counter goes on from a to b)
got=$(node -r "$cases/script-tags.cjs" "$tmp/multi.iife/page.cjs" 2>&1)
want=$(printf '%s\n' "a shared 1" "b shared b-only 2" "a lazy lazy3 4" "b lazy lazy3" "runs 1 runtime scripts 1")
[ "$got" = "$want" ] && ok || bad "multi (iife): a page with both entries prints $got"

# 6. a chunk whose modules tree shaking left out is neither written nor loaded
(cd "$here/empty" && "$bale" index.js --splitting --outdir="$tmp/empty" 2>"$tmp/err") || bad "empty: bale failed: $(cat "$tmp/err")"
n=$(ls "$tmp/empty" | grep -c '^chunk-')
[ "$n" -eq 2 ] && ! grep -qF -- "// lib.js" "$tmp/empty"/* && ok || bad "empty: want 2 chunks and no lib.js, got $(ls "$tmp/empty")"
[ "$(node "$tmp/empty/index.js" 2>&1)" = "$(cd "$here/empty" && node index.js)" ] && ok || bad "empty: the entry prints something else"

# 8. format iife: chunks are scripts that push themselves to the build's
# registry; the loader adds script tags (e2e/script-tags.cjs gives node
# them), from beside the entry script or from --public-path
js=$cases/split-shared
want=$(cd "$js" && node index.js)
(cd "$js" && "$bale" index.js --splitting --format=iife --outdir="$tmp/iife" 2>"$tmp/err") || bad "iife: bale failed: $(cat "$tmp/err")"
reg=$(grep -o '__bale_chunks_[A-Z2-7]\{8\}__' "$tmp/iife/index.js" | sort -u)
[ "$(echo "$reg" | wc -l)" -eq 1 ] && [ "$(files_with "$tmp/iife" "$reg")" -eq 4 ] && ok ||
  bad "iife: want one registry name in the entry and its 3 chunks, got: $reg"
for f in "$tmp/iife"/chunk-*.js; do
  head -c 200 "$f" | grep -qF "(globalThis[\"$reg\"] = globalThis[\"$reg\"] || []).push([" || bad "iife: $(basename "$f") does not push itself"
done
[ "$(node -r "$cases/script-tags.cjs" "$tmp/iife/index.js" 2>&1)" = "$want" ] && ok || bad "iife: the entry prints something else"
# the entry in a directory of its own, and a public path: chunks load from URL + their path in outdir
(cd "$js" && "$bale" index.js --splitting --format=iife --outdir="$tmp/pub" --entry-names='js/[name]' \
   --public-path=https://cdn.example/app --cross-origin-loading=anonymous 2>"$tmp/err") || bad "iife public path: bale failed: $(cat "$tmp/err")"
files=$(grep -o '__bale_chunk_files__ = \[[^]]*\]' "$tmp/pub/js/index.js")
case $files in *'"chunk-'*) ok ;; *) bad "iife public path: want chunk paths in outdir, got $files" ;; esac
grep -qF '__bale_base__ = "https://cdn.example/app/"' "$tmp/pub/js/index.js" && grep -qF 's.crossOrigin = "anonymous"' "$tmp/pub/js/index.js" && ok ||
  bad "iife public path: no base URL or crossorigin in the loader"
(cd "$js" && "$bale" index.js --splitting --format=iife --outdir="$tmp/sub" --entry-names='js/[name]' 2>"$tmp/err") || bad "iife in js/: bale failed"
grep -qF '"../chunk-' "$tmp/sub/js/index.js" && [ "$(node -r "$cases/script-tags.cjs" "$tmp/sub/js/index.js" 2>&1)" = "$want" ] && ok ||
  bad "iife in js/: the entry does not find its chunks"
# a chunk that fails to load rejects its import() (ChunkLoadError)
cp -r "$tmp/iife" "$tmp/iife-miss"
b=$(grep -lF -- "// b-only.js" "$tmp/iife-miss"/chunk-*)
mv "$b" "$tmp/b.saved"
cat >"$tmp/iife-miss/miss.cjs" <<'EOF'
process.on("unhandledRejection", (e) => console.log(e.name, /loading chunk \d+ failed/.test(e.message)));
require("./index.js");
EOF
got=$(cd "$tmp/iife-miss" && node -r "$cases/script-tags.cjs" miss.cjs 2>&1)
[ "$got" = "ChunkLoadError true" ] && ok || bad "iife: a missing chunk gives: $got"

# 9. --legal-comments=external and linked with hashed names: each output's
# comments in OUTPUT.LEGAL.txt beside it; linked names that file (its hash
# filled in after the bytes were hashed) and still runs
mkdir -p "$tmp/lg"
printf '/*! entry license */\nimport("./a.js").then((m) => console.log(m.a));\n' >"$tmp/lg/index.js"
printf '/*! license of a */\nexport const a = "A";\n' >"$tmp/lg/a.js"
for mode in external linked; do
  d=$tmp/lg/out-$mode
  (cd "$tmp/lg" && "$bale" index.js --splitting --minify --legal-comments=$mode --entry-names='[name]-[hash]' --outdir="$d" 2>"$tmp/err") ||
    { bad "legal $mode: bale failed: $(cat "$tmp/err")"; continue; }
  e=$(cd "$d" && ls index-*.js | grep -v LEGAL) c=$(cd "$d" && ls chunk-*.js | grep -v LEGAL)
  [ "$(cat "$d/$e.LEGAL.txt" 2>&1)" = "/*! entry license */" ] && [ "$(cat "$d/$c.LEGAL.txt" 2>&1)" = "/*! license of a */" ] && ok ||
    bad "legal $mode: want each output's comment beside it, got $(ls "$d")"
  [ "$(cd "$d" && node "$e" 2>&1)" = A ] && ok || bad "legal $mode: the entry prints $(cd "$d" && node "$e" 2>&1)"
  if [ $mode = linked ]; then
    grep -qF "please see $c.LEGAL.txt */" "$d/$c" && grep -qF "please see $e.LEGAL.txt */" "$d/$e" && ! grep -qP '\x01' "$d"/* && ok ||
      bad "legal linked: the comments do not name the files: $(grep -ho 'please see [^ ]*' "$d"/*)"
  elif grep -qF "LEGAL" "$d/$e" "$d/$c"; then bad "legal external: an output names its .LEGAL.txt"; else ok; fi
done

# 7. errors: exit 2, a message, nothing written
expect_error() { # WANT ARGS...
  local want=$1
  shift
  (cd "$cases/split-shared" && "$bale" index.js "$@" >/dev/null 2>"$tmp/err")
  rc=$?
  if [ $rc -ne 2 ] && [ $rc -ne 1 ] || ! grep -qF -- "$want" "$tmp/err"; then
    bad "error for $*: want \"$want\", got exit $rc: $(cat "$tmp/err")"
  else
    ok
  fi
}
expect_error "it needs --outdir" --splitting
expect_error "invalid value 'yes' for --cross-origin-loading" --splitting --format=iife --outdir="$tmp/e1" --cross-origin-loading=yes
expect_error "an entry point that another entry point imports is not implemented yet" route-a.js --splitting --outdir="$tmp/e2"
expect_error "[hash] may only be in the file's name" --splitting --outdir="$tmp/e3" --entry-names='[hash]/x'
expect_error "the placeholders are [name] and [hash]" --splitting --outdir="$tmp/e3" --chunk-names='[dir]/c'
expect_error "may not leave the output directory" --outdir="$tmp/e3" --entry-names='../[name]'
expect_error "which is not given" --entry-names='[name]'
expect_error "is outside --outbase" --outdir="$tmp/e3" --outbase=../split-cycle
[ ! -e "$tmp/e3" ] && ok || bad "errors: a bad template wrote $tmp/e3"
[ ! -e "$tmp/e1" ] && [ ! -e "$tmp/e2" ] && ok || bad "errors: an output directory was written"

echo "splitting: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# Bad input never crashes or hangs `bale parse`: each case must end within
# its time limit with exit 1 and a diagnostic naming file:line:col, or parse
# (exit 0) where the input is valid.  Usage: test_bad_input.sh PATH_TO_BALE
set -u
bale=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# case NAME WANT_EXIT PATTERN -- generator command writing the file
case_() {
  local name=$1 want=$2 pattern=$3
  shift 4
  "$@" >"$tmp/$name.js"
  timeout 120 "$bale" parse --auto "$tmp/$name.js" >/dev/null 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, want $want"; head -c 600 "$tmp/err"; fail=$((fail + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
    echo "FAIL $name: stderr lacks /$pattern/"; head -c 600 "$tmp/err"; fail=$((fail + 1)); return
  fi
  pass=$((pass + 1))
}
py() { python3 -c "$1"; }

case_ nested-brackets  1 'too deeply nested'        -- py "import sys; sys.stdout.write('['*1000000 + ']'*1000000)"
case_ nested-parens    1 'too deeply nested'        -- py "import sys; sys.stdout.write('('*1000000 + ')'*1000000)"
case_ nested-braces    1 'too deeply nested'        -- py "import sys; sys.stdout.write('{'*1000000 + '}'*1000000)"
case_ nested-functions 1 'too deeply nested'        -- py "import sys; sys.stdout.write('function f(){'*100000 + '}'*100000)"
case_ long-chain       1 'too deeply nested'        -- py "import sys; sys.stdout.write('a' + '.b'*1000000)"
case_ long-sum         1 'too deeply nested'        -- py "import sys; sys.stdout.write('a' + '+a'*1000000)"
case_ ok-nesting       0 ''                         -- py "import sys; sys.stdout.write('x = ' + '['*1000 + ']'*1000)"
case_ string-eof       1 ':1:9: error: .*unterminated' -- printf "let s = 'abc"
case_ string-newline   1 'unterminated'             -- printf "let s = 'abc\nx'"
case_ template-eof     1 'unterminated'             -- printf 'let s = `abc'
case_ template-sub-eof 1 ':1:'                      -- printf 'let s = `abc${x'
case_ regexp-eof       1 'unterminated'             -- printf 'let r = /abc'
case_ regexp-newline   1 'unterminated'             -- printf 'let r = /abc\n/'
case_ comment-eof      1 'unterminated'             -- printf 'let a = 1; /* never closed'
case_ class-eof        1 'end of file'              -- printf 'class A { m() {'
case_ invalid-utf8     1 ':1:'                      -- printf 'let \xff\xfe = 1;'
case_ utf8-in-string   0 ''                         -- printf 'let s = "\xff\xfe";'
case_ nul-in-code      1 ':1:'                      -- printf 'let a\0 = 1;'
case_ nul-in-string    0 ''                         -- printf 'let s = "a\0b";'
case_ nul-in-comment   0 ''                         -- printf '// a\0b\nlet c;'
case_ empty-file       0 ''                         -- printf ''
case_ only-bom         0 ''                         -- printf '\xef\xbb\xbf'
case_ hashbang         0 ''                         -- printf '#!/usr/bin/env node\nlet a = 1;'
case_ lone-surrogate   1 ':1:'                      -- printf 'let \xed\xa0\x80 = 1;'
# 100 MB of valid code: parses, within the time limit, in bounded memory.
case_ hundred-mb       0 ''                         -- py "import sys; line='x = \"' + 'a'*88 + '\";\n'; sys.stdout.write(line * (100*1024*1024 // len(line)))"
case_ hundred-mb-error 1 ':1048577:'                -- py "import sys; line='x = \"' + 'a'*88 + '\";\n'; sys.stdout.write(line * 1048576 + 'x = )')"

# A missing file and a directory are I/O errors, not crashes.
timeout 10 "$bale" parse "$tmp/does-not-exist.js" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q 'no such file' "$tmp/err"; then pass=$((pass + 1)); else echo "FAIL missing-file: exit $rc"; fail=$((fail + 1)); fi
timeout 10 "$bale" parse "$tmp" 2>"$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q 'is a directory' "$tmp/err"; then pass=$((pass + 1)); else echo "FAIL directory: exit $rc"; fail=$((fail + 1)); fi

echo "bad input: $pass passed, $fail failed, 0 skipped"
[ "$fail" -eq 0 ]

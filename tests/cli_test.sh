#!/bin/sh
# The command line's promises: the exit codes documented in `earnest --help`,
# error messages that name the file and the position, warnings on stderr
# only, and -o FILE that is written completely or not at all (no partial
# file, an old file kept, no FILE.tmp.* left behind).
#
# Usage: sh tests/cli_test.sh path/to/earnest [SOURCE_DIR]
# Prints "N passed, N failed"; exits 1 when anything failed.
set -u
EA=${1:?usage: cli_test.sh path/to/earnest [SOURCE_DIR]}
SRC=${2:-.}
case $EA in /*) ;; *) EA=$(pwd)/$EA ;; esac

T=$(mktemp -d "${TMPDIR:-/tmp}/earnest-cli.XXXXXX") || exit 1
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
  fail=$((fail + 1))
  echo "FAIL: $*" >&2
  if [ -s "$T/err" ]; then sed 's/^/    stderr: /' "$T/err" | head -n 5 >&2; fi
}

# run ARGS...: runs earnest with stdin from /dev/null; sets rc, and stdout
# and stderr in $T/out and $T/err.
run() {
  "$EA" "$@" >"$T/out" 2>"$T/err" </dev/null
  rc=$?
}
# run_in FILE ARGS...: the same with stdin from FILE.
run_in() {
  run_in_f=$1
  shift
  "$EA" "$@" >"$T/out" 2>"$T/err" <"$run_in_f"
  rc=$?
}
# expect NAME CODE: the last run exited with CODE.
expect() {
  if [ "$rc" -eq "$2" ]; then ok; else bad "$1: exit $rc, expected $2"; fi
}
# err_has NAME TEXT: stderr of the last run contains TEXT (fixed string).
err_has() {
  if grep -qF -- "$2" "$T/err"; then ok; else bad "$1: stderr lacks '$2'"; fi
}
out_has() {
  if grep -qF -- "$2" "$T/out"; then ok; else bad "$1: stdout lacks '$2'"; fi
}
out_empty() {
  if [ ! -s "$T/out" ]; then ok; else bad "$1: stdout not empty"; fi
}
# no_tmp NAME PATH: no PATH.tmp.* left behind.
no_tmp() {
  set -- "$1" "$2".tmp.*
  if [ -e "$2" ]; then bad "$1: temporary file left: $2"; else ok; fi
}

# ---- fixtures -----------------------------------------------------------
good=$T/good.txt
cat >"$good" <<'EOF'
Q1 2024 Acme Corp Earnings Call

Operator
Good day, and welcome to the Acme first-quarter 2024 results call.

Jane Doe - Chief Financial Officer
Thank you. Revenue was $1.2 billion, up 5%.

Operator
Our first question comes from John Roe with Big Bank.

John Roe - Big Bank - Analyst
Can you talk about margins?

Jane Doe - Chief Financial Officer
Margins improved.
EOF
# 0x81: neither UTF-8 nor Windows-1252, at byte 35 (line 3, column 13)
printf 'Operator\nGood morning.\nRevenue was \201 up.\n' >"$T/bad-enc.txt"
printf 'Operator\nHello\000 world.\n' >"$T/nul.txt"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000\076\000\001\000\000\000\020\000\000\000\000\000\000\000\100\000' >"$T/binary.bin"
: >"$T/empty.txt"
printf ' \n\t\n   \n' >"$T/blank.txt"
printf 'Operator\nWe\222re \223pleased\224 today.\n' >"$T/cp1252.txt"
mkdir "$T/dir"

# ---- 0: success; help; version -----------------------------------------
run parse "$good"
expect "parse a good file" 0
out_has "parse a good file: text output" "Jane Doe"
run parse --json "$good"
expect "parse --json" 0
out_has "parse --json: JSON" '"paragraphs"'
run_in "$good" parse -
expect "parse - (stdin)" 0
out_has "parse - (stdin): output" "Jane Doe"
run --help
expect "--help" 0
out_has "--help: exit codes listed" "exit codes"
run --version
expect "--version" 0
out_has "--version: a version" "earnest"

# warnings go to stderr, never stdout; -q silences them
run parse "$T/cp1252.txt"
expect "Windows-1252 fallback" 0
err_has "Windows-1252 fallback: warning names the file" "$T/cp1252.txt"
err_has "Windows-1252 fallback: says warning" "warning"
if grep -q "warning" "$T/out"; then bad "warnings leaked into stdout"; else ok; fi
run -q parse "$T/cp1252.txt"
expect "-q" 0
if [ -s "$T/err" ]; then bad "-q: stderr not empty"; else ok; fi

# ---- 2: usage ----------------------------------------------------------
run
expect "no arguments" 2
run frobnicate "$good"
expect "unknown command" 2
err_has "unknown command: named" "frobnicate"
run parse
expect "parse without a file" 2
run parse --bogus "$good"
expect "unknown option" 2
err_has "unknown option: named" "--bogus"
run parse --format nope "$good"
expect "unknown --format" 2
err_has "unknown --format: named" "nope"
run parse "$good" --format
expect "--format without a value" 2
run parse --max-size 12x "$good"
expect "--max-size not a number" 2
run parse --max-size 0 "$good"
expect "--max-size 0" 2
run parse --max-size 99999999999999999999999999 "$good"
expect "--max-size overflow" 2
run parse "$good" -o
expect "-o without a value" 2
run parse "$good" "$good"
expect "two input files" 2
run parse --encoding ebcdic "$good"
expect "unknown --encoding" 2

# ---- 3: unreadable ------------------------------------------------------
run parse "$T/missing.txt"
expect "missing file" 3
err_has "missing file: named" "$T/missing.txt"
run parse "$T/dir"
expect "a directory" 3
err_has "a directory: named" "$T/dir"
if [ "$(id -u)" -ne 0 ]; then
  cp "$good" "$T/noperm.txt"
  chmod 000 "$T/noperm.txt"
  run parse "$T/noperm.txt"
  expect "no read permission" 3
  err_has "no read permission: named" "$T/noperm.txt"
  chmod 600 "$T/noperm.txt"
fi

# ---- 4: invalid input ---------------------------------------------------
run parse "$T/bad-enc.txt"
expect "invalid encoding" 4
err_has "invalid encoding: file:line:column" "$T/bad-enc.txt:3:13:"
err_has "invalid encoding: byte offset" "byte 35"
out_empty "invalid encoding: no output"
run parse "$T/nul.txt"
expect "NUL byte" 4
err_has "NUL byte: file:line:column" "$T/nul.txt:2:6:"
err_has "NUL byte: byte offset" "byte 14"
run parse "$T/binary.bin"
expect "binary data" 4
err_has "binary data: named" "$T/binary.bin"
run parse "$T/empty.txt"
expect "empty file" 4
err_has "empty file: named" "$T/empty.txt"
run parse "$T/blank.txt"
expect "white space only" 4
run parse --format fool-json "$good"
expect "wrong --format" 4
err_has "wrong --format: named" "$good"
run_in "$T/bad-enc.txt" parse -
expect "invalid stdin" 4
run parse --encoding gb18030 "$T/bad-enc.txt"
expect "not GB18030" 4
run parse --lossy "$T/bad-enc.txt"
expect "--lossy reads it" 0
for f in "$SRC"/tests/corpus/bad/encoding-*.txt "$SRC"/tests/corpus/bad/empty-*.txt; do
  [ -f "$f" ] || continue
  enc=$(sed -n 's/^encoding //p' "${f%.*}.expect")
  if [ -n "$enc" ]; then run parse --encoding "$enc" "$f"; else run parse "$f"; fi
  expect "corpus $(basename "$f")" 4
done

# ---- 5: limits ----------------------------------------------------------
size=$(wc -c <"$good" | tr -d ' ')
run parse --max-size $((size - 1)) "$good"
expect "--max-size below the file size" 5
err_has "--max-size: named" "$good"
err_has "--max-size: says which limit" "--max-size"
run parse --max-size "$size" "$good"
expect "--max-size exactly the file size" 0
run_in "$good" parse --max-size 100 -
expect "--max-size on stdin" 5
# a line over the library's 16 MiB line limit
{
  printf 'Operator\n'
  head -c 17000000 /dev/zero | tr '\0' 'a'
  printf '\n'
} >"$T/long.txt"
run parse "$T/long.txt"
expect "a 17 MB line" 5
err_has "a 17 MB line: file:line:column" "$T/long.txt:2:1:"
rm -f "$T/long.txt"

# ---- 6: output, all or nothing ------------------------------------------
run parse "$good"
cp "$T/out" "$T/expected.txt"
run parse "$good" -o "$T/o1.txt"
expect "-o FILE" 0
out_empty "-o FILE: nothing on stdout"
if cmp -s "$T/o1.txt" "$T/expected.txt"; then ok; else bad "-o FILE: content differs from stdout's"; fi
no_tmp "-o FILE" "$T/o1.txt"
echo old >"$T/o1.txt"
run parse --json "$good" -o "$T/o1.txt"
expect "-o FILE over an old file" 0
if grep -q '"paragraphs"' "$T/o1.txt" && ! grep -q '^old$' "$T/o1.txt"; then ok; else bad "-o FILE: old file not replaced"; fi

for case in bad-enc.txt:4 missing.txt:3 binary.bin:4 dir:3; do
  f=${case%:*}
  code=${case#*:}
  rm -f "$T/o2.txt"
  run parse "$T/$f" -o "$T/o2.txt"
  expect "-o with input $f" "$code"
  if [ -e "$T/o2.txt" ]; then bad "-o with input $f: output file created"; else ok; fi
  no_tmp "-o with input $f" "$T/o2.txt"
  printf 'old content\n' >"$T/o3.txt"
  run parse "$T/$f" -o "$T/o3.txt"
  expect "-o over an old file with input $f" "$code"
  if [ "$(cat "$T/o3.txt")" = "old content" ]; then ok; else bad "-o with input $f: old file changed"; fi
  no_tmp "-o over an old file with input $f" "$T/o3.txt"
done
printf 'old content\n' >"$T/o4.txt"
run parse --max-size 10 "$good" -o "$T/o4.txt"
expect "-o with --max-size exceeded" 5
if [ "$(cat "$T/o4.txt")" = "old content" ]; then ok; else bad "-o with a limit error: old file changed"; fi
no_tmp "-o with --max-size exceeded" "$T/o4.txt"

run parse "$good" -o "$T/nodir/out.txt"
expect "-o into a missing directory" 6
err_has "-o into a missing directory: named" "$T/nodir/out.txt"
if [ -e "$T/nodir" ]; then bad "-o into a missing directory: created something"; else ok; fi
mkdir "$T/target-dir"
: >"$T/target-dir/keep"
run parse "$good" -o "$T/target-dir"
expect "-o onto a directory" 6
if [ -d "$T/target-dir" ] && [ -e "$T/target-dir/keep" ]; then ok; else bad "-o onto a directory: directory changed"; fi
no_tmp "-o onto a directory" "$T/target-dir"
if [ "$(id -u)" -ne 0 ]; then
  mkdir "$T/ro"
  chmod 555 "$T/ro"
  run parse "$good" -o "$T/ro/out.txt"
  expect "-o into a read-only directory" 6
  chmod 755 "$T/ro"
fi
if [ -w /dev/full ]; then
  "$EA" parse "$good" >/dev/full 2>"$T/err" </dev/null
  rc=$?
  expect "stdout on a full device" 6
  "$EA" parse --json "$good" -o - >/dev/full 2>"$T/err" </dev/null
  rc=$?
  expect "-o - on a full device" 6
fi
# nothing else left in the scratch directory
leftover=$(find "$T" -name '*.tmp.*' | head -n 1)
if [ -z "$leftover" ]; then ok; else bad "temporary file left: $leftover"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

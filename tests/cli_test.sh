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
run parse --layout nope "$good"
expect "unknown --layout" 2
err_has "unknown --layout: named" "nope"
run parse "$good" --layout
expect "--layout without a value" 2
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
run parse --layout fool-json "$good"
expect "wrong --layout" 4
err_has "wrong --layout: named" "$good"
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
# ---- output formats; --layout, and --format LAYOUT (deprecated) ----------
run parse --layout speaker "$good"
expect "--layout speaker" 0
out_has "--layout speaker: output" "Jane Doe"
run parse --format speaker "$good"
expect "--format LAYOUT still works" 0
out_has "--format LAYOUT: output" "Jane Doe"
err_has "--format LAYOUT: deprecation warning" "deprecated"
err_has "--format LAYOUT: says what to use" "--layout speaker"
run -q parse --format speaker "$good"
if [ -s "$T/err" ]; then bad "--format LAYOUT -q: stderr not empty"; else ok; fi
run parse --format fool-json "$good"
expect "--format with a layout that does not fit" 4
run parse --layout speaker --format speaker "$good"
expect "--layout and a layout in --format" 2
run parse --format json "$good"
expect "parse --format json" 0
out_has "parse --format json: JSON" '"paragraphs"'
run parse --format md "$good"
expect "parse --format md" 2
err_has "parse --format md: named" "md"
run parse --format text --json "$good"
expect "--format text with --json" 2
for f in text md html json; do
  run digest --format "$f" "$good"
  expect "digest --format $f" 0
  if [ -s "$T/out" ]; then ok; else bad "digest --format $f: no output"; fi
done
run digest --format json "$good"
if command -v python3 >/dev/null 2>&1; then
  if python3 -c 'import json, sys; json.load(sys.stdin)' <"$T/out" 2>/dev/null; then ok; else bad "digest --format json: not JSON"; fi
fi
run digest --format xml "$good"
expect "digest --format xml" 2
err_has "digest --format xml: named" "xml"
run digest --format table "$good"
expect "digest --format table" 2
for f in table json csv; do
  run facts --format "$f" "$good"
  expect "facts --format $f" 0
done
run facts --format csv "$good"
cp "$T/out" "$T/facts-format.csv"
run facts --csv "$good"
if cmp -s "$T/out" "$T/facts-format.csv"; then ok; else bad "facts --format csv differs from --csv"; fi
run facts --format md "$good"
expect "facts --format md" 2
run facts --format csv --json "$good"
expect "facts --format csv with --json" 2
run digest --lang zh "$good"
expect "digest --lang zh" 0
run digest --lang zh --zh-variant hant "$good"
expect "digest --lang zh --zh-variant hant" 0
run digest --zh-variant hant "$good"
expect "digest --zh-variant alone" 0
run digest --quote "$good"
expect "digest --quote" 0
run digest --lang fr "$good"
expect "--lang fr" 2
run digest --lang en --zh-variant hant "$good"
expect "--lang en --zh-variant" 2
run digest --zh-variant big5 "$good"
expect "--zh-variant big5" 2
run parse --lang en "$good"
expect "parse --lang" 2
run digest --bullets --format md "$good"
expect "--bullets --format md" 2
run digest --bullets --quote "$good"
expect "--bullets --quote" 2
run digest --ndjson "$good"
expect "--ndjson without --format json" 2
run parse --format json --ndjson "$good"
expect "parse --ndjson" 2
run digest -j x "$good"
expect "-j x" 2

# ---- several inputs: -o DIR, -j, --ndjson ---------------------------------
ex=$SRC/examples/aurora-q3-2025.txt
fq=$SRC/tests/corpus/fool/quillfeather-q1-2025.txt
# exists DIR NAME...: DIR holds exactly these files, none empty
exists() {
  ex_dir=$1
  shift
  ex_ok=1
  for ex_f in "$@"; do [ -s "$ex_dir/$ex_f" ] || { bad "batch: $ex_dir/$ex_f missing or empty"; ex_ok=0; }; done
  ex_n=$(find "$ex_dir" -type f | wc -l)
  [ "$ex_n" -eq $# ] || { bad "batch: $ex_dir holds $ex_n files, expected $#"; ex_ok=0; }
  [ "$ex_ok" -eq 0 ] || ok
}
run digest --format md -o "$T/b-md" "$good" "$ex" "$fq"
expect "batch --format md" 0
exists "$T/b-md" good.md aurora-q3-2025.md quillfeather-q1-2025.md
err_has "batch: closing line" "digest: 3 files, 3 written, 0 failed"
out_empty "batch: nothing on stdout"
run digest --format md "$ex"
if cmp -s "$T/out" "$T/b-md/aurora-q3-2025.md"; then ok; else bad "batch output differs from the single-file output"; fi
run digest --bullets -o "$T/b-txt" "$good" "$ex" "$fq"
expect "batch --bullets" 0
exists "$T/b-txt" good.txt aurora-q3-2025.txt quillfeather-q1-2025.txt
run digest -o "$T/b-text" "$good" "$ex"
expect "batch text" 0
exists "$T/b-text" good.txt aurora-q3-2025.txt
run digest --format html -o "$T/b-html" "$good" "$ex" "$fq"
exists "$T/b-html" good.html aurora-q3-2025.html quillfeather-q1-2025.html
run digest --format json -o "$T/b-json" "$good" "$ex" "$fq"
exists "$T/b-json" good.json aurora-q3-2025.json quillfeather-q1-2025.json
run facts --format csv -o "$T/f-csv" "$good" "$ex" "$fq"
expect "facts batch --format csv" 0
exists "$T/f-csv" good.csv aurora-q3-2025.csv quillfeather-q1-2025.csv
err_has "facts batch: closing line" "facts: 3 files, 3 written, 0 failed"
run -q digest --format md -o "$T/b-q" "$good" "$ex"
if [ -s "$T/err" ]; then bad "batch -q: stderr not empty"; else ok; fi
# one FILE and -o naming a directory that exists
mkdir "$T/b-one"
run digest --format md -o "$T/b-one" "$ex"
expect "one file, -o DIR" 0
exists "$T/b-one" aurora-q3-2025.md

# a failing input is reported and the others are still written
run digest --format md -o "$T/b-miss" "$good" "$T/missing.txt" "$ex" "$fq"
expect "batch with a missing input" 3
exists "$T/b-miss" good.md aurora-q3-2025.md quillfeather-q1-2025.md
err_has "batch with a missing input: named" "$T/missing.txt"
err_has "batch with a missing input: closing line" "4 files, 3 written, 1 failed"
no_tmp "batch with a missing input" "$T/b-miss/missing.md"
# the highest code among the failures wins: invalid (4) over unreadable (3)
run digest -o "$T/b-worst" "$T/missing.txt" "$T/binary.bin" "$good"
expect "batch: exit code of the worst failure" 4
err_has "batch: the binary input named" "$T/binary.bin"
exists "$T/b-worst" good.txt
# an output that cannot be written (a directory in its place) outranks both
mkdir -p "$T/b-blocked/good.txt"
run digest -o "$T/b-blocked" "$T/missing.txt" "$good" "$ex"
expect "batch: an output that cannot be written" 6
if [ -s "$T/b-blocked/aurora-q3-2025.txt" ]; then ok; else bad "batch: output after a blocked one missing"; fi
leftover=$(find "$T/b-blocked" -name '*.tmp.*' | head -n 1)
if [ -z "$leftover" ]; then ok; else bad "batch: temporary file left: $leftover"; fi

# -j 2 writes the same bytes as -j 1, and says the same things in the same order
set --
for f in "$SRC"/tests/corpus/*/*; do
  case $f in *.expect | */README.md) continue ;; esac
  set -- "$@" "$f"
done
set -- "$@" "$good" "$ex"
for fmt in md json; do
  run digest --format "$fmt" -j 1 -o "$T/j1-$fmt" "$@"
  rc1=$rc
  grep -v ' written, ' "$T/err" >"$T/err-j1"
  run digest --format "$fmt" -j 2 -o "$T/j2-$fmt" "$@"
  if [ "$rc" -eq "$rc1" ]; then ok; else bad "-j 2 --format $fmt: exit $rc, -j 1 gave $rc1"; fi
  if diff -r "$T/j1-$fmt" "$T/j2-$fmt" >/dev/null; then ok; else bad "-j 2 --format $fmt: outputs differ from -j 1"; fi
  grep -v ' written, ' "$T/err" >"$T/err-j2"
  if cmp -s "$T/err-j1" "$T/err-j2"; then ok; else bad "-j 2 --format $fmt: stderr differs from -j 1"; fi
done
n_ok=$(find "$T/j1-md" -type f | wc -l)
if [ "$n_ok" -gt 10 ]; then ok; else bad "-j: only $n_ok outputs"; fi
set --

# --ndjson: one line per input, in input order, each a JSON object
run digest --format json --ndjson "$good" "$ex" "$fq"
expect "--ndjson" 0
n_lines=$(wc -l <"$T/out" | tr -d ' ')
if [ "$n_lines" -eq 3 ]; then ok; else bad "--ndjson: $n_lines lines for 3 inputs"; fi
if head -n 1 "$T/out" | grep -qF "{\"file\":\"$good\","; then ok; else bad "--ndjson: first line is not the first input"; fi
run digest --format json --ndjson -j 2 "$good" "$T/missing.txt" "$ex" "$fq"
expect "--ndjson with a missing input" 3
err_has "--ndjson with a missing input: named" "$T/missing.txt"
n_lines=$(wc -l <"$T/out" | tr -d ' ')
if [ "$n_lines" -eq 4 ]; then ok; else bad "--ndjson: $n_lines lines for 4 inputs"; fi
if sed -n 2p "$T/out" | grep -q '"exit":3'; then ok; else bad "--ndjson: no error line for the missing input"; fi
if command -v python3 >/dev/null 2>&1; then
  if python3 -c '
import json, sys
lines = sys.stdin.read().split("\n")
assert lines[-1] == "", "no newline at the end"
objs = [json.loads(l) for l in lines[:-1]]
assert [("digest" in o, "error" in o) for o in objs] == [(True, False), (False, True), (True, False), (True, False)]
assert all(isinstance(o["digest"], dict) for o in objs if "digest" in o)
' <"$T/out"; then ok; else bad "--ndjson: a line is not a JSON object"; fi
else
  echo "skip: python3 not found, --ndjson lines not parsed as JSON" >&2
fi
run digest --format json --ndjson -o "$T/nd.jsonl" "$good" "$ex"
expect "--ndjson -o FILE" 0
out_empty "--ndjson -o FILE: nothing on stdout"
n_lines=$(wc -l <"$T/nd.jsonl" | tr -d ' ')
if [ "$n_lines" -eq 2 ]; then ok; else bad "--ndjson -o FILE: $n_lines lines"; fi
run facts --format json --ndjson "$good" "$ex"
expect "facts --ndjson" 0
if [ "$(grep -c '^{"file":.*"facts":{' "$T/out")" -eq 2 ]; then ok; else bad "facts --ndjson: not one facts line per input"; fi

# usage errors in batch mode: nothing is written
run digest "$good" "$ex"
expect "several inputs without -o" 2
echo old >"$T/b-file"
run digest -o "$T/b-file" "$good" "$ex"
expect "several inputs, -o a file" 2
if [ "$(cat "$T/b-file")" = old ]; then ok; else bad "several inputs, -o a file: file changed"; fi
mkdir "$T/other"
cp "$good" "$T/other/good.txt"
run digest -o "$T/b-dup" "$good" "$T/other/good.txt"
expect "two inputs, one output name" 2
err_has "two inputs, one output name: named" "$T/other/good.txt"
if [ -e "$T/b-dup" ] && [ -n "$(ls "$T/b-dup")" ]; then bad "two inputs, one output name: wrote something"; else ok; fi
run digest --bullets -o "$T/other" "$T/other/good.txt" "$ex"
expect "an output that would replace its input" 2
if cmp -s "$good" "$T/other/good.txt"; then ok; else bad "an output replaced its input"; fi
run_in "$good" digest -o "$T/b-stdin" - "$ex"
expect "stdin with -o DIR" 2
run digest --format json --ndjson -o "$T/b-md" "$good" "$ex"
expect "--ndjson -o DIR" 2

# nothing else left in the scratch directory
leftover=$(find "$T" -name '*.tmp.*' | head -n 1)
if [ -z "$leftover" ]; then ok; else bad "temporary file left: $leftover"; fi

# ---- --lexicon FILE: a domain pack of the user's own -------------------------
# 立讯精密 is in no built-in pack; the user pack makes it Luxshare
printf '主持人：各位投资者好，欢迎参加本次交流会。\n专家：立讯精密今年一季度的营收为12亿元，同比增长20%%。新易盛的营收为15亿元。\n' >"$T/zh-call.txt"
printf '# a user pack\ncompany\tluxshare\tLuxshare|Luxshare Precision\t立讯精密\tticker=002475.SZ\n' >"$T/pack.txt"
printf 'company\tluxshare2\tLuxshare Two\t立讯精密\n' >"$T/pack2.txt"
# line 3: three fields; the error is at its end (column 16, byte 64)
printf '# comment\ncompany\tluxshare\tLuxshare\t立讯精密\ncompany\tfoo\tFoo\n' >"$T/pack-bad.txt"
printf 'company\tfoo\tFoo\t\377\n' >"$T/pack-enc.txt"
{
  printf 'company\tlong\t'
  head -c 300 /dev/zero | tr '\0' 'a'
  printf '\t-\n'
} >"$T/pack-long.txt"
run facts --json "$T/zh-call.txt"
expect "facts without --lexicon" 0
if grep -q '"company":"Luxshare"' "$T/out"; then bad "facts without --lexicon: Luxshare linked"; else ok; fi
out_has "facts without --lexicon: built-in pack" '"company":"Eoptolink"'
run facts --json --lexicon "$T/pack.txt" "$T/zh-call.txt"
expect "facts --lexicon" 0
out_has "facts --lexicon: the user pack's company" '"company":"Luxshare"'
out_has "facts --lexicon: built-in packs still there" '"company":"Eoptolink"'
run facts --json --lexicon "$T/pack.txt" --lexicon "$T/pack2.txt" "$T/zh-call.txt"
expect "two --lexicon files" 0
out_has "two --lexicon files: the later one takes the name over" '"company":"Luxshare Two"'
run digest --format json --lexicon "$T/pack.txt" "$T/zh-call.txt"
expect "digest --lexicon" 0
run facts --format json --ndjson -j 2 --lexicon "$T/pack.txt" "$T/zh-call.txt" "$good" "$T/zh-call.txt"
expect "facts --lexicon -j 2" 0
if [ "$(grep -c '"company":"Luxshare"' "$T/out")" -eq 2 ]; then ok; else bad "facts --lexicon -j 2: not linked in every output"; fi
run parse --lexicon "$T/pack.txt" "$T/zh-call.txt"
expect "parse --lexicon" 2
err_has "parse --lexicon: says which commands" "--lexicon is for facts, digest and verify"
run facts "$T/zh-call.txt" --lexicon
expect "--lexicon without a value" 2
run facts --lexicon "$T/missing-pack.txt" "$T/zh-call.txt"
expect "--lexicon: missing file" 3
err_has "--lexicon: missing file: named" "$T/missing-pack.txt: cannot open the lexicon"
run facts --lexicon "$T/dir" "$T/zh-call.txt"
expect "--lexicon: a directory" 3
err_has "--lexicon: a directory: named" "$T/dir: is a directory"
rm -f "$T/lx-out.txt"
run facts --lexicon "$T/pack-bad.txt" -o "$T/lx-out.txt" "$T/zh-call.txt"
expect "--lexicon: a malformed line" 4
err_has "--lexicon: a malformed line: file:line:column" "$T/pack-bad.txt:3:16: error: lexicon: expected 4 or 5 fields"
err_has "--lexicon: a malformed line: byte offset" "(byte 64)"
out_empty "--lexicon: a malformed line: no output"
if [ -e "$T/lx-out.txt" ]; then bad "--lexicon: a malformed line: output file created"; else ok; fi
run facts --lexicon "$T/pack-enc.txt" "$T/zh-call.txt"
expect "--lexicon: not UTF-8" 4
err_has "--lexicon: not UTF-8: position" "$T/pack-enc.txt:1:17: error: lexicon: invalid UTF-8"
run facts --lexicon "$T/pack-long.txt" "$T/zh-call.txt"
expect "--lexicon: a name over 255 bytes" 5
err_has "--lexicon: a name over 255 bytes: named" "$T/pack-long.txt:1:"
# checked before any input: nothing is written in batch mode either
run digest --lexicon "$T/pack-bad.txt" -o "$T/lx-dir" "$good" "$ex"
expect "--lexicon: a malformed line, batch" 4
if [ -e "$T/lx-dir" ]; then bad "--lexicon: a malformed line, batch: wrote something"; else ok; fi
if [ -f "$SRC/tests/verify/borealis-q1-2024.txt" ]; then
  printf 'q1 revenue rose 12 percent to $1.72 billion [2].\n' >"$T/sum-lx.txt"
  run verify "$T/sum-lx.txt" --against "$SRC/tests/verify/borealis-q1-2024.txt" --lexicon "$T/pack.txt"
  expect "verify --lexicon" 0
  run verify "$T/sum-lx.txt" --against "$SRC/tests/verify/borealis-q1-2024.txt" --lexicon "$T/pack-bad.txt"
  expect "verify --lexicon: a malformed line" 4
  err_has "verify --lexicon: a malformed line: position" "$T/pack-bad.txt:3:16:"
fi
# verify checks the companies of the user's pack too (tests/verify/own-pack.txt:
# Luxshare 立讯精密 and Foxconn 鸿海精密/鴻海精密/富士康, in no built-in pack),
# by their English, Simplified and Traditional names
own=$SRC/tests/verify/own-pack.txt
if [ -f "$own" ]; then
  printf -- '- Luxshare revenue RMB 1.2 billion, up 20%% [2]\n- 立訊精密營收12億元 [2]\n' >"$T/sum-own-ok.txt"
  printf -- '- Luxshare revenue RMB 1.2 billion [2]\n- Foxconn gained share [2]\n' >"$T/sum-own-bad.txt"
  printf -- '- 鴻海精密營收12億元 [2]\n' >"$T/sum-own-hant.txt"
  run verify "$T/sum-own-ok.txt" --against "$T/zh-call.txt" --lexicon "$own"
  expect "verify --lexicon: the pack's company, named in the cited paragraph" 0
  out_has "verify --lexicon: the pack's company: clean" "no findings"
  run verify "$T/sum-own-bad.txt" --against "$T/zh-call.txt"
  expect "verify without --lexicon: the pack's company is not checked" 0
  run verify "$T/sum-own-bad.txt" --against "$T/zh-call.txt" --lexicon "$own"
  expect "verify --lexicon: a pack company the call does not name" 1
  out_has "verify --lexicon: the finding" "$T/sum-own-bad.txt:2:3: company not in the source \"Foxconn\": no cited paragraph names this company"
  out_has "verify --lexicon: one finding" "1 finding (company not in the source 1)"
  run verify --json "$T/sum-own-bad.txt" --against "$T/zh-call.txt" --lexicon "$own"
  expect "verify --json --lexicon" 1
  out_has "verify --json --lexicon: the kind" '"kind":"company_unsupported"'
  run verify "$T/sum-own-hant.txt" --against "$T/zh-call.txt" --lexicon "$own"
  expect "verify --lexicon: a Traditional name the call does not name" 1
  out_has "verify --lexicon: the Traditional name" 'company not in the source "鴻海精密"'
else
  bad "verify --lexicon: $own missing"
fi

# ---- verify: 0 no findings, 1 findings, 2 usage, 3 unreadable, 4 invalid --
call=$SRC/tests/verify/borealis-q1-2024.txt
if [ -f "$call" ]; then
  printf 'q1 revenue rose 12 percent to $1.72 billion [2].\nq1 loss per share $0.06 [4].\n' >"$T/sum-ok.txt"
  printf 'q1 revenue rose 12 percent to $1.72 billion [2].\nq1 revenue $2.3 billion.\n' >"$T/sum-bad.txt"
  printf 'revenue \377 rose\n' >"$T/sum-enc.txt"
  run verify "$T/sum-ok.txt" --against "$call"
  expect "verify: a faithful summary" 0
  out_has "verify: a faithful summary: totals" "no findings; 2 lines, 3 numbers (3 stated, 0 derived), 2 citations"
  run verify "$T/sum-bad.txt" --against "$call"
  expect "verify: an unstated number" 1
  out_has "verify: the finding, with file, line and column" "$T/sum-bad.txt:2:12: unstated number \"\$2.3 billion\""
  out_has "verify: the nearest source figure" "nearest in the call: ["
  run verify --json "$T/sum-bad.txt" --against "$call"
  expect "verify --json" 1
  out_has "verify --json: the kind" '"kind":"unstated"'
  run_in "$T/sum-ok.txt" verify - --against "$call"
  expect "verify: summary on stdin" 0
  rm -f "$T/v.txt"
  run verify "$T/sum-bad.txt" --against "$call" -o "$T/v.txt"
  expect "verify -o FILE" 1
  if grep -q "unstated number" "$T/v.txt"; then ok; else bad "verify -o FILE: findings not written"; fi
  run verify "$T/sum-ok.txt"
  expect "verify without --against" 2
  err_has "verify without --against: says so" "--against"
  run verify --against "$call"
  expect "verify without a summary" 2
  run verify "$T/sum-ok.txt" --against "$call" --bogus
  expect "verify: unknown option" 2
  run verify - --against -
  expect "verify: both on stdin" 2
  run verify --help
  expect "verify --help" 0
  out_has "verify --help: usage" "earnest verify SUMMARY --against FILE"
  run verify "$T/missing-summary.txt" --against "$call"
  expect "verify: missing summary" 3
  err_has "verify: missing summary: named" "$T/missing-summary.txt"
  run verify "$T/sum-ok.txt" --against "$T/missing-call.txt"
  expect "verify: missing transcript" 3
  run verify "$T/sum-enc.txt" --against "$call"
  expect "verify: summary not UTF-8" 4
  err_has "verify: summary not UTF-8: position" "$T/sum-enc.txt:1:9:"
  run verify "$T/sum-ok.txt" --against "$T/bad-enc.txt"
  expect "verify: transcript not decodable" 4
  run verify "$T/sum-ok.txt" --against "$call" --max-size 10
  expect "verify: --max-size" 5
else
  bad "verify: fixture $call missing"
fi

# ---- Chinese calls: English minutes by default, verified ---------------------
zh="$SRC/tests/corpus/chinese/industry_call.txt"
if [ -f "$zh" ]; then
  run digest "$zh"
  expect "digest of a Chinese call" 0
  out_has "digest zh: English title" "Summary of Industry Call on Optical Module Capacity Expansion"
  out_has "digest zh: company in both languages" "  - Eoptolink (新易盛): revenue at RMB 16.5B in the first three quarters of 2025, up 221% YoY"
  out_has "digest zh: capacity bullet" "capacity release expected in 1H 2026 [3]"
  out_has "digest zh: source title" "光模块行业交流会纪要：新一轮产能扩张"
  cp "$T/out" "$T/zh-digest.txt"
  run verify "$T/zh-digest.txt" --against "$zh"
  expect "verify of the English digest of a Chinese call" 0
  out_has "verify zh digest: clean" "no findings"
  run digest --quote "$zh"
  out_has "digest zh --quote: the Chinese sentence" "“天孚通信的光引擎订单饱满，明年产能预计翻倍。”"
  run digest --lang zh "$zh"
  expect "digest --lang zh of a Chinese call" 0
  out_has "digest --lang zh: the call's title" "光模块行业交流会纪要：新一轮产能扩张"
  out_has "digest --lang zh: the call's time" "时间：2025-11-20 19:30"
  out_has "digest --lang zh: marked as generated" "本纪要由 earnest 根据会议原文自动生成"
  out_has "digest --lang zh: Chinese heading" "重点公司"
  out_has "digest --lang zh: company in Chinese, amount in 亿" "  - 新易盛：2025年前三季度营收为165亿元，同比增长221%"
  out_has "digest --lang zh: count in 万" "需求预计约4,000万只"
  cp "$T/out" "$T/zh-digest-zh.txt"
  run verify "$T/zh-digest-zh.txt" --against "$zh"
  expect "verify of the Chinese digest of a Chinese call" 0
  out_has "verify zh --lang zh digest: clean" "no findings"
  run digest --zh-variant hant "$zh"
  expect "digest --zh-variant hant of a Chinese call" 0
  out_has "digest --zh-variant hant: Traditional heading" "重點公司"
  out_has "digest --zh-variant hant: Traditional name" "  - 中際旭創：2025年營收預計約350億元"
  cp "$T/out" "$T/zh-digest-hant.txt"
  run verify "$T/zh-digest-hant.txt" --against "$zh"
  expect "verify of the Traditional digest of a Chinese call" 0
  run digest --lang zh --format json "$zh"
  out_has "digest --lang zh --format json: heading" '"heading": "重点公司"'
  run digest --lang zh --format md "$zh"
  out_has "digest --lang zh --format md: section" "## 产能"
  run digest --lang zh --format html "$zh"
  out_has "digest --lang zh --format html: title" "<h1>光模块行业交流会纪要：新一轮产能扩张</h1>"
  run facts --table "$zh"
  out_has "facts --table: company column" "company"
  out_has "facts --table: Innolight" "Innolight"
else
  bad "Chinese fixture $zh missing"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# Chinese parse + facts throughput, with bench_parse (as for ECTSum in
# bench/run.sh), on a corpus built here, in a temporary directory, at run
# time (never committed):
#   - the Chinese side of every bilingual transcript: the sample
#     ../shared/samples/000_f972b47517299ea5.txt (each English paragraph
#     followed by a Traditional Chinese machine translation) and
#     tests/corpus/bilingual/*.txt: their Chinese lines, and each speaker
#     line once (`Operator`, `Thompson Lin - ...`), so a Chinese call in the
#     speaker layout;
#   - the Chinese transcripts of tests/corpus/chinese/*.txt as they are;
#   each copied to its own file, round after round, until the corpus holds
#   ZH_MB MB (default 4). Every file is a whole call; bench_parse loads
#   them all into memory first.
#
#   sh bench/zh_speed.sh                  # also run by bench/run.sh
#   BUILD=build-x BENCH_RUNS=9 ZH_MB=8 sh bench/zh_speed.sh
#
# Target (issue 5): parse + facts >= 20 MB/s on one core. BENCH_STRICT=1:
# exit 1 when it is missed.
set -u
. "$(dirname "$0")/env.sh"
runs=${BENCH_RUNS:-5}
mb=${ZH_MB:-4}
bp=$build/bench_parse
[ -x "$bp" ] || { echo "zh_speed: $bp not built (make build)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/earnest-zh-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
mkdir "$dir/src" "$dir/corpus"

# The Chinese side of a bilingual file: lines with a CJK ideograph (UTF-8
# lead bytes E4..E9: U+4000..U+9FFF), and the second of two identical lines
# (a speaker line and its "translation") unless the first was Chinese.
zh_side() {
  LC_ALL=C awk '{
    zh = ($0 ~ /[\344-\351]/)
    if ($0 == prev) { if (!pz) print } else if (zh) print
    prev = $0; pz = zh
  }' "$1"
}
sample=$shared/samples/000_f972b47517299ea5.txt
if [ -f "$sample" ]; then
  zh_side "$sample" >"$dir/src/sample-000-zh.txt"
else
  echo "zh_speed: $sample not found: the corpus is the test fixtures only" >&2
fi
for f in "$src"/tests/corpus/bilingual/*.txt; do
  [ -f "$f" ] && zh_side "$f" >"$dir/src/bilingual-$(basename "$f")"
done
for f in "$src"/tests/corpus/chinese/*.txt; do
  [ -f "$f" ] && cp "$f" "$dir/src/chinese-$(basename "$f")"
done
src_bytes=$(cat "$dir"/src/*.txt | wc -c | tr -d ' ')
[ "$src_bytes" -gt 0 ] || { echo "zh_speed: no Chinese text found" >&2; exit 1; }

# copies, round after round, until the corpus holds $mb MB
target=$((mb * 1000000))
total=0
round=0
while [ "$total" -lt "$target" ]; do
  round=$((round + 1))
  for f in "$dir"/src/*.txt; do
    b=$(basename "$f" .txt)
    cp "$f" "$dir/corpus/$b.$round.txt"
  done
  total=$((total + src_bytes))
done
nsrc=$(ls "$dir"/src/*.txt | wc -l | tr -d ' ')
nfiles=$(ls "$dir"/corpus/*.txt | wc -l | tr -d ' ')

pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi
field() { sed -n "s/^$1 //p" "$2" | head -n 1; }
out=$dir/out.txt
# shellcheck disable=SC2046
$pin "$bp" --runs "$runs" $(ls "$dir"/corpus/*.txt) >"$out" || { echo "zh_speed: parse run failed" >&2; exit 1; }
bytes=$(field bytes "$out")
parse_s=$(field best_cpu_seconds "$out")
failed=$(field failed "$out")
# shellcheck disable=SC2046
$pin "$bp" --runs "$runs" --facts $(ls "$dir"/corpus/*.txt) >"$out" || { echo "zh_speed: facts run failed" >&2; exit 1; }
facts_s=$(field best_cpu_seconds "$out")

echo "Chinese corpus: $nsrc sources ($src_bytes bytes: $(cd "$dir/src" && ls | tr '\n' ' ')), $round copies each = $nfiles files, $bytes bytes"
echo "best of $runs runs, CPU time, one core${pin:+ (taskset -c 0)}"
awk -v b="$bytes" -v t="$parse_s" 'BEGIN { printf "  parse          %8.3f s  %7.1f MB/s\n", t, b / t / 1e6 }'
awk -v b="$bytes" -v t="$facts_s" 'BEGIN { printf "  parse+facts    %8.3f s  %7.1f MB/s\n", t, b / t / 1e6 }'
echo "  files that did not parse: $failed"
if awk -v b="$bytes" -v t="$facts_s" 'BEGIN { exit !(b / t / 1e6 >= 20) }'; then
  echo "Chinese parse + facts >= 20 MB/s target: PASS"
else
  echo "Chinese parse + facts below the 20 MB/s target"
  [ "${BENCH_STRICT:-0}" = 1 ] && exit 1
fi
exit 0

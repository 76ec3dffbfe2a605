#!/bin/sh
# Parse throughput and peak memory on the ECTSum transcripts (train + val;
# never the test split), read in place under ../shared (never copied).
#
#   make bench                       # or: sh bench/run.sh
#   BUILD=build-x BENCH_RUNS=9 sh bench/run.sh
#
# Targets (from the issue): parse throughput >= 200 MB/s on one core; peak
# RSS <= 4 x the input + 16 MB for every file; the digest of all val calls
# in < 1 s CPU, -j 2 near twice -j 1 (bench/digest_speed.sh); Chinese parse
# + facts >= 20 MB/s (bench/zh_speed.sh, on a corpus it builds from the
# Chinese side of the bilingual sample and the Chinese test fixtures).
# Results also go to bench/out/results.txt.
set -u
. "$(dirname "$0")/env.sh"
runs=${BENCH_RUNS:-5}
bp=$build/bench_parse
cli=$build/earnest
[ -x "$bp" ] || { echo "bench: $bp not built (make build)" >&2; exit 1; }

data=$shared/data/ectsum
list=$(mktemp "${TMPDIR:-/tmp}/earnest-bench.XXXXXX") || exit 1
trap 'rm -f "$list"' EXIT INT TERM
for d in "$data/train/ects" "$data/val/ects"; do
  [ -d "$d" ] || { echo "bench: no $d" >&2; exit 1; }
  find "$d" -type f -name '*.txt'
done | LC_ALL=C sort >"$list"
nfiles=$(wc -l <"$list" | tr -d ' ')
[ "$nfiles" -gt 0 ] || { echo "bench: no transcripts found" >&2; exit 1; }

# one core
pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi

mkdir -p "$src/bench/out"
out=$src/bench/out/results.txt
: >"$out"
say() { echo "$*" | tee -a "$out"; }
field() { sed -n "s/^$1 //p" "$2" | head -n 1; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
say "earnest benchmark  $(date -u +%Y-%m-%dT%H:%MZ)"
say "machine: ${cpu:-unknown CPU}, nproc $(nproc 2>/dev/null || echo ?), $(uname -sm)"
say "commit:  $(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo ?)$(git -C "$src" diff --quiet 2>/dev/null || echo ' (with local changes)')"
say "data:    ECTSum train+val, $nfiles transcripts, best of $runs runs, CPU time, one core${pin:+ (taskset -c 0)}"
say ""

tmp=$build/bench-tmp.txt
# shellcheck disable=SC2046
$pin "$bp" --runs "$runs" $(cat "$list") >"$tmp" || { cat "$tmp" >&2; echo "bench: parse run failed" >&2; exit 1; }
bytes=$(field bytes "$tmp")
parse_s=$(field best_cpu_seconds "$tmp")
parse_mbs=$(field mb_per_s "$tmp")
failed=$(field failed "$tmp")
largest=$(field largest "$tmp")
# shellcheck disable=SC2046
$pin "$bp" --runs "$runs" --full $(cat "$list") >"$tmp" || exit 1
full_s=$(field best_cpu_seconds "$tmp")
full_mbs=$(field mb_per_s "$tmp")
# shellcheck disable=SC2046
$pin "$bp" --runs "$runs" --facts $(cat "$list") >"$tmp" || exit 1
facts_s=$(field best_cpu_seconds "$tmp")
# wc -w in the C locale (bytes) and in a UTF-8 one (multibyte-aware, slower)
# shellcheck disable=SC2046
LC_ALL=C $pin "$bp" --exec-cpu "$runs" -- wc -w $(cat "$list") >"$tmp" || exit 1
wc_s=$(field cpu_seconds "$tmp")
utf8_locale=$(locale -a 2>/dev/null | grep -i -m1 -E '^(C|en_US)\.utf-?8$')
wcu_s=""
if [ -n "$utf8_locale" ]; then
  # shellcheck disable=SC2046
  LC_ALL=$utf8_locale $pin "$bp" --exec-cpu "$runs" -- wc -w $(cat "$list") >"$tmp" || exit 1
  wcu_s=$(field cpu_seconds "$tmp")
fi

say "ECTSum train+val: $bytes bytes in $nfiles files (largest: $largest)"
say "$(awk -v b="$bytes" -v t="$parse_s" 'BEGIN { printf "  parse                       %8.3f s  %7.1f MB/s", t, b / t / 1e6 }')"
say "$(awk -v b="$bytes" -v t="$full_s" 'BEGIN { printf "  parse+sentences+JSON+text   %8.3f s  %7.1f MB/s", t, b / t / 1e6 }')"
say "$(awk -v b="$bytes" -v t="$facts_s" 'BEGIN { printf "  parse+facts                 %8.3f s  %7.1f MB/s", t, b / t / 1e6 }')"
say "$(awk -v b="$bytes" -v t="$wc_s" 'BEGIN { printf "  wc -w, LC_ALL=C              %8.3f s  %7.1f MB/s", t, b / t / 1e6 }')"
[ -n "$wcu_s" ] && say "$(awk -v b="$bytes" -v t="$wcu_s" -v l="$utf8_locale" 'BEGIN { printf "  wc -w, LC_ALL=%-14s %8.3f s  %7.1f MB/s", l, t, b / t / 1e6 }')"
say "$(awk -v p="$parse_s" -v w="$wc_s" -v f="$full_s" 'BEGIN { printf "  parse / wc -w (C) CPU time: %.2fx (%.2fx with sentences and output)", p / w, f / w }')"
[ -n "$wcu_s" ] && say "$(awk -v p="$parse_s" -v w="$wcu_s" 'BEGIN { printf "  parse / wc -w (UTF-8) CPU time: %.2fx", p / w }')"
say "  (wc reads the files from the page cache; the parser gets them in memory)"
say "  files that did not parse: $failed"

sample=$shared/samples/000_f972b47517299ea5.txt
if [ -f "$sample" ]; then
  $pin "$bp" --runs "$runs" --repeat 200 "$sample" >"$tmp" || exit 1
  s_mbs=$(field mb_per_s "$tmp")
  $pin "$bp" --runs "$runs" --repeat 200 --full "$sample" >"$tmp" || exit 1
  s_full=$(field mb_per_s "$tmp")
  say ""
  say "bilingual sample $(basename "$sample") ($(wc -c <"$sample" | tr -d ' ') bytes) x 200:"
  say "  parse $s_mbs MB/s; parse+sentences+JSON+text $s_full MB/s"
fi

# Peak RSS: every file in a fresh process (read, parse, sentences, JSON).
# shellcheck disable=SC2046
"$bp" --rss $(cat "$list") >"$tmp" || { echo "bench: rss run failed" >&2; exit 1; }
say ""
say "peak RSS (each file in a fresh process; limit 4 x size + 16 MB):"
awk '{
  peak = $1; size = $3; limit = 4 * size / 1024 + 16384; r = peak / limit
  if (peak > limit) over++
  if (r > worst_r) { worst_r = r; wp = peak; wl = limit; ws = size; wf = $4 }
  if (size > big_s) { big_s = size; bp = peak; bl = limit; bf = $4 }
  if (peak > max_p) max_p = peak
} END {
  printf "  largest input (%d bytes, %s): peak %d KB, limit %d KB\n", big_s, bf, bp, bl
  printf "  closest to its limit (%d bytes, %s): peak %d KB = %.0f%% of %d KB\n", ws, wf, wp, 100 * worst_r, wl
  printf "  highest peak: %d KB; files over the limit: %d of %d\n", max_p, over + 0, NR
}' "$tmp" | tee -a "$out"
over=$(awk '{ if ($1 > 4 * $3 / 1024 + 16384) n++ } END { print n + 0 }' "$tmp")
# One large input: every transcript concatenated into one document.
# shellcheck disable=SC2046
"$bp" --rss-concat $(cat "$list") >"$tmp.big" || { echo "bench: rss-concat run failed" >&2; exit 1; }
say "$(awk '{ limit = 4 * $3 / 1024 + 16384
  printf "  all %d bytes as one document: peak %d KB = %.0f%% of its limit %d KB (%.2f s CPU with sentences and JSON)", $3, $1, 100 * $1 / limit, limit, $4 }' "$tmp.big")"
over=$((over + $(awk '{ print ($1 > 4 * $3 / 1024 + 16384) ? 1 : 0 }' "$tmp.big")))
rm -f "$tmp.big"
big_file=$(awk '{ if ($3 > s) { s = $3; f = $4 } } END { print f }' "$tmp")
if [ -x /usr/bin/time ] && [ -x "$cli" ]; then
  /usr/bin/time -v "$cli" parse --json --sentences -q "$big_file" -o /dev/null 2>"$tmp" >/dev/null
  say "  /usr/bin/time -v earnest parse --json --sentences (largest): $(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp") KB"
fi
rm -f "$tmp"

say ""
verdict=0
if awk -v m="$parse_mbs" 'BEGIN { exit !(m >= 200) }'; then
  say "throughput: $parse_mbs MB/s >= 200 MB/s target: PASS"
else
  say "throughput: $parse_mbs MB/s < 200 MB/s target: BELOW TARGET"
  verdict=1
fi
if [ "$over" -eq 0 ]; then say "memory: every file within 4 x size + 16 MB: PASS"; else
  say "memory: $over files over 4 x size + 16 MB: OVER"
  verdict=1
fi
# Facts: the share of the numbers in the val reference summaries that are
# among the extracted facts' values (bench/facts_recall.py).
if command -v python3 >/dev/null 2>&1 && [ -x "$cli" ] && [ -d "$data/val/gt_summaries" ]; then
  say ""
  say "facts recall on ECTSum val reference numbers:"
  python3 "$src/bench/facts_recall.py" "$cli" "$data/val" | sed 's/^/  /' | tee -a "$out"
fi

# Batch digest speed on ECTSum val (bench/digest_speed.sh): CPU time of
# the full digest of every val call, and -j 2 against -j 1.
if command -v bash >/dev/null 2>&1 && [ -x "$cli" ]; then
  say ""
  say "digest speed (earnest digest -o DIR, ECTSum val):"
  BUILD=$build EA_SHARED=$shared BENCH_RUNS=$runs BENCH_STRICT=1 bash "$src/bench/digest_speed.sh" >"$tmp.ds"
  ds_rc=$?
  sed -n '/^  /p; /PASS\|BELOW\|one core only/p' "$tmp.ds" | sed 's/^  //; s/^/  /' | tee -a "$out"
  rm -f "$tmp.ds"
  [ "$ds_rc" -eq 0 ] || verdict=1
fi

# Chinese parse + facts (bench/zh_speed.sh): its corpus is built in a
# temporary directory and removed.
say ""
say "Chinese parse + facts (bench/zh_speed.sh):"
BUILD=$build EA_SHARED=$shared BENCH_RUNS=$runs BENCH_STRICT=1 sh "$src/bench/zh_speed.sh" >"$tmp.zh"
zh_rc=$?
sed 's/^/  /' "$tmp.zh" | tee -a "$out"
rm -f "$tmp.zh"
[ "$zh_rc" -eq 0 ] || verdict=1

say ""
if awk -v b="$bytes" -v t="$facts_s" 'BEGIN { exit !(b / t / 1e6 >= 50) }'; then
  say "facts throughput >= 50 MB/s target: PASS"
else
  say "facts throughput below the 50 MB/s target"
  verdict=1
fi
say "(full mode: $full_mbs MB/s)"
[ "${BENCH_STRICT:-0}" = 1 ] && exit "$verdict"
exit 0

#!/usr/bin/env bash
# Batch digest speed on the ECTSum val transcripts (never the test split),
# read in place under ../shared (never copied): `earnest digest -o DIR` over
# every val call, headline bullets and the full digest, with -j 1 and -j 2.
#
#   bash bench/digest_speed.sh            # also run by bench/run.sh
#   BUILD=build-x BENCH_RUNS=9 bash bench/digest_speed.sh
#
# Targets (from the issue): the full digest of all val calls in under 1 s of
# CPU (user + sys, about 4 ms a call with parse and facts); -j 2 close to
# twice the throughput of -j 1 (wall time; needs 2 idle cores).
# Figures are the best of BENCH_RUNS runs. Outputs go to a RAM file system
# (/dev/shm, or BENCH_OUT) so that the figures are the tool's, and once more
# to TMPDIR's disk, where each output's fsync adds I/O waits.
# BENCH_STRICT=1: exit 1 when a target is missed.
set -u
. "$(dirname "$0")/env.sh"
runs=${BENCH_RUNS:-5}
cli=$build/earnest
[ -x "$cli" ] || { echo "digest_speed: $cli not built (make build)" >&2; exit 1; }
val=$shared/data/ectsum/val/ects
[ -d "$val" ] || { echo "digest_speed: no $val" >&2; exit 1; }
mapfile -t files < <(find "$val" -type f -name '*.txt' | LC_ALL=C sort)
n=${#files[@]}
[ "$n" -gt 0 ] || { echo "digest_speed: no transcripts in $val" >&2; exit 1; }

disk=$(mktemp -d "${TMPDIR:-/tmp}/earnest-digest-speed.XXXXXX") || exit 1
ram_base=${BENCH_OUT:-/dev/shm}
ram=
if [ -d "$ram_base" ] && [ -w "$ram_base" ]; then ram=$(mktemp -d "$ram_base/earnest-digest-speed.XXXXXX") || ram=; fi
trap 'rm -rf "$disk" ${ram:+"$ram"}' EXIT INT TERM
tmp=${ram:-$disk}
TIMEFORMAT='%R %U %S'

# once ARGS... : one batch run into $tmp/out; sets wall and cpu (user + sys).
once() {
  local t u s written
  rm -rf "$tmp/out"
  t=$({ time "$cli" -q digest "$@" -o "$tmp/out" "${files[@]}" 2>"$tmp/err"; } 2>&1) || {
    echo "digest_speed: earnest digest $* failed:" >&2
    head -n 5 "$tmp/err" >&2
    exit 1
  }
  written=$(find "$tmp/out" -type f | wc -l)
  [ "$written" -eq "$n" ] || { echo "digest_speed: $written of $n outputs written" >&2; exit 1; }
  read -r wall u s <<<"$t"
  cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }

# pair ARGS... : -j 1 and -j 2 in turn, `runs` times each (taking turns, so
# that both see the same machine); sets w1 c1 w2 c2, each the best run.
pair() {
  w1= c1= w2= c2=
  local i
  for ((i = 0; i < runs; i++)); do
    once "$@" -j 1
    w1=$(min "$wall" "$w1") c1=$(min "$cpu" "$c1")
    once "$@" -j 2
    w2=$(min "$wall" "$w2") c2=$(min "$cpu" "$c2")
  done
}

row() { # row LABEL WALL CPU
  awk -v l="$1" -v w="$2" -v c="$3" -v n="$n" 'BEGIN {
    printf "  %-26s %7.3f s wall %7.3f s CPU %8.1f calls/s %6.2f ms CPU a call\n", l, w, c, n / w, 1000 * c / n }'
}

cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "earnest digest speed  $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: ${cpu_model:-unknown CPU}, nproc $(nproc 2>/dev/null || echo ?), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
echo "commit:  $(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo ?)$(git -C "$src" diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "data:    ECTSum val, $n transcripts; earnest -q digest [--bullets] -j N -o DIR FILES..., best of $runs runs"
echo "output:  $tmp ($(df -T "$tmp" 2>/dev/null | awk 'NR == 2 { print $2 }')); disk rows: $disk ($(df -T "$disk" 2>/dev/null | awk 'NR == 2 { print $2 }'))"
echo

verdict=0
full_cpu=
declare -A wall_of
for mode in bullets full; do
  if [ "$mode" = bullets ]; then pair --bullets; else pair; fi
  wall_of[${mode}1]=$w1 wall_of[${mode}2]=$w2
  row "$mode, -j 1" "$w1" "$c1"
  row "$mode, -j 2" "$w2" "$c2"
  if [ "$mode" = full ]; then full_cpu=$c1; fi
done
if [ "$tmp" != "$disk" ]; then
  tmp=$disk
  pair
  wall_of[disk1]=$w1 wall_of[disk2]=$w2
  row "full, -j 1, on disk" "$w1" "$c1"
  row "full, -j 2, on disk" "$w2" "$c2"
fi
echo
for mode in bullets full ${wall_of[disk1]:+disk}; do
  awk -v m="$mode" -v a="${wall_of[${mode}1]}" -v b="${wall_of[${mode}2]}" \
    'BEGIN { printf "  %-8s -j 2 / -j 1 throughput: %.2fx\n", m, a / b }'
done
echo "  (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?))"
echo
if awk -v c="$full_cpu" 'BEGIN { exit !(c < 1) }'; then
  echo "full digest of $n calls in $full_cpu s CPU (< 1 s): PASS"
else
  echo "full digest of $n calls in $full_cpu s CPU (target < 1 s): BELOW TARGET"
  verdict=1
fi
ratio=$(awk -v a="${wall_of[full1]}" -v b="${wall_of[full2]}" 'BEGIN { printf "%.2f", a / b }')
if [ "$(nproc 2>/dev/null || echo 1)" -lt 2 ]; then
  echo "-j 2 / -j 1 = ${ratio}x: one core only, not measured against the target"
elif awk -v r="$ratio" 'BEGIN { exit !(r >= 1.8) }'; then
  echo "-j 2 / -j 1 = ${ratio}x (>= 1.8x): PASS"
else
  echo "-j 2 / -j 1 = ${ratio}x (target about 2x, >= 1.8x): BELOW TARGET (is the other core busy? load above)"
  verdict=1
fi
[ "${BENCH_STRICT:-0}" = 1 ] && exit "$verdict"
exit 0

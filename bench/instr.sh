#!/bin/sh
# Parse + facts work counted in instructions, not seconds: this machine is a
# VM whose host speed changes from hour to hour (the same binary has timed
# 58 MB/s and 29 MB/s on an idle guest), so a speed change between two
# builds is measured by the instructions each executes on the same files.
# Runs `bench_parse --runs 1 --facts` under cachegrind (no cache model) on
# every fifth ECTSum train+val transcript (386 files, about 7 MB; never the
# test split), read in place under ../shared.
#
#   sh bench/instr.sh                        # build/
#   sh bench/instr.sh build-old build        # compare two builds
#
# Prints, for each build, the instructions and the ratio to the first one.
# Multiply a timed MB/s of the first build by the inverse ratio to place
# the others on the same scale.
set -u
. "$(dirname "$0")/env.sh"
data=$shared/data/ectsum
command -v valgrind >/dev/null || { echo "bench: valgrind not installed (apt-get install valgrind)" >&2; exit 1; }
[ $# -gt 0 ] || set -- build
list=$(mktemp "${TMPDIR:-/tmp}/earnest-instr.XXXXXX") || exit 1
trap 'rm -f "$list"' EXIT INT TERM
for d in "$data/train/ects" "$data/val/ects"; do
  [ -d "$d" ] || { echo "bench: no $d" >&2; exit 1; }
  find "$d" -type f -name '*.txt'
done | LC_ALL=C sort | awk 'NR % 5 == 0' >"$list"
first=
for b in "$@"; do
  case $b in /*) ;; *) b=$src/$b ;; esac
  bp=$b/bench_parse
  [ -x "$bp" ] || { echo "bench: $bp not built" >&2; exit 1; }
  # shellcheck disable=SC2046
  n=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$bp" --runs 1 --facts $(cat "$list") 2>&1 >/dev/null |
      sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d ,)
  [ -n "$n" ] || { echo "bench: no instruction count for $b" >&2; exit 1; }
  [ -n "$first" ] || first=$n
  echo "$b: $n instructions, $(awk -v a="$n" -v f="$first" 'BEGIN { printf "%.3f", a / f }') x the first"
done

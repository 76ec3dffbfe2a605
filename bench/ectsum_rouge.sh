#!/bin/sh
# Bullet-summary quality on ECTSum val: `earnest digest --bullets` for every
# val transcript, scored with ../shared/tools/ectsum_eval.py as it is
# (ROUGE-1/2/L F1, numeric precision against the transcript, numeric recall
# of reference values). Reads ../shared in place; never the test split.
#
#   sh bench/ectsum_rouge.sh            # val
#   SPLIT=train sh bench/ectsum_rouge.sh
#
# Targets (issue 4): ROUGE-1 >= 0.47, ROUGE-2 >= 0.30, ROUGE-L >= 0.38,
# numeric precision >= 0.99.
set -u
. "$(dirname "$0")/env.sh"
split=${SPLIT:-val}
case $split in train|val) ;; *) echo "bench: SPLIT must be train or val" >&2; exit 2 ;; esac
cli=$build/earnest
data=$shared/data/ectsum/$split
[ -x "$cli" ] || { echo "bench: $cli not built (make build)" >&2; exit 1; }
[ -d "$data/ects" ] || { echo "bench: no $data/ects" >&2; exit 1; }
out=$(mktemp -d "${TMPDIR:-/tmp}/earnest-rouge.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT INT TERM
for f in "$data"/ects/*.txt; do
  "$cli" digest --bullets -q "$f" >"$out/$(basename "$f")" 2>/dev/null || : >"$out/$(basename "$f")"
done
python3 "$shared/tools/ectsum_eval.py" "$data" "$out"

#!/bin/sh
# `earnest verify` on every ECTSum val reference summary, against its own
# transcript: what a number checker finds in summaries written by people.
# Reads ../shared in place (val only; never the test split, never copied).
#
#   sh bench/verify_refs.sh              # counts
#   EXAMPLES=5 sh bench/verify_refs.sh   # and up to 5 findings of each kind
#
# Prints: summaries checked, lines, numbers, numbers stated / derived, the
# findings by kind, and the share of summaries with any finding.
set -u
. "$(dirname "$0")/env.sh"
cli=$build/earnest
data=$shared/data/ectsum/val
[ -x "$cli" ] || { echo "bench: $cli not built (make build)" >&2; exit 1; }
[ -d "$data/gt_summaries" ] || { echo "bench: no $data/gt_summaries" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: needs python3" >&2; exit 1; }
out=$(mktemp -d "${TMPDIR:-/tmp}/earnest-verify.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT INT TERM

errors=0
for s in "$data"/gt_summaries/*.txt; do
  b=$(basename "$s")
  "$cli" verify -q --json "$s" --against "$data/ects/$b" >"$out/$b.json" 2>"$out/$b.err"
  rc=$?
  # 0: no findings, 1: findings; anything else is an error to report
  if [ "$rc" -gt 1 ]; then
    errors=$((errors + 1))
    echo "bench: $b: exit $rc: $(head -n 1 "$out/$b.err")" >&2
    rm -f "$out/$b.json"
  fi
done

python3 - "$out" "${EXAMPLES:-0}" "$errors" <<'PY'
import glob, json, os, sys
out, examples, errors = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
kinds = ["unstated", "wrong_scale", "wrong_sign", "wrong_unit", "wrong_period",
         "citation_unsupported", "citation_out_of_range"]
tot = dict(summaries=0, lines=0, numbers=0, stated=0, derived=0, citations=0)
by = {k: 0 for k in kinds}
with_any = 0
numbers_with = 0
seen = {k: [] for k in kinds}
for p in sorted(glob.glob(os.path.join(out, "*.json"))):
    j = json.load(open(p))
    tot["summaries"] += 1
    for k in ("lines", "numbers", "stated", "derived", "citations"):
        tot[k] += j[k]
    for k in kinds:
        by[k] += j["counts"][k]
    if j["findings"]:
        with_any += 1
    for f in j["findings"]:
        if f["kind"] in seen and len(seen[f["kind"]]) < examples:
            src = f["source"]
            seen[f["kind"]].append("%s:%d: %s | %s%s" % (
                os.path.basename(p)[:-5], f["line"], f["line_text"][:120], f["text"],
                (" | call [%d] %s" % (src["para"], src["text"])) if src else ""))
n = tot["numbers"] or 1
s = tot["summaries"] or 1
print("summaries checked       %d (errors %d)" % (tot["summaries"], errors))
print("lines                   %d" % tot["lines"])
print("numbers                 %d" % tot["numbers"])
print("  stated                %d (%.1f%%)" % (tot["stated"], 100.0 * tot["stated"] / n))
print("  derived               %d (%.1f%%)" % (tot["derived"], 100.0 * tot["derived"] / n))
print("  with a finding        %d (%.1f%%)" % (tot["numbers"] - tot["stated"] - tot["derived"],
                                             100.0 * (tot["numbers"] - tot["stated"] - tot["derived"]) / n))
print("citations               %d" % tot["citations"])
print("findings                %d" % sum(by.values()))
for k in kinds:
    print("  %-21s %d" % (k, by[k]))
print("summaries with any      %d of %d (%.1f%%)" % (with_any, tot["summaries"], 100.0 * with_any / s))
for k in kinds:
    for line in seen[k]:
        print("example %-21s %s" % (k, line))
PY

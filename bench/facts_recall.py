#!/usr/bin/env python3
"""Share of the numbers in ECTSum reference summaries that appear among the
values of the facts earnest extracts from the transcript.

usage: bench/facts_recall.py EARNEST SPLIT_DIR [--list]
A reference number counts as found when it equals (after the scorer's
normalisation) a fact's value, range end, or year-over-year / sequential
change, in any of the scales a summary may use (units, thousands, millions,
billions). Years (1990-2100) are reported separately: they are periods, not
values. Uses the scorer's number pattern (../shared/tools/ectsum_eval.py).
"""
import json, os, re, subprocess, sys

NUM = re.compile(r"(?<![a-z0-9])\d[\d,]*(?:\.\d+)?")

def norm(x):
    return ("%.6f" % x).rstrip("0").rstrip(".")

def ref_numbers(text):
    out = []
    for m in NUM.findall(text.lower()):
        try:
            out.append(float(m.replace(",", "")))
        except ValueError:
            pass
    return out

def fact_forms(facts):
    forms = set()
    for f in facts:
        vals = []
        for k in ("value", "low", "high", "yoy_pct", "qoq_pct"):
            v = f.get(k)
            if v is not None:
                vals.append(abs(v))
        for v in vals:
            for d in (1, 1e3, 1e6, 1e9, 1e12):
                x = v / d
                for r in (x, round(x, 2), round(x, 1), round(x)):
                    forms.add(norm(r))
    return forms

def main():
    earnest, split = sys.argv[1], sys.argv[2]
    show = "--list" in sys.argv
    names = sorted(os.listdir(os.path.join(split, "gt_summaries")))
    total = found = years = years_found = stated = stated_found = 0
    for name in names:
        ref = open(os.path.join(split, "gt_summaries", name), encoding="utf8").read()
        if not ref.strip():
            continue
        src = os.path.join(split, "ects", name)
        out = subprocess.run([earnest, "facts", "--json", "-q", src], capture_output=True, text=True)
        if out.returncode != 0:
            print("failed:", name, out.stderr.strip(), file=sys.stderr)
            continue
        forms = fact_forms(json.loads(out.stdout)["facts"])
        src_nums = {norm(x) for x in ref_numbers(open(src, encoding="utf8").read())}
        for x in ref_numbers(ref):
            is_year = x == int(x) and 1990 <= x <= 2100
            hit = norm(x) in forms
            if is_year:
                years += 1
                years_found += hit
                continue
            total += 1
            found += hit
            if norm(x) in src_nums:
                stated += 1
                stated_found += hit
            if show and not hit:
                print("%s: %s" % (name, norm(x)))
    print("reference numbers (years excluded): %d, found among fact values: %d, share %.4f"
          % (total, found, found / total if total else 0))
    print("of them stated in the transcript (the scorer's number match): %d, found: %d, share %.4f"
          % (stated, stated_found, stated_found / stated if stated else 0))
    print("years in references: %d (periods, not values; %d equal a fact value)" % (years, years_found))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How often the call period earnest infers from a transcript's text is
right, on ECTSum train or val (never the test split): the file names carry
the fiscal quarter and year (PH_q1_2021.txt is fiscal Q1 2021).

usage: bench/period_accuracy.py EARNEST SPLIT_DIR
Prints the share of calls whose quarter, year and both are right, the calls
with no period, and how far off the wrong years are.
"""
import collections, json, os, subprocess, sys

def main():
    earnest, split = sys.argv[1], sys.argv[2]
    d = os.path.join(split, "ects")
    n = q_ok = y_ok = both = none = 0
    off = collections.Counter()
    for f in sorted(os.listdir(d)):
        parts = f[:-4].split("_")
        q, y = parts[-2][1:], parts[-1]
        out = subprocess.run([earnest, "parse", "--json", "-q", os.path.join(d, f)], capture_output=True, text=True)
        p = (json.loads(out.stdout)["call"].get("period") or "") if out.returncode == 0 else ""
        n += 1
        if not p:
            none += 1
            continue
        q_ok += p[5:] == q
        y_ok += p[:4] == y
        both += p == "%sQ%s" % (y, q)
        if p[:4] != y and p[:4].isdigit():
            off[int(p[:4]) - int(y)] += 1
    print("calls %d: quarter right %.1f%%, year right %.1f%%, both %.1f%%, no period %d"
          % (n, 100.0 * q_ok / n, 100.0 * y_ok / n, 100.0 * both / n, none))
    print("wrong years, by how far off: %s" % dict(sorted(off.items())))

if __name__ == "__main__":
    main()

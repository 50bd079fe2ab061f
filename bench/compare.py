#!/usr/bin/env python3
"""Compares two bench reports (bench/run.sh --json FILE) and fails on a regression.

Usage: bench/compare.py OLD.json NEW.json [--threshold 0.10] [--ratios-only]

Prints every figure and ratio present in both, with its change. A same-run ratio (a figure against its
baseline measured in the same run) compares across machines; an absolute figure only on the same
machine, so --ratios-only skips those. Exit status 1 when anything got worse by more than the threshold
(10 % by default), 2 when the reports cannot be read.
"""
import argparse
import json
import sys


def refuse(message):
    print(f"compare: {message}", file=sys.stderr)
    sys.exit(2)


def load(path):
    try:
        with open(path) as f:
            r = json.load(f)
    except (OSError, ValueError) as e:
        refuse(f"cannot read {path}: {e}")
    if not isinstance(r, dict) or r.get("format") != "estore-bench-report/1":
        refuse(f"{path} is not a bench report (bench/run.sh --json)")
    return r


def worse_by(old, new, lower_is_better):
    """How much worse new is than old, as a fraction (negative: better)."""
    if old == 0:
        return 0.0
    change = (new - old) / old
    return change if lower_is_better else -change


def compare(old, new, threshold, ratios_only):
    regressions, lines = [], []
    for name in sorted(set(old["ratios"]) & set(new["ratios"])):
        a, b = old["ratios"][name], new["ratios"][name]
        w = worse_by(a["ratio"], b["ratio"], a["lower_is_better"])
        lines.append((w, f"ratio  {name} vs {b['baseline']}: {a['ratio']:.3f} -> {b['ratio']:.3f} ({w:+.1%} worse)"))
        if w > threshold:
            regressions.append(name)
    if not ratios_only:
        lower = new["lower_is_better"]
        for name in sorted(set(old["figures"]) & set(new["figures"])):
            a, b = old["figures"][name]["values"], new["figures"][name]["values"]
            for metric in sorted(set(a) & set(b)):
                w = worse_by(a[metric], b[metric], lower.get(metric, True))
                lines.append((w, f"figure {name} {metric}: {a[metric]:.4g} -> {b[metric]:.4g} ({w:+.1%} worse)"))
                if w > threshold:
                    regressions.append(f"{name} {metric}")
    for _, line in lines:
        print(line)
    gone = sorted(set(old["figures"]) - set(new["figures"]))
    if gone:
        print("not in the new report: " + ", ".join(gone))
    return regressions


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--threshold", type=float, default=0.10)
    p.add_argument("--ratios-only", action="store_true")
    a = p.parse_args()
    old, new = load(a.old), load(a.new)
    print(f"old: {old['version']} ({old['commit']}), new: {new['version']} ({new['commit']})")
    regressions = compare(old, new, a.threshold, a.ratios_only)
    if regressions:
        print(f"REGRESSION beyond {a.threshold:.0%}: " + "; ".join(regressions))
        return 1
    print(f"no regression beyond {a.threshold:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

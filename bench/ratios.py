#!/usr/bin/env python3
"""Prints each benchmark's median as a ratio against its baseline measured in the same run."""
import json
import sys

# benchmark -> the baseline it is reported against
BASELINES = {
    "BM_LoadWixPluginAndCreateStore": "BM_DlopenEmptyLibrary",
    "BM_ParseAndMapOrder": "BM_ParseOrderOnly",
}


def medians(results):
    out = {}
    for b in results["benchmarks"]:
        if b.get("aggregate_name", "median") == "median":
            out[b.get("run_name", b["name"])] = b
    return out


def main(path):
    with open(path) as f:
        m = medians(json.load(f))
    for name, base in BASELINES.items():
        if name in m and base in m:
            a, b = m[name]["real_time"], m[base]["real_time"]
            print(f"{name}: {a:.1f} {m[name]['time_unit']} median = {a / b:.1f} x {base} ({b:.1f} {m[base]['time_unit']})")
    for name, b in sorted(m.items()):
        if name.startswith("BM_ValidateAgainstSandbox"):
            calls = b.get("wix_calls_per_validate", 0)
            print(f"{name}: {b['real_time']:.0f} {b['time_unit']} median per validate(), {calls:.0f} Wix calls each")


if __name__ == "__main__":
    main(sys.argv[1])

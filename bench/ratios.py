#!/usr/bin/env python3
"""Prints each benchmark's median as a ratio against its baseline measured in the same run."""
import argparse
import json
import sys

# benchmark -> the baseline it is reported against
BASELINES = {
    "BM_LoadWixPluginAndCreateStore": "BM_DlopenEmptyLibrary",
    "BM_ParseAndMapOrder": "BM_ParseOrderOnly",
    "BM_StoreOrdersAsPage": "BM_StoreOrdersOneByOne",
    "BM_ImportCashOrderVerifiedByFurs": "BM_ImportCardOrderWithoutFurs",
}


# The orders page of a store with 100,000 orders against the same kind of page of a store with 1,000.
ADMIN_SMALL_PAGE = {1: "BM_AdminOrdersPage/orders:1000/page:1", 1000: "BM_AdminOrdersPage/orders:1000/page:20"}


def medians(results):
    out = {}
    for b in results["benchmarks"]:
        if b.get("aggregate_name", "median") == "median":
            out[b.get("run_name", b["name"]).split("/iterations")[0].split("/real_time")[0]] = b
    return out


def read(paths):
    """The medians of every suite's output, and the machine context of the first."""
    m, context = {}, {}
    for path in paths:
        with open(path) as f:
            results = json.load(f)
        m.update(medians(results))
        context = context or results.get("context", {})
    return m, context


# Counters that are figures (bigger or smaller is better), kept in the report besides the times.
HIGHER_IS_BETTER = ("items_per_second", "bytes_per_second")
LOWER_IS_BETTER = ("cpu_time", "real_time", "p50_us", "p99_us", "p50_ms", "p99_ms", "max_ms", "peak_heap_MiB",
                   "wix_calls", "wix_requests")


def report(m, context, version, commit):
    """One JSON document a platform team keeps per release: every figure and every same-run ratio."""
    figures = {}
    for name, b in sorted(m.items()):
        values = {k: b[k] for k in HIGHER_IS_BETTER + LOWER_IS_BETTER if k in b}
        figures[name] = {"time_unit": b.get("time_unit", ""), "values": values}
    ratios = {}
    for name, base in BASELINES.items():
        if name in m and base in m:
            ratios[name] = {"baseline": base, "metric": "cpu_time", "lower_is_better": True,
                            "ratio": m[name]["cpu_time"] / m[base]["cpu_time"]}
    for clients in (8, 32):
        a, b = m.get(f"BM_WebhookIntake/clients:{clients}"), m.get(f"BM_BarePocoServer/clients:{clients}")
        if a and b:
            ratios[f"BM_WebhookIntake/clients:{clients}"] = {
                "baseline": f"BM_BarePocoServer/clients:{clients}", "metric": "items_per_second",
                "lower_is_better": False, "ratio": a["items_per_second"] / b["items_per_second"]}
    for page in (1, 1000):
        a, b = m.get(f"BM_AdminOrdersPage/orders:100000/page:{page}"), m.get(ADMIN_SMALL_PAGE[page])
        if a and b:
            ratios[f"BM_AdminOrdersPage/orders:100000/page:{page}"] = {
                "baseline": ADMIN_SMALL_PAGE[page], "metric": "items_per_second",
                "lower_is_better": False, "ratio": a["items_per_second"] / b["items_per_second"]}
    metrics = {k: False for k in HIGHER_IS_BETTER}
    metrics.update({k: True for k in LOWER_IS_BETTER})
    return {"format": "estore-bench-report/1", "version": version, "commit": commit,
            "lower_is_better": metrics,
            "machine": {k: context.get(k) for k in ("host_name", "num_cpus", "mhz_per_cpu", "date",
                                                     "library_build_type")},
            "figures": figures, "ratios": ratios}


def main(paths):
    m, _ = read(paths)
    for name, base in BASELINES.items():
        if name in m and base in m:
            a, b = m[name]["cpu_time"], m[base]["cpu_time"]
            unit = m[name]["time_unit"]
            print(f"{name}: {a:.1f} {unit} CPU median = {a / b:.2f} x {base} ({b:.1f} {m[base]['time_unit']})")
    for clients in (8, 32):
        a, b = m.get(f"BM_WebhookIntake/clients:{clients}"), m.get(f"BM_BarePocoServer/clients:{clients}")
        if a and b:
            print(f"BM_WebhookIntake/clients:{clients}: {a['items_per_second']:.0f} req/s = "
                  f"{a['items_per_second'] / b['items_per_second']:.2f} x BM_BarePocoServer ({b['items_per_second']:.0f} req/s); "
                  f"p50 {a['p50_us']:.0f} us, p99 {a['p99_us']:.0f} us, {a.get('per_commit', 0):.1f} requests per commit")
    for prefix, what in (("BM_DispatchJobs", "jobs dispatched/s"), ("BM_WebhookIntakeWorkers", "webhook requests/s")):
        one = m.get(prefix + "/workers:1")
        for n in (1, 2, 3):
            b = m.get(f"{prefix}/workers:{n}")
            if b and one:
                extra = f"; p50 {b['p50_us']:.0f} us, p99 {b['p99_us']:.0f} us" if "p50_us" in b else ""
                print(f"{prefix}/workers:{n}: {b['items_per_second']:.1f} {what} = "
                      f"{b['items_per_second'] / one['items_per_second']:.2f} x 1 worker{extra}")
    for name, b in sorted(m.items()):
        if name.startswith("BM_ImportOrdersFromSandbox"):
            print(f"{name}: {b['orders']:.0f} orders in {b['real_time']:.0f} {b['time_unit']}, "
                  f"{b['wix_requests']:.0f} Wix requests, peak heap {b['peak_heap_MiB']:.2f} MiB")
        if name.startswith("BM_PlaceToStored"):
            print(f"{name}: placed in the sandbox -> stored by estore-host run: p50 {b['p50_ms']:.0f} ms, "
                  f"p99 {b['p99_ms']:.0f} ms, max {b['max_ms']:.0f} ms (target p99 < 100 ms), "
                  f"{b['not_stored_in_5s']:.0f} not stored within 5 s")
        if name.startswith("BM_ImportCashOrderVerifiedByFurs") or name.startswith("BM_ImportCardOrderWithoutFurs"):
            print(f"{name}: {b['items_per_second']:.0f} orders/s, import call to stored invoice"
                  f"{' and EOR' if 'Cash' in name else ''}: p50 {b['p50_ms']:.2f} ms, p99 {b['p99_ms']:.2f} ms")
        if name.startswith("BM_StockDiff"):
            print(f"{name}: diff of {b['skus']:.0f} SKUs in memory ({b['changed']:.0f} changed): "
                  f"{b['cpu_time']:.1f} {b['time_unit']} CPU")
        if name.startswith("BM_IntakeOnly"):
            print(f"{name}: {b['items_per_second']:.0f} requests/s through the intake (journal, then moved into the inbox) from 8 threads without HTTP, "
                  f"{b['per_commit']:.1f} per commit")
        if name.startswith("BM_StockPush"):
            print(f"{name}: {b['skus']:.0f} SKUs, {b['pushed']:.0f} pushed in {b['real_time']:.0f} {b['time_unit']}, "
                  f"{b['wix_calls']:.0f} Wix calls ({b['read_calls']:.0f} reads, {b['write_calls']:.0f} writes; "
                  f"the sandbox answered {b['sandbox_reads']:.0f} reads, {b['sandbox_writes']:.0f} writes)")
        if name.startswith("BM_Admin"):
            line = (f"{name}: {b['items_per_second']:.0f} requests/s from 8 signed-in clients, "
                    f"p50 {b['p50_us'] / 1000:.1f} ms, p99 {b['p99_us'] / 1000:.1f} ms")
            for page, small in ADMIN_SMALL_PAGE.items():
                if name == f"BM_AdminOrdersPage/orders:100000/page:{page}" and small in m:
                    line += f" = {b['items_per_second'] / m[small]['items_per_second']:.2f} x {small}"
            print(line)
        if name.startswith("BM_ValidateAgainstSandbox"):
            calls = b.get("wix_calls_per_validate", 0)
            print(f"{name}: {b['real_time']:.0f} {b['time_unit']} median per validate(), {calls:.0f} Wix calls each")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--json":
        parser = argparse.ArgumentParser()
        parser.add_argument("--json", required=True)
        parser.add_argument("--version", default="")
        parser.add_argument("--commit", default="")
        parser.add_argument("outputs", nargs="+")
        a = parser.parse_args(args)
        figures, context = read(a.outputs)
        with open(a.json, "w") as f:
            json.dump(report(figures, context, a.version, a.commit), f, indent=2, sort_keys=True)
    else:
        main(args)

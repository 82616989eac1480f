#!/usr/bin/env python3
"""Runs healthact_bench and prints its figures with the ratios that matter.

usage: bench/report.py [BUILD_DIR]   (default: build)
"""
import json
import os
import platform
import subprocess
import sys


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    binary = os.path.join(build, "bench", "healthact_bench")
    out = subprocess.run(
        [binary, "--benchmark_format=json", "--benchmark_repetitions=3",
         "--benchmark_report_aggregates_only=true"],
        check=True, capture_output=True, text=True).stdout
    runs = {b["run_name"]: b for b in json.loads(out)["benchmarks"]
            if b.get("aggregate_name") == "median"}

    def ns_per_item(name):
        b = runs[name]
        return 1e9 / b["items_per_second"]

    print(f"machine: {platform.node()}, {os.cpu_count()} cores; command: bench/report.py {build}")
    print("| figure | value |")
    print("| --- | --- |")
    for name, b in runs.items():
        if name.startswith("BM_ParseFramework") or name.startswith("BM_FormatFramework"):
            print(f"| {name} | {b['bytes_per_second'] / 1e6:.1f} MB/s "
                  f"({b['real_time']:.1f} {b['time_unit']} per run) |")
    dec, dbl = ns_per_item("BM_CompareDecimal"), ns_per_item("BM_CompareDouble")
    print(f"| comparison target, Decimal | {dec:.2f} ns per check |")
    print(f"| comparison target, double (baseline) | {dbl:.2f} ns per check |")
    print(f"| ratio Decimal / double | {dec / dbl:.2f}x |")
    print(f"| Decimal::Parse | {ns_per_item('BM_ParseDecimal'):.1f} ns per value |")
    print()
    print("| units × 26 indicators | exact Assess (verdicts/s) | naive double (verdicts/s) | "
          "ratio | column bytes/value | peak RSS | peak RSS bytes/value |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for units in (3000, 40000, 500000):
        exact = runs.get(f"BM_AssessExact/{units}")
        naive = runs.get(f"BM_AssessNaiveDouble/{units}")
        if not exact or not naive:
            continue
        e, d = exact["verdicts_per_second"], naive["verdicts_per_second"]
        print(f"| {units} | {e / 1e6:.1f} M | {d / 1e6:.1f} M | {d / e:.2f}x | "
              f"{exact['column_bytes_per_value']:.1f} | {exact['peak_rss_MB']:.0f} MB | "
              f"{exact['peak_rss_bytes_per_value']:.1f} |")


if __name__ == "__main__":
    main()

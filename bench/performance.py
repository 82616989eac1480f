#!/usr/bin/env python3
"""The performance record: runs the Google Benchmark suites and the Python
ingestion benchmark, and writes docs/performance.md from their JSON.

usage: python3 bench/performance.py [BUILD_DIR] [--output docs/performance.md]

Each assessment size runs in its own process, so that its peak memory is its
own.  Medians of 3 repetitions.  Takes a few minutes; run it on an idle
machine.
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


# glibc settings under which freed memory stays in the process: no trimming of
# the heap's top, no mmap for large blocks.
KEEP_HEAP = "glibc.malloc.trim_threshold=4000000000:glibc.malloc.mmap_threshold=4000000000"


def bench(binary, pattern, env=None):
    out = subprocess.run(
        [binary, f"--benchmark_filter={pattern}", "--benchmark_format=json",
         "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"],
        check=True, capture_output=True, text=True,
        env=None if env is None else {**os.environ, **env}).stdout
    return {b["run_name"]: b for b in json.loads(out)["benchmarks"]
            if b.get("aggregate_name") == "median"}


def python_ingest(build, values):
    env = dict(os.environ, HEALTHACT_LIBRARY=os.path.join(build, "libhealthact.so.1"),
               PYTHONPATH=os.path.join(SOURCE, "bindings", "python"))
    out = subprocess.run([sys.executable, os.path.join(HERE, "python_ingest.py"), str(values)],
                         check=True, capture_output=True, text=True, env=env).stdout
    return float(out.strip().splitlines()[-1].split(":")[-1].split()[0])  # M values/s


def frame_ingest(build, values):
    """(categorical frame, string frame, add_batch lists) in M values/s, or
    None without Debian's pandas (/usr/bin/python3)."""
    python = "/usr/bin/python3"
    if not os.path.exists(python):
        return None
    env = dict(os.environ, HEALTHACT_LIBRARY=os.path.join(build, "libhealthact.so.1"),
               PYTHONPATH=os.path.join(SOURCE, "bindings", "python"))
    run = subprocess.run([python, os.path.join(HERE, "frame_ingest.py"), str(values)],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        return None
    return [float(x) for x in run.stdout.strip().splitlines()[-1].split(":")[1].split()]


def end_to_end(build, binary):
    """The section on the whole path: bench/end_to_end.py (healthact assess
    and pandas as whole processes, taking turns) and the stages of
    bench/ingest_bench.cc."""
    lines = ["## The whole path: data file to ranking, against pandas", "",
             "`python3 bench/end_to_end.py " + build + "`: `healthact assess examples/liuzhou.ha DATA.csv "
             "--year 2022 --format table|csv|json` and the same assessment in pandas "
             "(`bench/pandas_assess.py`: read_csv, pivot, compare each target, score, grade, rank; Debian's "
             "python3-pandas) as whole processes taking turns, medians of 3; the script checks that both "
             "give every unit the same rank, score and grade.", "",
             "| units (rows, file) | healthact table | pandas | pandas / healthact | csv / table | "
             "json / table | peak memory: table, csv, json, pandas (× file) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    if not os.path.exists("/usr/bin/python3"):
        return lines + ["", "(no pandas under /usr/bin/python3)", ""]
    out = subprocess.run([sys.executable, os.path.join(HERE, "end_to_end.py"), build],
                         check=True, capture_output=True, text=True).stdout
    for size in json.loads(out)["sizes"]:
        t = size["seconds"]
        peaks = ", ".join(f"{size['peak_bytes'][n] / size['file_bytes']:.1f}"
                          for n in ("table", "csv", "json", "pandas"))
        lines.append(f"| {size['units']:,} ({size['rows'] / 1e6:.2f} M, {size['file_bytes'] / 1e6:.0f} MB) | "
                     f"{t['table']:.2f} s | {t['pandas']:.2f} s | {size['pandas_over_table']:.1f}× | "
                     f"{size['csv_over_table']:.1f}× | {size['json_over_table']:.1f}× | {peaks} |")
    stages = bench(binary, "BM_ReadDataFile|BM_AssessRead|BM_Print")
    read = stages["BM_ReadDataFile/40000"]
    lines += ["", "Where the time goes at 40 000 units, stage by stage in one process "
              "(`bench/ingest_bench.cc`):", "", "| stage | time | rate |", "| --- | ---: | ---: |",
              f"| read the data file | {read['real_time']:.0f} ms | {read['bytes_per_second'] / 1e6:.0f} MB/s, "
              f"{read['rows_per_second'] / 1e6:.1f} M rows/s |",
              f"| assess | {stages['BM_AssessRead/40000']['real_time']:.1f} ms | |"]
    for name, label in (("BM_PrintTable", "print the table"), ("BM_PrintCsv", "print CSV (every reason)"),
                        ("BM_PrintJson", "print JSON (every reason)")):
        b = stages[f"{name}/40000"]
        lines.append(f"| {label} | {b['real_time']:.0f} ms | {b['bytes_per_second'] / 1e6:.0f} MB/s |")
    return lines + [""]


def interfaces(build):
    """The section on the interfaces: bench/interfaces.py (the command line, a
    C program and a Python script reading the same file and ranking it, as
    whole processes taking turns)."""
    lines = ["## Every interface: the command line, C and Python", "",
             "`python3 bench/interfaces.py " + build + "`: the same generated data file read, assessed "
             "and ranked by `healthact assess --format ranking`, by `bench/rank_data.c` over the C "
             "interface and by `bench/rank_data.py` over the Python binding, each reading the file "
             "mapped by the library (`read_file`) or as a text it was handed (`read_csv`); whole "
             "processes taking turns, medians of 5, outputs checked identical. The read call's own "
             "time is the C and Python programs' clock around it.", "",
             "| units | tool | C, file | C, text | Python, file | Python, text | read call: C file, C text, "
             "Python file, Python text | peak (× file): tool, C file, C text, Python file, Python text |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    if not os.path.exists(os.path.join(build, "bench", "rank_data")):
        return lines + ["", "(bench/rank_data was not built)", ""]
    out = subprocess.run([sys.executable, os.path.join(HERE, "interfaces.py"), build],
                         check=True, capture_output=True, text=True).stdout
    ways = ("c_file", "c_text", "python_file", "python_text")
    for size in json.loads(out)["sizes"]:
        t, over, read = size["seconds"], size["over_tool"], size["read_seconds"]
        cells = " | ".join(f"{t[w]:.2f} s ({over[w]:.2f}×)" for w in ways)
        reads = ", ".join(f"{read[w]:.2f} s" for w in ways)
        peaks = ", ".join(f"{size['peak_bytes'][w] / size['file_bytes']:.1f}" for w in ("tool",) + ways)
        lines.append(f"| {size['units']:,} | {t['tool']:.2f} s | {cells} | {reads} | {peaks} |")
    return lines + [""]


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{platform.node()}, {model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--output", default=os.path.join(SOURCE, "docs", "performance.md"))
    args = parser.parse_args()
    binary = os.path.join(args.build, "bench", "healthact_bench")
    command = f"python3 bench/performance.py {args.build}"
    lines = ["# Performance record", "",
             f"Machine: {machine()}.  ",
             f"Measured {time.strftime('%Y-%m-%d')} with `{command}` (Release-with-debug-info "
             "build, one core, medians of 3 repetitions; Google Benchmark JSON turned into these "
             "tables by the script).", "",
             "The machine is a shared virtual machine: absolute figures move between runs (the "
             "same binary gave 95 M and 60 M exact verdicts per second at 40 000 units on two "
             "hosts on 2026-11-25), so compare the ratios within one run, not absolute figures "
             "across runs.", ""]

    small = bench(binary, "BM_ParseFramework|BM_FormatFramework|BM_Compare|BM_ParseDecimal|"
                          "BM_ImportSeedTable|BM_CApiAssessOneCounty|BM_CppAssessOneCounty|"
                          "BM_CApiAddPacked|BM_CApiAddCoded|BM_CApiValidateUnit")
    lines += ["## Text", "", "| figure | value |", "| --- | --- |"]
    for n in (1000, 10000, 100000):
        b = small.get(f"BM_ParseFramework/{n}")
        if b:
            lines.append(f"| DSL parse and check, {n} indicators ({b['bytes'] / 1e6:.1f} MB) | "
                         f"{b['bytes_per_second'] / 1e6:.1f} MB/s |")
    b = small["BM_FormatFramework/10000"]
    lines.append(f"| canonical printer, 10 000 indicators | {b['bytes_per_second'] / 1e6:.1f} MB/s |")
    b = small["BM_ImportSeedTable"]
    lines.append(f"| import of the Liuzhou seed table (26 indicators, read + import + check) | "
                 f"{b['real_time']:.0f} µs ({b['bytes_per_second'] / 1e6:.1f} MB/s) |")
    dec = 1e9 / small["BM_CompareDecimal"]["items_per_second"]
    dbl = 1e9 / small["BM_CompareDouble"]["items_per_second"]
    lines.append(f"| one comparison target, Decimal | {dec:.2f} ns |")
    lines.append(f"| the same in double (baseline) | {dbl:.2f} ns |")
    lines.append(f"| ratio Decimal / double | {dec / dbl:.2f}× |")
    lines.append(f"| Decimal::Parse | {1e9 / small['BM_ParseDecimal']['items_per_second']:.1f} ns |")
    capi = small["BM_CApiAssessOneCounty"]["real_time"]
    cpp = small["BM_CppAssessOneCounty"]["real_time"]
    unit = small["BM_CApiAssessOneCounty"]["time_unit"]
    lines.append(f"| one county assessed through the C interface (hact_assess) | {capi:.2f} {unit} |")
    lines.append(f"| the same through the C++ API | {cpp:.2f} {unit} |")
    lines.append(f"| C interface overhead | {capi / cpp:.2f}× |")
    lines.append(f"| one unit's figures checked through hact_validate_unit | "
                 f"{small['BM_CApiValidateUnit']['real_time']:.2f} {unit} |")
    lines.append("")

    lines += ["## Assessment at national scale", "",
              "26 indicators of the Liuzhou framework per unit; verdicts per second on one core; "
              "the naive evaluator holds a `double` per value in the same binary.", "",
              "| units | exact (verdicts/s) | naive double (verdicts/s) | double / exact | "
              "column bytes per value | peak RSS | peak RSS per value |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    exact = {}
    for n in (300, 3000, 30000, 4000, 40000, 400000, 50000, 500000, 5000000):
        exact[n] = bench(binary, f"^BM_AssessExact/{n}$")[f"BM_AssessExact/{n}"]
    for n in (3000, 40000, 500000):
        e = exact[n]
        d = bench(binary, f"^BM_AssessNaiveDouble/{n}$")[f"BM_AssessNaiveDouble/{n}"]
        ev, dv = e["verdicts_per_second"], d["verdicts_per_second"]
        lines.append(f"| {n:,} | {ev / 1e6:.1f} M | {dv / 1e6:.1f} M | {dv / ev:.2f} | "
                     f"{e['column_bytes_per_value']:.1f} | {e['peak_rss_MB']:.0f} MB | "
                     f"{e['peak_rss_bytes_per_value']:.1f} B |")
    lines += ["", "Each call builds a fresh result (≈ 80 bytes a unit) and its temporaries; with "
              "glibc's defaults the heap is trimmed after each call and every page is faulted in "
              "again on the next, which costs more than the verdicts.  The same runs with "
              f"`GLIBC_TUNABLES={KEEP_HEAP}` (freed memory stays in the process):", "",
              "| units | exact (verdicts/s) | naive double (verdicts/s) | double / exact |",
              "| ---: | ---: | ---: | ---: |"]
    for n in (40000, 500000):
        kept = bench(binary, f"^BM_Assess(Exact|NaiveDouble)/{n}$", {"GLIBC_TUNABLES": KEEP_HEAP})
        ev = kept[f"BM_AssessExact/{n}"]["verdicts_per_second"]
        dv = kept[f"BM_AssessNaiveDouble/{n}"]["verdicts_per_second"]
        lines.append(f"| {n:,} | {ev / 1e6:.1f} M | {dv / 1e6:.1f} M | {dv / ev:.2f} |")
    parents = bench(binary, "^BM_AssessExactUnderParents/")
    lines += ["", "Under parents (villages in townships of 13: ranks within each township too):", "",
              "| units + parents | exact (verdicts/s) |", "| ---: | ---: |"]
    for n in (40000, 500000):
        p = parents[f"BM_AssessExactUnderParents/{n}"]
        lines.append(f"| {n:,} + {p['parents']:,.0f} | {p['verdicts_per_second'] / 1e6:.1f} M |")
    lines += ["", "### Scaling: 10× fewer and 10× more units", "",
              "Time per verdict at each size against the middle size; linear scaling keeps it "
              "near 1.", "",
              "| sizes | ns per verdict | relative to the middle |", "| --- | --- | --- |"]
    for base in (3000, 40000, 500000):
        sizes = (base // 10, base, base * 10)
        ns = [1e9 / exact[n]["verdicts_per_second"] for n in sizes]
        lines.append(f"| {' / '.join(f'{n:,}' for n in sizes)} | "
                     f"{' / '.join(f'{x:.2f}' for x in ns)} | "
                     f"{' / '.join(f'{x / ns[1]:.2f}' for x in ns)} |")
    lines.append("")

    lines += ["## Python batch ingestion", "",
              "`Observations.add_batch` through ctypes (one packed buffer per column), best of 3, "
              "`HEALTHACT_LIBRARY=build/libhealthact.so.1 PYTHONPATH=bindings/python python3 "
              "bench/python_ingest.py N`.", "",
              "| values | M values/s |", "| ---: | ---: |"]
    for n in (100_000, 1_000_000, 10_000_000):
        lines.append(f"| {n:,} | {python_ingest(args.build, n):.2f} |")
    packed = small["BM_CApiAddPacked/1000000"]["items_per_second"]
    lines += ["", f"The library's share: `hact_observations_add_packed` alone takes the same "
              f"1 000 000 values at {packed / 1e6:.2f} M values/s (`BM_CApiAddPacked`); the rest "
              "of the Python time is joining and encoding the columns.", ""]

    lines += ["## Python ingestion from a DataFrame", "",
              "`Observations.from_frame` through `hact_observations_add_coded` (units and keys as codes, "
              "values as doubles, no string per value), best of 3, "
              "`HEALTHACT_LIBRARY=build/libhealthact.so.1 PYTHONPATH=bindings/python /usr/bin/python3 "
              "bench/frame_ingest.py N` (Debian's python3-pandas); the baseline is `add_batch` from "
              "Python lists of the same values in the same run.", "",
              "| values | categorical frame (M values/s) | string columns (M values/s) | add_batch (M values/s) "
              "| categorical / add_batch |", "| ---: | ---: | ---: | ---: | ---: |"]
    for n in (1_000_000, 10_000_000):
        figures = frame_ingest(args.build, n)
        if figures is None:
            lines.append(f"| {n:,} | (no pandas under /usr/bin/python3) | | | |")
            continue
        coded, strings, listed = figures
        lines.append(f"| {n:,} | {coded:.2f} | {strings:.2f} | {listed:.2f} | {coded / listed:.1f}× |")
    coded_c = small["BM_CApiAddCoded/1000000"]["items_per_second"]
    lines += ["", f"The library's share: `hact_observations_add_coded` alone takes 1 000 000 values at "
              f"{coded_c / 1e6:.2f} M values/s (`BM_CApiAddCoded`), {coded_c / packed:.1f}× "
              "`hact_observations_add_packed` on the same values in the same run; the rest of the "
              "Python time is pandas' (codes, `to_numpy`) and the observations' copy for all or nothing."]
    lines.append("")

    lines += end_to_end(args.build, binary)
    lines += interfaces(args.build)

    text = "\n".join(lines)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The whole path, as a user runs it: `healthact assess` from the data file to
the ranking, beside the same assessment written in pandas
(bench/pandas_assess.py, under Debian's /usr/bin/python3), as whole processes
taking turns in one run.  Generates the data sets (Liuzhou's framework, 28
rows a unit), checks that healthact and pandas give every unit the same rank,
score and grade, and prints one JSON object: per size, the median wall time
and peak memory of each run, and their ratios.

usage: python3 bench/end_to_end.py [BUILD_DIR] [--sizes 40000,500000] [--repetitions 3]
                                  [--baseline OTHER_BUILD_DIR]

With --baseline, another build's `healthact` (an earlier commit's) takes the
same turns, and its times over this build's are printed as well: a change's
gain measured in one run, on a machine whose speed varies.

bench/performance.py calls it and writes its figures into docs/performance.md.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
FRAMEWORK = os.path.join(SOURCE, "examples", "liuzhou.ha")
PANDAS = "/usr/bin/python3"

# Liuzhou's 2022 targets (examples/liuzhou.ha) as the pandas script reads
# them: a bare target is a floor or a ceiling by the indicator's 方向.
TARGETS = """indicator,rule,threshold
1,≥,77.8
2,≤,6.0
3,≤,6.5
4,≤,17
5,≥,90.86
6,≥,22
7,≥,37
8,≤,15.9
9,≥,2.8
10,≤,27.5
11,实现,
12,实现,
13,≥,80
14,≥,98
15,≥,80
16,≥,50
17,≥,100
18,≥,1
19,≥,70
20,≥,80
21,明显下降,10
22,≥,53
23,≥,60
24,≥,60
25,parts,25.1:100;25.2:70
26,>,90
"""

# Plausible figures, one decimal, around each target: some units meet it,
# some do not.
SPREADS = {"1": (74, 80), "2": (2, 8), "3": (3, 9), "4": (10, 20), "5": (85, 99), "6": (15, 30),
           "7": (30, 45), "8": (12, 19), "9": (2, 4), "10": (24, 30), "13": (75, 90), "14": (95, 100),
           "15": (75, 90), "16": (45, 60), "17": (98, 100), "18": (0.8, 1.5), "19": (65, 80),
           "20": (75, 90), "22": (50, 60), "23": (55, 70), "24": (55, 70), "26": (88, 99)}


def generate(units, path):
    rng = random.Random(units)
    with open(path, "w", encoding="utf-8") as out:
        out.write("unit,indicator,year,value\n")
        for u in range(units):
            name = f"单位{u:07d}"
            rows = []
            infant = 0.0
            for key, (low, high) in SPREADS.items():
                value = round(rng.uniform(low, high), 1)
                if key == "2":
                    infant = value
                if key == "3":
                    value = round(max(value, infant + 0.1), 1)  # [3] ≥ [2], as real figures are
                rows.append(f"{name},{key},2022,{value}\n")
            for key in ("11", "12"):
                rows.append(f"{name},{key},2022,{'实现' if rng.random() < 0.8 else '未实现'}\n")
            rows.append(f"{name},25.1,2022,{rng.choice((100, 100, 95))}\n")
            rows.append(f"{name},25.2,2022,{round(rng.uniform(60, 80), 1)}\n")
            rows.append(f"{name},21,2021,{round(rng.uniform(10, 20), 1)}\n")
            rows.append(f"{name},21,2022,{round(rng.uniform(8, 20), 1)}\n")
            out.write("".join(rows))


def run(command, output, env=None):
    """Wall seconds, peak resident bytes and what it wrote on stderr, of one
    whole process whose standard output goes to `output`."""
    with open(output, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        stderr = process.stderr.read().decode()
        process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed: {stderr}")
    return wall, usage.ru_maxrss * 1024, stderr


def ranks_of_table(path):
    ranks = {}
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines()[2:]:
            fields = line.split()
            ranks[fields[1]] = (int(fields[0]), fields[2], fields[3])
    return ranks


def ranks_of_pandas(path):
    ranks = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            rank, unit, score, grade = line.split()
            ranks[unit] = (int(rank), score, grade)
    return ranks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--sizes", default="40000,500000")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--baseline", help="another build directory, timed in the same turns")
    args = parser.parse_args()
    tool = os.path.join(args.build, "tools", "healthact")
    baseline = os.path.join(args.baseline, "tools", "healthact") if args.baseline else None
    results = {"sizes": []}
    with tempfile.TemporaryDirectory() as work:
        targets = os.path.join(work, "targets.csv")
        with open(targets, "w", encoding="utf-8") as f:
            f.write(TARGETS)
        for units in (int(s) for s in args.sizes.split(",")):
            data = os.path.join(work, f"data-{units}.csv")
            generate(units, data)
            runs = {
                "table": [tool, "assess", FRAMEWORK, data, "--year", "2022", "--format", "table"],
                "csv": [tool, "assess", FRAMEWORK, data, "--year", "2022", "--format", "csv"],
                "json": [tool, "assess", FRAMEWORK, data, "--year", "2022", "--format", "json"],
                "pandas": [PANDAS, os.path.join(HERE, "pandas_assess.py"), data, targets, "2022"],
            }
            if baseline:
                for form in ("table", "csv", "json"):
                    runs[f"baseline_{form}"] = [baseline] + runs[form][1:]
            times = {name: [] for name in runs}
            peaks = {name: [] for name in runs}
            for _ in range(args.repetitions):  # taking turns, so that the machine's moods fall on all
                for name, command in runs.items():
                    wall, peak, _ = run(command, os.path.join(work, f"out-{name}"))
                    times[name].append(wall)
                    peaks[name].append(peak)
            ours, theirs = ranks_of_table(os.path.join(work, "out-table")), ranks_of_pandas(os.path.join(work, "out-pandas"))
            differ = [u for u in ours if ours[u] != theirs.get(u)]
            if len(ours) != units or len(theirs) != units or differ:
                sys.exit(f"{units} units: healthact and pandas differ on {len(differ)} units, e.g. "
                         f"{[(u, ours[u], theirs.get(u)) for u in differ[:3]]}")
            median = {name: statistics.median(t) for name, t in times.items()}
            size = {"units": units, "rows": units * 28, "file_bytes": os.path.getsize(data),
                    "seconds": median, "peak_bytes": {n: max(p) for n, p in peaks.items()},
                    "pandas_over_table": median["pandas"] / median["table"],
                    "csv_over_table": median["csv"] / median["table"],
                    "json_over_table": median["json"] / median["table"]}
            if baseline:
                size["baseline_over_this"] = {form: median[f"baseline_{form}"] / median[form]
                                              for form in ("table", "csv", "json")}
            results["sizes"].append(size)
            os.remove(data)
    json.dump(results, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The same data file read and assessed through every interface: the command
line, a C program over the C interface (bench/rank_data.c) and a Python
script over the binding (bench/rank_data.py), each reading the file mapped by
the library (read_file) or as a text it was handed (read_csv).  Whole
processes taking turns, so that the machine's moods fall on all; each prints
the ranking (`healthact assess ... --format ranking`), and the outputs must be
identical.  Issue 15 asks the C reader and Python's at the tool's speed.

usage: python3 bench/interfaces.py [BUILD] [--sizes 40000,500000] [--repetitions 5]
Prints JSON: per size, median wall seconds and peak bytes of each way, the
read call's own median seconds (C and Python say it on stderr), and each
way's wall time over the tool's.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from end_to_end import FRAMEWORK, generate, run  # noqa: E402  the same data as the pandas comparison


def read_seconds(stderr):
    """The read call's seconds that the C and Python programs print, or None."""
    for line in stderr.splitlines():
        if line.startswith("read_seconds="):
            return float(line.split("=", 1)[1])
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--sizes", default="40000,500000")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    tool = os.path.join(build, "tools", "healthact")
    client = os.path.join(build, "bench", "rank_data")
    python = "/usr/bin/python3"
    env = dict(os.environ, HEALTHACT_LIBRARY=os.path.join(build, "libhealthact.so.1"),
               PYTHONPATH=os.path.join(SOURCE, "bindings", "python"))
    script = os.path.join(HERE, "rank_data.py")
    results = {"sizes": []}
    with tempfile.TemporaryDirectory() as work:
        for units in (int(s) for s in args.sizes.split(",")):
            data = os.path.join(work, f"data-{units}.csv")
            generate(units, data)
            ways = {
                "tool": [tool, "assess", FRAMEWORK, data, "--year", "2022", "--format", "ranking"],
                "c_file": [client, FRAMEWORK, data, "2022", "file"],
                "c_text": [client, FRAMEWORK, data, "2022", "text"],
                "python_file": [python, script, FRAMEWORK, data, "2022", "file"],
                "python_text": [python, script, FRAMEWORK, data, "2022", "text"],
            }
            walls = {name: [] for name in ways}
            peaks = {name: [] for name in ways}
            reads = {name: [] for name in ways}
            for _ in range(args.repetitions):
                for name, command in ways.items():
                    wall, peak, stderr = run(command, os.path.join(work, f"out-{name}"), env)
                    read = read_seconds(stderr)
                    walls[name].append(wall)
                    peaks[name].append(peak)
                    if read is not None:
                        reads[name].append(read)
            with open(os.path.join(work, "out-tool"), "rb") as f:
                expected = f.read()
            for name in ways:
                with open(os.path.join(work, f"out-{name}"), "rb") as f:
                    if f.read() != expected:
                        sys.exit(f"{units} units: the ranking of {name} differs from the tool's")
            ranked = expected.count(b"\n")
            if ranked != units:
                sys.exit(f"{units} units: the tool ranked {ranked} units")
            median = {name: statistics.median(w) for name, w in walls.items()}
            results["sizes"].append({
                "units": units, "file_bytes": os.path.getsize(data), "seconds": median,
                "read_seconds": {name: statistics.median(r) for name, r in reads.items() if r},
                "peak_bytes": {name: max(p) for name, p in peaks.items()},
                "over_tool": {name: median[name] / median["tool"] for name in ways if name != "tool"},
            })
            os.remove(data)
    json.dump(results, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

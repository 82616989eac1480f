#!/usr/bin/env python3
"""Python batch ingestion through the ctypes binding, in values per second.

usage: HEALTHACT_LIBRARY=build/libhealthact.so.1 PYTHONPATH=bindings/python \\
       python3 bench/python_ingest.py [VALUES]   (default 1 000 000)
"""
import os
import platform
import sys
import time

import healthact


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    keys = [str(k) for k in range(1, 27)]
    units = [f"单位{i // 26}" for i in range(n)]
    key_column = [keys[i % 26] for i in range(n)]
    years = [2022] * n
    values = [f"{(i * 37) % 10000 / 100:.2f}" for i in range(n)]
    best = None
    for _ in range(3):
        with healthact.Observations() as data:
            start = time.perf_counter()
            data.add_batch(units, key_column, years, values)
            elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"machine: {platform.node()}, {os.cpu_count()} cores; command: "
          f"python3 bench/python_ingest.py {n}")
    print(f"{n} values in {best:.3f} s (best of 3): {n / best / 1e6:.2f} M values/s")


if __name__ == "__main__":
    main()

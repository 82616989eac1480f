#!/usr/bin/python3
"""Ingestion from a pandas DataFrame (Observations.from_frame), in values per
second, against the list-based add_batch on the same values in the same run:
a frame with categorical units and keys (as pandas keeps a column of few
distinct strings) and the same frame with plain string columns (as read_csv
gives them; they are coded by pandas.factorize), both with float values, one
in 50 not reported.  The last line is the figures, for bench/performance.py.

usage: HEALTHACT_LIBRARY=build/libhealthact.so.1 PYTHONPATH=bindings/python \\
       /usr/bin/python3 bench/frame_ingest.py [VALUES]   (default 1 000 000)
(Debian's /usr/bin/python3, which sees python3-pandas.)
"""
import os
import platform
import sys
import time

import numpy
import pandas

import healthact


def best_of(runs, body):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        body()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    keys = [str(k) for k in range(1, 27)]
    rows = numpy.arange(n)
    values = ((rows * 37) % 10000) / 100.0
    values[rows % 50 == 0] = numpy.nan  # one value in 50 not reported
    frame = pandas.DataFrame({
        "unit": pandas.Categorical.from_codes(rows // 26, [f"单位{i}" for i in range((n + 25) // 26)]),
        "indicator": pandas.Categorical.from_codes(rows % 26, keys),
        "year": numpy.full(n, 2022, dtype=numpy.int32),
        "value": values,
    })
    lists = (frame["unit"].astype(str).tolist(), frame["indicator"].astype(str).tolist(),
             frame["year"].tolist(), [None if v != v else repr(v) for v in values.tolist()])

    strings = frame.assign(unit=frame["unit"].astype(str).astype(object),
                           indicator=frame["indicator"].astype(str).astype(object))

    def from_frame():
        healthact.Observations.from_frame(frame).close()

    def from_strings():
        healthact.Observations.from_frame(strings).close()

    def from_lists():
        with healthact.Observations() as data:
            data.add_batch(*lists)

    frame_time = best_of(3, from_frame)
    strings_time = best_of(3, from_strings)
    list_time = best_of(3, from_lists)
    print(f"machine: {platform.node()}, {os.cpu_count()} cores; pandas {pandas.__version__}; "
          f"command: /usr/bin/python3 bench/frame_ingest.py {n}")
    print(f"from_frame: {n} values in {frame_time:.3f} s (best of 3): {n / frame_time / 1e6:.2f} M values/s")
    print(f"from_frame, string columns: {n / strings_time / 1e6:.2f} M values/s")
    print(f"add_batch from lists (baseline, same run): {n / list_time / 1e6:.2f} M values/s; "
          f"from_frame / add_batch = {list_time / frame_time:.2f}x")
    print(f"figures: {n / frame_time / 1e6:.2f} {n / strings_time / 1e6:.2f} {n / list_time / 1e6:.2f}")


if __name__ == "__main__":
    main()

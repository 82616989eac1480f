"""The whole path through Python's binding, as an analyst's script takes it:
parses a framework, reads a data file, assesses a year and prints the
ranking, one unit a line (rank, unit, score, grade, tab-separated: the lines
of `healthact assess ... --format ranking`).  On stderr, the seconds the
binding's read call took.  bench/interfaces.py times it against the tool.

usage: python3 rank_data.py FRAMEWORK.ha DATA.csv YEAR file|text
  file: Observations.read_file (the library maps the file)
  text: the file read into Python as bytes, then Observations.read_csv
Needs the binding on PYTHONPATH (bindings/python) and HEALTHACT_LIBRARY.
"""
import sys
import time

import healthact


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("file", "text"):
        sys.exit(__doc__)
    framework_path, data_path, year, how = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    framework = healthact.Framework.load(framework_path)
    observations = healthact.Observations(framework)
    if how == "file":
        start = time.perf_counter()
        observations.read_file(data_path, framework)
    else:
        with open(data_path, "rb") as f:
            text = f.read()
        start = time.perf_counter()  # the binding's read of the text, not the file's into memory
        observations.read_csv(text, data_path, framework)
    print(f"read_seconds={time.perf_counter() - start:.6f}", file=sys.stderr)
    assessment = framework.assess(observations, year)
    lines = [f"{u['rank']}\t{u['unit']}\t{u['score']}\t{u['grade']}\n" for u in assessment.units()]
    sys.stdout.write("".join(lines))


if __name__ == "__main__":
    main()

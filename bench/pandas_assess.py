#!/usr/bin/python3
"""The Liuzhou assessment of one year written in pandas, as an analyst would:
read the data file, pivot it to a unit × indicator table, compare each
indicator with its target, score (the share of indicators met, × 100, to two
decimals), grade and rank.  The baseline of bench/end_to_end.py, which runs it
as a whole process beside `healthact assess` and checks that both give the
same ranks.

usage: /usr/bin/python3 bench/pandas_assess.py DATA.csv TARGETS.csv YEAR

TARGETS.csv: indicator,rule,threshold, one row an indicator; rule is one of
≥ > ≤ 实现 parts (every part's own ≥ threshold, written "25.1:100;25.2:70")
or 明显下降 (below the year before by at least threshold per cent of it).
Prints one line a unit, best first: rank, unit, score, grade.
"""
import sys

import numpy as np
import pandas as pd


def main():
    data_file, targets_file, year = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = pd.read_csv(data_file, dtype={"unit": str, "indicator": str, "value": str})
    targets = pd.read_csv(targets_file, dtype=str)
    this = data[data["year"] == year].pivot(index="unit", columns="indicator", values="value")
    before = data[data["year"] == year - 1].pivot(index="unit", columns="indicator", values="value")
    met = pd.DataFrame(index=this.index)
    for _, target in targets.iterrows():
        key, rule, threshold = target["indicator"], target["rule"], target["threshold"]
        if rule == "实现":
            met[key] = this.get(key) == "实现"
        elif rule == "parts":
            ok = pd.Series(True, index=this.index)
            for part in threshold.split(";"):
                name, floor = part.split(":")
                ok &= pd.to_numeric(this.get(name), errors="coerce") >= float(floor)
            met[key] = ok
        elif rule == "明显下降":
            # In tenths, so that the boundary (a fall of exactly 10%) is exact.
            now = (pd.to_numeric(this.get(key), errors="coerce") * 10).round()
            then = (pd.to_numeric(before.get(key), errors="coerce") * 10).round().reindex(this.index)
            met[key] = now * 100 <= then * (100 - float(threshold))
        else:
            value = pd.to_numeric(this.get(key), errors="coerce")
            t = float(threshold)
            met[key] = {"≥": value >= t, ">": value > t, "≤": value <= t}[rule]
    met = met.fillna(False).astype(bool)
    score = (met.sum(axis=1) * 10000 / len(targets)).round().astype(np.int64)  # hundredths
    result = pd.DataFrame({"unit": met.index, "score": score.values})
    result["rank"] = result["score"].rank(method="min", ascending=False).astype(np.int64)
    result["grade"] = np.select([result["score"] >= 9000, result["score"] >= 8000, result["score"] >= 6000],
                                ["优秀", "良好", "合格"], "不合格")
    result = result.sort_values(["rank", "unit"])
    out = [f"{r} {u} {s // 100}.{s % 100:02d} {g}"
           for r, u, s, g in zip(result["rank"], result["unit"], result["score"], result["grade"])]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

"""pandas frames in and out: Observations.from_frame, Assessment.to_frame.

Needs pandas (Debian's python3-pandas, under /usr/bin/python3); ctest runs
it there with HEALTHACT_REQUIRE_PANDAS=1, so that a missing pandas fails
instead of skipping."""
import decimal
import os
import unittest

import healthact

try:
    import numpy
    import pandas
except ImportError:  # pragma: no cover - see the module's note
    if os.environ.get("HEALTHACT_REQUIRE_PANDAS"):
        raise
    pandas = None

EXAMPLES = os.environ.get("HEALTHACT_EXAMPLES",
                          os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples"))


@unittest.skipIf(pandas is None, "pandas is not installed")
class FrameTest(unittest.TestCase):
    def setUp(self):
        self.city = healthact.Framework.load(os.path.join(EXAMPLES, "zhangye.ha"))

    def tearDown(self):
        self.city.close()

    def test_a_frame_in_the_data_files_shape(self):
        frame = pandas.DataFrame({
            "单位": pandas.Categorical(["甘州区", "甘州区", "甘州区", "临泽县", "临泽县"]),
            "指标": ["2", "25.1", "11", "2", "1"],
            "年份": numpy.array([2022] * 5, dtype=numpy.int64),
            "值": [3.84, 99, "实现", numpy.nan, None],
        })
        with healthact.Observations.from_frame(frame, self.city) as data, \
                self.city.assess(data, 2022) as result:
            table = result.to_frame()
        # 26 indicators and the 2 parts of 25, for each of the 2 units.
        self.assertEqual(len(table), 2 * 28)
        self.assertEqual(list(table.columns), ["unit", "indicator", "name", "status", "value", "target",
                                               "reason", "score", "rank", "grade"])
        self.assertEqual(str(table["status"].dtype), "category")
        row = table[(table.unit == "甘州区") & (table.indicator == "2")].iloc[0]
        self.assertEqual((row["name"], row["status"], row["value"], row["target"]),
                         ("婴儿死亡率", "met", "3.84", "≤6"))
        part = table[(table.unit == "甘州区") & (table.indicator == "25.1")].iloc[0]
        self.assertEqual((part["status"], part["value"], part["target"]), ("not_met", "99", "100"))
        self.assertEqual(table[(table.unit == "甘州区") & (table.indicator == "11")].iloc[0]["status"], "met")
        # NaN and None are nothing reported: missing, not a refused 'nan'.
        lz = table[table.unit == "临泽县"].set_index("indicator")
        self.assertEqual((lz.loc["2", "status"], lz.loc["1", "status"]), ("missing", "missing"))
        # 甘州区 meets 2 and 11 and nothing else it reported: its score and rank are the unit's.
        self.assertEqual(set(table.groupby("unit")["rank"].first()), {1, 2})
        self.assertIsInstance(row["score"], decimal.Decimal)

    def test_a_refused_row_is_named_by_the_frames_index_and_nothing_is_added(self):
        frame = pandas.DataFrame({"unit": ["甘州区", "甘州区", "甘州区"], "indicator": ["1", "2", "99"],
                                  "year": [2022, 2022, 2022], "value": ["75", "3", "1"]},
                                 index=["a", "b", "c"])
        with healthact.Observations(self.city) as data:
            with self.assertRaises(healthact.HealthactError) as caught:
                data.add_frame(frame)
            self.assertEqual(caught.exception.index, "c")
            with self.assertRaises(healthact.HealthactError):  # nothing was kept
                self.city.assess(data, 2022)
        frame.loc["c", "value"] = "7.4.6"
        frame.loc["c", "indicator"] = "3"
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Observations.from_frame(frame, self.city)
        self.assertEqual(caught.exception.index, "c")
        with self.assertRaises(ValueError):
            healthact.Observations.from_frame(frame.drop(columns=["year"]))
        frame.loc["b", "year"] = numpy.nan
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Observations.from_frame(frame)
        self.assertEqual(caught.exception.index, "b")

    def test_typed_columns_cross_without_strings(self):
        # A float column and categorical units and keys take the typed call:
        # 74.6 stays 74.6, 75.0 is written 75.0 as Python writes it, NaN is
        # nothing; a categorical value column brings 实现 as a text.
        frame = pandas.DataFrame({
            "unit": pandas.Categorical(["甘州区", "甘州区", "临泽县", "临泽县"]),
            "indicator": ["1", "2", "1", "2"],
            "year": [2022] * 4,
            "value": [74.6, 3.84, 75.0, numpy.nan],
        }, index=[10, 11, 12, 13])
        with healthact.Observations.from_frame(frame, self.city) as data, \
                self.city.assess(data, 2022) as result:
            table = result.to_frame()
        values = {(r.unit, r.indicator): (r.status, r.value) for r in table.itertuples()}
        self.assertEqual(values[("甘州区", "1")], ("met", "74.6"))    # ≥ 74.6
        self.assertEqual(values[("临泽县", "1")], ("met", "75.0"))
        self.assertEqual(values[("临泽县", "2")][0], "missing")
        # A refused row (an infinity, a key the framework lacks) names its label; nothing is kept.
        frame.loc[12, "value"] = numpy.inf
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Observations.from_frame(frame, self.city)
        self.assertEqual(caught.exception.index, 12)
        self.assertIn("无穷大不是可填报的值", caught.exception.message)
        frame.loc[12, "value"] = 75.0
        frame["indicator"] = ["1", "2", "99", "2"]
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Observations.from_frame(frame, self.city)
        self.assertEqual((caught.exception.index, caught.exception.status), (12, -3))
        words = pandas.DataFrame({"unit": ["甘州区", "临泽县"], "indicator": ["11", "11"], "year": [2022, 2022],
                                  "value": pandas.Categorical(["实现", None])})
        with healthact.Observations.from_frame(words, self.city) as data, \
                self.city.assess(data, 2022) as result:
            table = result.to_frame()
        statuses = {r.unit: r.status for r in table[table.indicator == "11"].itertuples()}
        self.assertEqual(statuses, {"甘州区": "met", "临泽县": "missing"})

    def test_findings_as_a_frame(self):
        frame = pandas.DataFrame({"unit": ["甘州区"], "indicator": ["1"], "year": [2022], "value": [999]})
        with healthact.Observations.from_frame(frame, self.city) as data, \
                self.city.assess(data, 2022) as result:
            findings = result.findings_frame()
            table = result.to_frame()
        self.assertEqual(list(findings.columns), ["unit", "rule", "kind", "severity", "indicators", "message"])
        self.assertEqual((findings.iloc[0]["kind"], findings.iloc[0]["severity"], findings.iloc[0]["indicators"]),
                         ("range", "error", "1"))
        self.assertEqual(table[table.indicator == "1"].iloc[0]["status"], "invalid")  # 999 岁 is not met

    def test_monitoring_as_a_frame(self):
        # 临泽县's life expectancy (1) over three years, against 2022's 74.6.
        frame = pandas.DataFrame({"unit": ["临泽县"] * 3, "indicator": ["1"] * 3, "year": [2020, 2021, 2022],
                                  "value": [75.6, 74.1, 75.8]})
        with healthact.Observations.from_frame(frame, self.city) as data:
            monitoring = healthact.monitoring_frame(self.city, data)
        one = monitoring[monitoring.indicator == "1"]
        self.assertEqual(list(one.year), [2020, 2021, 2022])
        self.assertEqual(list(one.value), ["75.6", "74.1", "75.8"])
        self.assertEqual(list(one.status), ["met", "not_met", "met"])  # 74.1 < 74.6
        self.assertEqual(one.iloc[0]["unit_of_measure"], "岁")

    def test_a_rounds_units_as_a_frame(self):
        import tempfile

        def read(name):
            with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
                return f.read()

        with tempfile.TemporaryDirectory() as work, healthact.Organisation.parse(read("zhangye.org.ha")) \
                as organisation, healthact.Observations() as units:
            units.read_units_csv(read("zhangye-units.csv"))
            with healthact.Round.create(os.path.join(work, "r.db"), self.city, organisation, units, 2022,
                                        level="县区", by="魏士博", at="2023-01-02") as r:
                r.submit("甘州区", "unit,indicator,year,value\n甘州区,1,2022,75.9\n", by="统计员",
                         at="2023-01-10T10:00:00")
                table = r.status_frame()
        self.assertEqual(list(table.columns), ["unit", "state", "revisions", "last_submitted", "late",
                                               "returned_reason"])
        self.assertEqual(list(table.unit)[:2], ["甘州区", "肃南裕固族自治县"])  # as the units file lists them
        self.assertEqual((table.iloc[0]["state"], table.iloc[0]["revisions"]), ("已提交", 1))
        self.assertEqual((table.iloc[1]["state"], table.iloc[1]["revisions"]), ("未提交", 0))


if __name__ == "__main__":
    unittest.main()

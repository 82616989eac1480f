"""The assessment round through Python: the six Zhangye counties' 2022 round,
opened, submitted, returned and resubmitted, accepted, spot-checked, approved
and published, and a trial of 2020 for a county framework that extends the
city's; each refusal the documents' procedure makes, worked by hand from
examples/ (the same round as tests/round_end_to_end.cmake)."""
import json
import os
import tempfile
import unittest

import healthact

EXAMPLES = os.environ.get("HEALTHACT_EXAMPLES",
                          os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples"))
COUNTIES = ["甘州区", "肃南裕固族自治县", "民乐县", "临泽县", "高台县", "山丹县"]


def read(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


def figures_of(county, year=2022):
    rows = [line for line in read("zhangye-counties-2020-2022.csv").splitlines()
            if line.startswith(county + ",") and line.split(",")[2] == str(year)]
    return "unit,indicator,year,value\n" + "\n".join(rows) + "\n"


class RoundTest(unittest.TestCase):
    def setUp(self):
        healthact.set_language("en")  # the messages are checked in English (Chinese is the default)
        self.work = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.work.name, "round.db")
        self.framework = healthact.Framework.parse(read("zhangye.ha"), "zhangye.ha")
        self.organisation = healthact.Organisation.parse(read("zhangye.org.ha"), "zhangye.org.ha")
        self.units = healthact.Observations()
        self.units.read_units_csv(read("zhangye-units.csv"))

    def tearDown(self):
        self.work.cleanup()
        healthact.set_language("zh")

    def open_round(self, **choice):
        return healthact.Round.create(self.path, self.framework, self.organisation, self.units, 2022,
                                      level="县区", group=["宋生礼", "曹俊"], deadline="2023-01-15T18:00:00",
                                      by="魏士博", at="2023-01-02T09:00:00", **choice)

    def test_a_whole_round(self):
        with self.open_round() as r:
            status = r.status()
            self.assertEqual((status["year"], status["kind"], status["state"], status["events"]),
                             (2022, "official", "收集中", 1))
            self.assertEqual([u["unit"] for u in status["units"]], COUNTIES)
            with self.assertRaises(healthact.HealthactError) as caught:
                r.submit("临泽县", figures_of("甘州区"), by="统计员", at="2023-01-10T10:00:00")
            self.assertIn("has figures of '甘州区', not only of '临泽县'", caught.exception.message)
            for county in COUNTIES:
                r.submit(county, figures_of(county), by="统计员", document="2022 年报", at="2023-01-10T10:00:00")
            r.return_for_correction("山丹县", by="宋生礼", reason="指标9 与年报不符", at="2023-01-11T09:00:00")
            shandan = r.status()["units"][5]  # 山丹县, the last the units file lists
            self.assertEqual((shandan["unit"], shandan["state"], shandan["revisions"], shandan["returned_reason"]),
                             ("山丹县", "已退回", 1, "指标9 与年报不符"))
            r.submit("山丹县", figures_of("山丹县"), by="统计员", at="2023-01-12T09:00:00")
            with self.assertRaises(healthact.HealthactError) as caught:
                r.export()
            self.assertIn("the round is collecting", caught.exception.message)
            for county in COUNTIES:
                r.accept(county, by="魏士博", at="2023-01-13T09:00:00")
            with self.assertRaises(healthact.HealthactError) as caught:
                r.review("宋生礼", read("zhangye-review-2022.csv"), count=9, seed=1, at="2023-01-14T08:00:00")
            self.assertIn("cannot draw 9 of 6 units", caught.exception.message)
            review = r.review("宋生礼", read("zhangye-review-2022.csv"), group="宋生礼、曹俊",
                              at="2023-01-14T09:00:00")
            changed = [(d["unit"], d["key"], d["reported"], d["verified"], d["before"], d["after"])
                       for d in review.discrepancies()]
            self.assertEqual(changed, [("甘州区", "23", "76.8", "73.9", "met", "not_met"),
                                       ("高台县", "5", "89.9", "90.1", "not_met", "not_met")])  # both below ≥91.5
            with self.assertRaises(healthact.HealthactError) as caught:
                r.step("approve", by="魏士博", at="2023-01-15T09:00:00")
            self.assertIn("市政府副市长（马斌）", caught.exception.message)
            r.step("approve", by="马斌", at="2023-01-15T10:00:00")
            r.step("publish", by="魏士博", at="2023-01-16T09:00:00")
            with self.assertRaises(ValueError):
                r.step("sign", by="马斌")
            status = r.status()
            self.assertEqual((status["state"], status["approved_by"], status["approved_at"], status["events"]),
                             ("已通报", "马斌", "2023-01-15T10:00:00", 18))
            self.assertEqual(r.status(as_of="2023-01-11T12:00:00")["units"][5]["state"], "已退回")

            result = json.loads(r.export())
            self.assertEqual(result["round"]["kind"], "official")
            self.assertEqual(result["round"]["approved_by"], "马斌")
            self.assertIn("正式考核,甘州区,", r.export("csv"))
            with r.assessment() as a:
                position = [u["unit"] for u in a.units()].index("甘州区")
                verdict = a.verdict(position, "23")
                self.assertEqual((verdict["status"], verdict["value"]), ("not_met", "73.9"))

            history = r.history()
            self.assertEqual(len(history.splitlines()), 18)
            copy = os.path.join(self.work.name, "copy.db")
            with healthact.Round.import_history(copy, self.framework, self.organisation, history) as imported:
                self.assertEqual(imported.status()["state"], "已通报")
                self.assertEqual(imported.history(), history)

        with healthact.Round.open(self.path, read_only=True) as again:
            self.assertEqual(again.status()["events"], 18)
            with self.assertRaises(healthact.HealthactError) as caught:
                again.step("report_form", by="魏士博", text="# 报告\n", at="2023-01-18T10:00:00")
            self.assertIn("opened read-only", caught.exception.message)

    def test_refusals_write_nothing(self):
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Round.create(self.path, self.framework, self.organisation, self.units, 2020,
                                   level="县区", at="2023-01-02T09:00:00")
        self.assertIn("a trial (试考核) may judge it against 2022's", caught.exception.message)
        self.assertFalse(os.path.exists(self.path))
        with self.open_round() as r:
            with self.assertRaises(healthact.HealthactError) as caught:
                r.submit("甘州区", "unit,indicator,year,value\n甘州区,99,2022,1\n", by="统计员",
                         at="2023-01-10T10:00:00")
            self.assertTrue(caught.exception.diagnostics)
            self.assertEqual(r.status()["events"], 1)
        with self.assertRaises(healthact.HealthactError):
            self.open_round()  # the file exists

    def test_a_trial_of_a_county_framework(self):
        """A county framework that extends the city's, loaded from its path,
        judged in a trial of 2020 against the city's 2022 targets."""
        for name in ("zhangye.ha", "ganzhou.ha"):
            with open(os.path.join(self.work.name, name), "w", encoding="utf-8") as f:
                f.write(read(name))
        county = os.path.join(self.work.name, "ganzhou.ha")
        framework = healthact.Framework.load(county)
        with healthact.Round.create(self.path, framework, self.organisation, self.units, 2020, trial=True,
                                    targets_of=2022, level="县区", by="魏士博", at="2021-01-05") as r:
            status = r.status()
            self.assertEqual((status["kind"], status["targets_of"]), ("trial", 2022))
            with r.framework() as kept:
                self.assertEqual(kept.name, framework.name)


if __name__ == "__main__":
    unittest.main()

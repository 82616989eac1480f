"""The Python binding: every public call, errors included."""
import json
import os
import unittest

import healthact

EXAMPLES = os.environ.get("HEALTHACT_EXAMPLES",
                          os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples"))


def read(name):
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


class FrameworkTest(unittest.TestCase):
    def test_parses_liuzhou(self):
        with healthact.Framework.parse(read("liuzhou.ha"), "liuzhou.ha") as framework:
            self.assertEqual(framework.name, "柳州市推进健康中国行动考核指标框架")
            indicators = framework.indicators()
            self.assertEqual(len(indicators), 26)
            self.assertEqual(indicators[0], {"number": "1", "name": "人均预期寿命", "unit": "岁",
                                             "basis": "《“健康广西2030”规划》", "parts": 0})
            self.assertEqual(indicators[24]["parts"], 2)
            self.assertEqual(framework.target(1, 2022), "≤6.0")
            self.assertIsNone(framework.target(1, 2025))
            self.assertEqual(framework.warnings, [])

    def test_errors_carry_line_and_column(self):
        text = '框架 "t"\n指标 1 "a" { 单位 xx 方向 越高越好 目标 2022 1 }\n'
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Framework.parse(text, "bad.ha")
        error = caught.exception
        self.assertEqual(error.status, -2)
        self.assertIn("bad.ha:2:15", error.message)
        self.assertEqual(len(error.diagnostics), 1)
        d = error.diagnostics[0]
        self.assertEqual((d["code"], d["line"], d["column"]), ("E006", 2, 15))

    def test_closed_handles_refuse_use(self):
        framework = healthact.Framework.parse(read("zhangye.ha"))
        framework.close()
        framework.close()  # twice is fine
        with self.assertRaises(ValueError):
            framework.indicators()


class AssessmentTest(unittest.TestCase):
    def setUp(self):
        self.framework = healthact.Framework.parse(read("liuzhou.ha"), "liuzhou.ha")

    def tearDown(self):
        self.framework.close()

    def test_batch_assess_and_results_as_dicts(self):
        with healthact.Observations() as data:
            data.add_batch(["柳州市"] * 4, ["1", "2", "13", "26"], [2022] * 4,
                           ["76.8", "3.28", "89.52", "97.12"])
            with self.framework.assess(data, 2022) as result:
                self.assertEqual(len(result), 1)
                # 3 of 26 met, the rest not met or missing: 11.54.
                self.assertEqual(result.units(), [{"unit": "柳州市", "score": "11.54", "rank": 1,
                                                   "grade": "不合格"}])
                verdicts = result.verdicts(0)
                self.assertEqual(verdicts[0]["status"], "not_met")
                self.assertEqual(verdicts[0]["reason"], "76.8 < 77.8 (目标 77.8)")
                self.assertEqual(verdicts[1]["status"], "met")
                document = json.loads(result.json())
                self.assertEqual(document["year"], 2022)
                self.assertEqual(document["units"][0]["score"], "11.54")
                failures = json.loads(result.json(failures_only=True))
                self.assertNotIn("2", [v["indicator"] for v in failures["units"][0]["verdicts"]])

    def test_reasons_in_the_chosen_language(self):
        self.assertEqual(healthact.language(), "zh")
        with healthact.Observations() as data:
            data.add_batch(["柳州市"], ["1"], [2022], ["76.8"])
            with self.framework.assess(data, 2022) as result:
                self.assertEqual(result.verdicts(0)[0]["reason"], "76.8 < 77.8 (目标 77.8)")
                healthact.set_language("en")
                try:
                    self.assertEqual(healthact.language(), "en")
                    # The same verdict, its reason in English; its status is the same.
                    verdict = result.verdicts(0)[0]
                    self.assertEqual(verdict["reason"], "76.8 < 77.8 (target 77.8)")
                    self.assertEqual(verdict["status"], "not_met")
                    self.assertEqual(result.verdicts(0)[1]["reason"], "not reported for 2022 (target ≤6.0)")
                finally:
                    healthact.set_language("zh")
        with self.assertRaises(healthact.HealthactError) as raised:
            healthact.set_language("C")
        self.assertIn("请写 zh 或 en", str(raised.exception))

    def test_bad_values_raise(self):
        with healthact.Observations() as data:
            with self.assertRaises(healthact.HealthactError) as caught:
                data.add_batch(["甲", "甲"], ["1", "2"], [2022, 2022], ["75", "7.4.6"])
            self.assertIn("第 1 个值", caught.exception.message)
            with self.assertRaises(ValueError):
                data.add_batch(["甲"], ["1", "2"], [2022], ["1"])
            with self.assertRaises(ValueError):  # a NUL would shift the packed columns
                data.add_batch(["甲\0乙"], ["1"], [2022], ["1"])

    def test_batch_takes_numbers_and_runs_of_one_unit(self):
        with healthact.Observations() as data:
            # Keys and values that are not str are written with str().
            data.add_batch(["甲", "甲", "乙", "甲"], [1, 2, 1, 13], [2022] * 4, [77.9, "5.1", 80, "81"])
            with self.framework.assess(data, 2022) as result:
                units = {u["unit"]: u for u in result.units()}
                self.assertEqual(set(units), {"甲", "乙"})
                verdicts = {v["indicator"]: v for v in result.verdicts(
                    [u["unit"] for u in result.units()].index("甲"))}
                self.assertEqual(verdicts["1"]["value"], "77.9")
                self.assertEqual(verdicts["1"]["status"], "met")       # 77.9 ≥ 77.8
                self.assertEqual(verdicts["13"]["value"], "81")

    def test_csv_with_diagnostics(self):
        with healthact.Observations() as data:
            with self.assertRaises(healthact.HealthactError) as caught:
                data.read_csv("unit,indicator,year,value\n甲,99,2022,5\n", "d.csv", self.framework)
            d = caught.exception.diagnostics[0]
            self.assertEqual((d["code"], d["line"], d["column"]), ("E033", 2, 3))
            self.assertEqual(data.read_csv("unit,indicator,year,value\n甲,1,2022,78\n", "d.csv",
                                           self.framework), [])
            data.set_parent("甲", "柳州市")

    def test_a_data_file_from_its_path(self):
        """read_file gives what read_csv gives for the file's text, and places a
        problem in the file named by its path."""
        import tempfile
        text = "unit,indicator,year,value\n甲,1,2022,78\n乙,1,2022,七十\n"
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "县区.csv")
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
            with healthact.Observations() as data:
                with self.assertRaises(healthact.HealthactError) as caught:
                    data.read_file(path, self.framework)
                d = caught.exception.diagnostics[0]
                self.assertEqual((d["code"], d["file"], d["line"], d["column"]), ("E032", path, 3, 10))
                self.assertEqual(caught.exception.status, -2)
            with healthact.Observations() as data:
                with self.assertRaises(healthact.HealthactError) as caught:
                    data.read_file(os.path.join(folder, "无此文件.csv"))
                self.assertEqual(caught.exception.status, -3)

    def test_validate_one_unit(self):
        with healthact.Observations() as data:
            data.add("鱼峰区", "1", 2022, "80")
            data.add("城中区", "1", 2022, "70")
            with self.framework.validate_unit(data, "鱼峰区", 2022) as result:
                self.assertEqual(len(result), 1)
                self.assertEqual(result.verdicts(0)[0]["status"], "met")
            with self.assertRaises(healthact.HealthactError) as caught:
                self.framework.validate_unit(data, "无此单位", 2022)
            self.assertEqual(caught.exception.status, -3)

    def test_findings_of_one_unit_before_it_submits(self):
        # Liuzhou: 婴儿死亡率 (2) 5.5 and 5岁以下儿童死亡率 (3) 4.0 break [3] ≥ [2];
        # 人均预期寿命 (1) 999 is outside 0–150 岁.
        with healthact.Observations() as data:
            data.add("鱼峰区", "1", 2022, "999")
            data.add("鱼峰区", "2", 2022, "5.5")
            data.add("鱼峰区", "3", 2022, "4.0")
            with self.framework.validate_unit(data, "鱼峰区", 2022) as result:
                findings = result.findings(0)
                self.assertEqual([f["rule"] for f in findings], ["range", "[3] ≥ [2]"])
                self.assertEqual(findings[0]["message"], "999 不在合理范围 0–150 岁内")
                self.assertEqual(findings[1]["indicators"], ["2", "3"])
                self.assertEqual(findings[1]["severity"], "error")
                statuses = [v["status"] for v in result.verdicts(0)[:3]]
                self.assertEqual(statuses, ["invalid", "invalid", "invalid"])
                self.assertIn('"findings": [{"rule": "range"', result.json())

    def test_a_year_without_targets_is_refused(self):
        with healthact.Observations() as data:
            data.add("鱼峰区", "1", 2022, "80")
            with self.assertRaises(healthact.HealthactError) as caught:
                self.framework.assess(data, 2025)
            self.assertEqual(caught.exception.status, -2)
            self.assertIn("2022, 2030", str(caught.exception))

    def test_strings_that_are_not_utf8_are_refused(self):
        with healthact.Observations() as data:
            with self.assertRaises(healthact.HealthactError) as caught:
                data.add(b"\xd5\xc5", "1", 2022, "75")  # 张 in GBK
            self.assertEqual(caught.exception.status, -2)

    def test_years_outside_the_range_are_refused(self):
        with healthact.Observations() as data:
            data.add("鱼峰区", "1", 2022, "80")
            with self.assertRaises(healthact.HealthactError) as caught:
                self.framework.assess(data, 2**31 - 1)
            self.assertEqual(caught.exception.status, -2)  # HACT_ERROR_INVALID: a year out of its domain
            self.assertIn("年份 2147483647 不在 1949 至 2100 之间", str(caught.exception))  # Chinese by default
            healthact.set_language("en")
            try:
                with self.assertRaises(healthact.HealthactError) as caught:
                    self.framework.assess(data, 2**31 - 1)
                self.assertIn("is not from 1949 to 2100", str(caught.exception))
            finally:
                healthact.set_language("zh")
            with self.assertRaises(healthact.HealthactError):
                data.add("鱼峰区", "2", 1900, "5")
            with self.assertRaises(healthact.HealthactError):
                data.add_batch(["鱼峰区"], ["2"], [3000], ["5"])

    def test_levels_from_a_units_file(self):
        with healthact.Framework.parse(read("zhangye.ha")) as zhangye, healthact.Observations() as data:
            self.assertEqual(data.read_units_csv(read("zhangye-units.csv")), [])
            data.read_csv(read("zhangye-counties-2020-2022.csv"), "z.csv", zhangye)
            with zhangye.assess(data, 2022, level="县区") as result:
                units = result.units()
                self.assertEqual(len(units), 6)
                # Checked by hand: 18 of 26 met = 69.23; 民乐县 and 甘州区 tie at 17/26.
                self.assertEqual(units[0], {"unit": "高台县", "score": "69.23", "rank": 1,
                                            "grade": "合格"})
                self.assertEqual([u["rank"] for u in units], [1, 2, 2, 4, 5, 6])
            with self.assertRaises(healthact.HealthactError):
                zhangye.assess(data, 2022, level="省")

    def test_version(self):
        self.assertEqual(healthact.library_version(), "0.1.0")


class CycleTest(unittest.TestCase):
    """Frameworks from a path and through a resolver, keys checked, batches
    all or nothing, verdicts by number."""

    def test_a_county_framework_from_its_path(self):
        with healthact.Framework.load(os.path.join(EXAMPLES, "ganzhou.ha")) as county:
            self.assertEqual(county.name, "甘州区健康行动考核指标框架")
            index, part = county.find("2")
            self.assertEqual((part, county.target(index, 2022)), (None, "≤5.5"))  # stricter than ≤6
            self.assertEqual(county.find("25.2")[1], 1)
            self.assertEqual(county.parts(county.find("25")[0]),
                             [("25.1", "乡镇卫生院、社区卫生服务中心提供中医非药物疗法的比例"),
                              ("25.2", "村卫生室提供中医非药物疗法的比例")])
            with self.assertRaises(healthact.HealthactError) as caught:
                county.find("16")  # the county deletes it
            self.assertEqual(caught.exception.status, -3)
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Framework.load(os.path.join(EXAMPLES, "no-such.ha"))
        self.assertIn("无法打开 " + os.path.join(EXAMPLES, "no-such.ha"), caught.exception.message)
        healthact.set_language("en")
        try:
            with self.assertRaises(healthact.HealthactError) as caught:
                healthact.Framework.load(os.path.join(EXAMPLES, "no-such.ha"))
            self.assertIn("cannot open " + os.path.join(EXAMPLES, "no-such.ha"), caught.exception.message)
        finally:
            healthact.set_language("zh")

    def test_a_county_framework_through_a_resolver(self):
        asked = []

        def resolver(name, from_file):
            asked.append((name, from_file))
            return read("zhangye.ha") if name == "zhangye.ha" else None

        with healthact.Framework.parse(read("ganzhou.ha"), "ganzhou.ha", resolver=resolver) as county:
            self.assertEqual(len(county.indicators()), 26)  # 26 - 16 + 27
        self.assertEqual(asked, [("zhangye.ha", "ganzhou.ha")])
        with self.assertRaises(healthact.HealthactError):
            healthact.Framework.parse(read("ganzhou.ha"), "ganzhou.ha", resolver=lambda n, f: None)
        with self.assertRaises(healthact.HealthactError):  # an exception in the resolver refuses the name
            healthact.Framework.parse(read("ganzhou.ha"), "ganzhou.ha", resolver=lambda n, f: 1 / 0)
        with self.assertRaises(healthact.HealthactError):  # no resolver: 继承 is an error
            healthact.Framework.parse(read("ganzhou.ha"), "ganzhou.ha")

    def test_batches_are_all_or_nothing_with_the_failing_index(self):
        with healthact.Framework.parse(read("zhangye.ha"), "zhangye.ha") as city, \
                healthact.Observations(city) as data:
            with self.assertRaises(healthact.HealthactError) as caught:
                data.add_batch(["甘州区", "甘州区", "甘州区"], ["1", "99", "2"], [2022] * 3, ["75", "1", "3"])
            self.assertEqual(caught.exception.index, 1)  # 99 is no key of the framework
            self.assertIn("“99”不是框架“健康张掖行动考核指标框架”的指标", caught.exception.message)
            with self.assertRaises(healthact.HealthactError) as caught:
                data.add_batch(["甲", "乙"], ["1", "1"], [2022, 2022], ["75", "7.4.6"])
            self.assertEqual(caught.exception.index, 1)
            with self.assertRaises(healthact.HealthactError):  # nothing was kept: no unit at all
                city.assess(data, 2022)
            # None and NaN are nothing reported, not the strings 'None' and 'nan'.
            data.add_batch(["甘州区"] * 4, ["2", "25.1", "25.2", "1"], [2022] * 4,
                           [3.84, "99", 58.0, float("nan")])
            data.add_batch(["临泽县"], ["1"], [2022], [None])
            with city.assess(data, 2022) as result:
                self.assertEqual(len(result), 2)
                position = [u["unit"] for u in result.units()].index("甘州区")
                self.assertEqual(result.verdict(position, "2"),
                                 {"indicator": "2", "name": "婴儿死亡率", "status": "met", "value": "3.84",
                                  "target": "≤6", "reason": result.verdict(position, "2")["reason"],
                                  "parts": 0})
                self.assertEqual(result.verdict(position, "1")["status"], "missing")
                part = result.verdict(position, "25.2")
                self.assertEqual((part["status"], part["value"], part["target"]), ("not_met", "58.0", "70"))
                self.assertEqual(result.verdict(position, "25")["parts"], 2)
                with self.assertRaises(healthact.HealthactError):
                    result.verdict(position, "99")


class ReviewAndReportTest(unittest.TestCase):
    def test_the_spot_check_and_the_reports(self):
        with healthact.Framework.load(os.path.join(EXAMPLES, "zhangye.ha")) as city, \
                healthact.Observations(city) as data:
            data.read_csv(read("zhangye-counties-2020-2022.csv"), "counties.csv")
            with city.assess(data, 2022) as result:
                with self.assertRaises(healthact.HealthactError):  # 7 of 6
                    result.review(7, 1)
                self.assertEqual(result.review(3, 5).units(), result.review(3, 5).units())
                with result.review(6, 1) as review:
                    review.verify_csv(read("zhangye-review-2022.csv"), "review.csv")
                    found = {d["unit"]: d for d in review.discrepancies()}
                    self.assertEqual(set(found), {"甘州区", "高台县"})
                    d = found["甘州区"]
                    self.assertEqual((d["key"], d["reported"], d["verified"], d["before"], d["after"],
                                      d["reviewer"], d["line"]),
                                     ("23", "76.8", "73.9", "met", "not_met", "宋生礼", 7))
                    with review.recomputed() as again:
                        position = [u["unit"] for u in again.units()].index("甘州区")
                        self.assertEqual(again.verdict(position, "23")["status"], "not_met")
                    markdown = result.report("markdown", review)
                    self.assertIn("宋生礼", markdown)
                self.assertTrue(result.report("json").startswith("{"))
                self.assertIn("<svg", result.report("html"))
                with self.assertRaises(ValueError):
                    result.report("docx")
            with healthact.Organisation.parse(read("zhangye.org.ha")) as org:
                text = healthact.monitoring_report(city, data, org, "2022-12-31")
            self.assertIn("建立学生体质健康监测数据报送机制", text)  # due 2022-09-30, not done


class OrganisationTest(unittest.TestCase):
    def test_zhangye_roster_and_approver(self):
        with healthact.Organisation.parse(read("zhangye.org.ha"), "zhangye.org.ha") as org:
            self.assertEqual(len(org.warnings), 1)  # 19 special actions announced, 15 defined
            self.assertEqual(org.committee_count(), 1)
            roster = org.roster(0, "2021-01-01")
            self.assertEqual(len(roster), 37)
            self.assertEqual(roster[0], {"role": "主任", "post": "市政府副市长", "department": "市政府",
                                         "person": "马斌", "concurrent": False})
            self.assertEqual(sum(1 for s in roster if s["role"] == "成员"), 30)
            self.assertEqual(org.approver(0, "2021-01-01"), ("市政府副市长", "马斌"))
            with self.assertRaises(healthact.HealthactError):
                org.roster(0, "2021-02-30")

    def test_seat_changes_and_overdue_tasks(self):
        with healthact.Organisation.parse(read("zhangye.org.ha"), "zhangye.org.ha") as org:
            with self.assertRaises(healthact.HealthactError) as caught:
                org.propose_change(0, "remove", "2022-05-01", "成员", "市体育局副局长", "市教育局", "马斌")
            self.assertIn("成员变动由委员会办公室（推进委员会办公室，设在 ", caught.exception.message)
            org.propose_change(0, "remove", "2022-05-01", "成员", "市体育局副局长", "市卫生健康委", "马斌")
            self.assertEqual(len(org.roster(0, "2022-06-01")), 36)
            self.assertEqual(len(org.roster(0, "2022-04-30")), 37)
            self.assertEqual(org.overdue_tasks(0, "2022-06-01"), [])
            self.assertEqual(len(org.overdue_tasks(0, "2022-11-01")), 2)
            self.assertEqual(org.overdue_tasks(0, "2022-12-31"),
                             [{"description": "建立学生体质健康监测数据报送机制", "owner": "市教育局",
                               "due": "2022-09-30", "meeting": "全体会议 2022-03-15"}])

    def test_liuzhou_is_defined_by_posts(self):
        with healthact.Organisation.parse(read("liuzhou.org.ha")) as org:
            roster = org.roster(0, "2021-01-01")
            self.assertTrue(all(seat["person"] is None for seat in roster))
            self.assertEqual(sum(1 for s in roster if s["role"] == "成员"), 29)

    def test_errors(self):
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.Organisation.parse('组织 "t"\n任职 张三 "乙职务" 自 2020-01-01\n', "bad.org.ha")
        d = caught.exception.diagnostics[0]
        self.assertEqual((d["code"], d["line"], d["column"]), ("E037", 2, 7))


if __name__ == "__main__":
    unittest.main()


class GroupsAggregationAndImportTest(unittest.TestCase):
    """The groups', overall and departments' reports, aggregation and table
    import through Python, worked by hand (as tests/capi_test.c)."""

    def test_aggregation_sums_counts_and_weights_rates(self):
        framework = healthact.Framework.parse(
            '框架 "比率"\n计数 婴儿死亡数 例\n计数 活产数 人\n计数 常住人口 人\n'
            '指标 2 "婴儿死亡率" {\n  单位 ‰\n  方向 越低越好\n  公式 婴儿死亡数 / 活产数 * 1000 保留 2 四舍五入\n'
            '  目标 2022 ≤6\n}\n'
            '指标 6 "居民健康素养水平" { 单位 % 方向 越高越好 汇总权重 常住人口 目标 2022 ≥22 }\n'
            '指标 7 "经常参加体育锻炼人数比例" { 单位 % 方向 越高越好 目标 2022 ≥37 }\n')
        data = healthact.Observations()
        data.read_csv("unit,indicator,year,value,parent\n甲县,婴儿死亡数,2022,2,市\n甲县,活产数,2022,500,市\n"
                      "乙县,婴儿死亡数,2022,9,市\n乙县,活产数,2022,1500,市\n甲县,6,2022,80,市\n"
                      "甲县,常住人口,2022,100,市\n乙县,6,2022,60,市\n乙县,常住人口,2022,300,市\n"
                      "甲县,7,2022,40,市\n乙县,7,2022,30,市\n", framework=framework)
        aggregated, notes = healthact.aggregate(framework, data, 2022)
        self.assertIn("7", [n["key"] for n in notes if n["unit"] == "市"])
        with framework.assess(aggregated, 2022) as result:
            city = [u["unit"] for u in result.units()].index("市")
            self.assertEqual(result.verdict(city, "2")["value"], "5.50")  # 11 / 2000 × 1000
            self.assertEqual(result.verdict(city, "6")["value"], "65")    # (80×100 + 60×300) / 400
            self.assertEqual(result.verdict(city, "7")["status"], "missing")

    def test_the_zhangye_reports(self):
        framework = healthact.Framework.load(os.path.join(EXAMPLES, "zhangye.ha"))
        organisation = healthact.Organisation.parse(read("zhangye.org.ha"))
        data = healthact.Observations(framework)
        data.read_units_csv(read("zhangye-units.csv"))
        data.read_csv(read("zhangye-counties-2020-2022.csv"), framework=framework)
        groups = json.loads(healthact.actions_report(framework, data, 2022, organisation, action="全民健身行动",
                                                     format="json"))
        self.assertEqual([(a["action"], a["lead_department"]) for a in groups["actions"]],
                         [("全民健身行动", "市体育局")])
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.actions_report(framework, data, 2022, action="不存在行动")
        self.assertEqual(caught.exception.status, -3)
        with framework.assess(data, 2022) as result:
            overall = json.loads(healthact.overall_report(result, organisation=organisation, format="json"))
        self.assertEqual((overall["report"], overall["year"]), ("overall", 2022))
        departments = json.loads(healthact.departments_report(framework, data, organisation, 2022, format="json"))
        scores = {d["department"]: d["score"] for d in departments["departments"]}
        self.assertEqual(scores["市体育局"], "36.00")  # its one task done late: 60 × 60%
        self.assertEqual(scores["市卫生健康委"], "60.00")

    def test_table_import(self):
        table = ("附件3\n\n示例市考核指标框架\n\n\t考核依据\n\t序号\n\t指标\n\t单位\n\t基期水平（2019年）\n\t2022年目标值\n\n"
                 "\t《示例规划》\n\t1\n\t人均预期寿命\n\t岁\n\t76.6\n\t≥77\n")
        text, framework, warnings = healthact.import_table(table, "table.txt", source="示例市文件")
        self.assertIn("目标 2022 ≥77", text)
        self.assertEqual(framework.name, "示例市考核指标框架")
        with self.assertRaises(healthact.HealthactError) as caught:
            healthact.import_table("\t序号\n\t指标\n\t2022年目标值\n\n\t1\n\t甲\n\t???\n", "bad.txt")
        self.assertIn("bad.txt:7:2", caught.exception.message)
        self.assertIn("???", caught.exception.text)

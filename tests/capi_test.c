/* The C interface from C99: every call, errors and NULLs included.
 * Usage: capi_test EXAMPLES_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healthact.h"
#include "capi_check.h"

static void test_version_and_errors(void) {
  CHECK(hact_version_number() == HACT_VERSION_NUMBER);
  CHECK(strcmp(hact_version_string(), "0.1.0") == 0);
  CHECK(strcmp(hact_status_string(HACT_OK), "ok") == 0);
  CHECK(strcmp(hact_status_string(HACT_ERROR_ARGUMENT), "invalid argument") == 0);
  CHECK(hact_status_string(12345) != NULL);
  CHECK(hact_last_error() != NULL);
}

static void test_nulls(void) {
  int32_t count = 0;
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  CHECK(hact_framework_parse(NULL, 0, "x", &framework, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(framework == NULL);
  CHECK(strstr(hact_last_error(), "text is NULL") != NULL);
  CHECK(hact_framework_parse("框架 \"t\"", 9, "x", NULL, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_framework_indicator_count(NULL, &count) == HACT_ERROR_ARGUMENT);
  CHECK(hact_observations_new(NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_observations_add(NULL, "a", "1", 2022, "1") == HACT_ERROR_ARGUMENT);
  CHECK(hact_assess(NULL, observations, 2022, &assessment) == HACT_ERROR_ARGUMENT);
  CHECK(hact_assessment_unit_count(NULL, &count) == HACT_ERROR_ARGUMENT);
  CHECK(hact_diagnostics_count(NULL, &count) == HACT_ERROR_ARGUMENT);
  hact_framework_free(NULL);
  hact_observations_free(NULL);
  hact_assessment_free(NULL);
  hact_diagnostics_free(NULL);
  hact_free(NULL);
}

static void test_parse_errors(void) {
  /* 指标 1 "a" { 单位 : 14 code points, so xx is at column 15 of line 2. */
  const char* text = "框架 \"t\"\n指标 1 \"a\" { 单位 xx 方向 越高越好 目标 2022 1 }\n";
  hact_framework* framework = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_diagnostic d;
  int32_t count = 0;
  CHECK(hact_framework_parse(text, strlen(text), "bad.ha", &framework, &diagnostics) ==
        HACT_ERROR_INVALID);
  CHECK(framework == NULL);
  CHECK(strstr(hact_last_error(), "bad.ha:2:15: error: unknown unit 'xx'") != NULL);
  CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count == 1);
  CHECK(hact_diagnostics_get(diagnostics, 0, &d) == HACT_OK);
  CHECK(strcmp(d.code, "E006") == 0 && strcmp(d.name, "unknown-unit") == 0);
  CHECK(d.line == 2 && d.column == 15 && d.severity == HACT_SEVERITY_ERROR);
  CHECK(strcmp(d.file, "bad.ha") == 0);
  CHECK(hact_diagnostics_get(diagnostics, 1, &d) == HACT_ERROR_RANGE);
  hact_diagnostics_free(diagnostics);
}

static void test_liuzhou(const char* examples) {
  char path[4096];
  size_t length = 0;
  char* text;
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_indicator indicator;
  hact_unit_result unit;
  hact_verdict verdict;
  const char* target = NULL;
  const char* name = NULL;
  char* json = NULL;
  int32_t count = 0;
  size_t failed_at = 99;
  /* Four values of Liuzhou's 2019 baseline column, reported for 2022. */
  const char* units[] = {"柳州市", "柳州市", "柳州市", "柳州市"};
  const char* keys[] = {"1", "2", "13", "26"};
  const int32_t years[] = {2022, 2022, 2022, 2022};
  const char* values[] = {"76.8", "3.28", "89.52", "97.12"};
  const char* other_units[] = {"城中区", "城中区"};
  const char* bad_values[] = {"75", "7４.6.1"};

  snprintf(path, sizeof path, "%s/liuzhou.ha", examples);
  text = read_file(path, &length);
  CHECK(text != NULL);
  if (text == NULL) return;
  CHECK(hact_framework_parse(text, length, "liuzhou.ha", &framework, NULL) == HACT_OK);
  free(text);
  CHECK(hact_framework_name(framework, &name) == HACT_OK &&
        strcmp(name, "柳州市推进健康中国行动考核指标框架") == 0);
  CHECK(hact_framework_indicator_count(framework, &count) == HACT_OK && count == 26);
  CHECK(hact_framework_indicator(framework, 0, &indicator) == HACT_OK);
  CHECK(strcmp(indicator.number, "1") == 0 && strcmp(indicator.unit, "岁") == 0);
  CHECK(hact_framework_indicator(framework, 24, &indicator) == HACT_OK && indicator.part_count == 2);
  CHECK(hact_framework_indicator(framework, 26, &indicator) == HACT_ERROR_RANGE);
  CHECK(hact_framework_target(framework, 1, 2022, &target) == HACT_OK && strcmp(target, "≤6.0") == 0);
  CHECK(hact_framework_target(framework, 1, 2025, &target) == HACT_ERROR_NOT_FOUND);
  /* A bad index is a range error here as at every other getter. */
  CHECK(hact_framework_target(framework, 26, 2022, &target) == HACT_ERROR_RANGE);
  CHECK(hact_framework_target(framework, -1, 2022, &target) == HACT_ERROR_RANGE);

  CHECK(hact_observations_new(&observations) == HACT_OK);
  CHECK(hact_observations_add_batch(observations, 4, units, keys, years, values, &failed_at) == HACT_OK);
  CHECK(hact_observations_add_batch(observations, 2, other_units, keys + 2, years, bad_values,
                                    &failed_at) == HACT_ERROR_INVALID);
  CHECK(failed_at == 1);
  CHECK(strstr(hact_last_error(), "two decimal points") != NULL);

  CHECK(hact_assess(framework, observations, 2022, &assessment) == HACT_OK);
  /* Changing the observations afterwards does not change the assessment. */
  CHECK(hact_observations_add(observations, "鱼峰区", "1", 2022, "80") == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 2);  /* + 城中区 */
  CHECK(hact_assessment_unit(assessment, 0, &unit) == HACT_OK);
  CHECK(strcmp(unit.unit, "柳州市") == 0 && unit.rank == 1);
  /* 2, 13 and 26 met, 1 not met, the other 22 missing (missing counts
   * against the score): 3 of 26 equal weights = 11.538… → 11.54. */
  CHECK(strcmp(unit.score, "11.54") == 0);
  CHECK(strcmp(unit.grade, "不合格") == 0);
  CHECK(hact_assessment_verdict(assessment, 0, 0, &verdict) == HACT_OK);
  CHECK(verdict.status == HACT_NOT_MET && strcmp(verdict.indicator, "1") == 0);
  CHECK(strcmp(verdict.reason, "76.8 < 77.8 (target 77.8)") == 0);
  CHECK(hact_assessment_verdict(assessment, 0, 1, &verdict) == HACT_OK && verdict.status == HACT_MET);
  CHECK(hact_assessment_verdict(assessment, 0, 2, &verdict) == HACT_OK && verdict.status == HACT_MISSING);
  CHECK(hact_assessment_verdict(assessment, 2, 0, &verdict) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_json(assessment, 1, &json) == HACT_OK);
  CHECK(json != NULL && strstr(json, "{\"unit\": \"柳州市\", \"score\": \"11.54\", \"rank\": 1") != NULL);
  hact_free(json);
  hact_assessment_free(assessment);

  /* The hact_<object>_<verb> names give the same as the older ones. */
  CHECK(hact_assessment_create(framework, observations, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 3);
  hact_assessment_free(assessment);
  CHECK(hact_assessment_create_for_unit(framework, observations, "鱼峰区", 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 1);
  hact_assessment_free(assessment);

  /* One unit's figures, as a vendor checks them before submitting. */
  CHECK(hact_validate_unit(framework, observations, "鱼峰区", 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 1);
  CHECK(hact_assessment_verdict(assessment, 0, 0, &verdict) == HACT_OK && verdict.status == HACT_MET);
  hact_assessment_free(assessment);
  CHECK(hact_validate_unit(framework, observations, "无此单位", 2022, &assessment) == HACT_ERROR_NOT_FOUND);
  CHECK(assessment == NULL);

  /* Years outside 1949..2100 are refused, not assessed as "nothing applies". */
  CHECK(hact_assess(framework, observations, 2147483647, &assessment) == HACT_ERROR_INVALID);
  CHECK(assessment == NULL && strstr(hact_last_error(), "year 2147483647 is not from 1949 to 2100") != NULL);
  CHECK(hact_assess(framework, observations, (int32_t)-2147483647 - 1, &assessment) == HACT_ERROR_INVALID);
  CHECK(hact_validate_unit(framework, observations, "鱼峰区", 1948, &assessment) == HACT_ERROR_INVALID);
  CHECK(hact_observations_add(observations, "鱼峰区", "2", 2101, "5") == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "year 2101") != NULL);
  CHECK(hact_observations_add(observations, "新单位", "2", 0, "5") == HACT_ERROR_INVALID);
  CHECK(hact_validate_unit(framework, observations, "新单位", 2022, &assessment) == HACT_ERROR_NOT_FOUND);

  hact_observations_free(observations);
  hact_framework_free(framework);
}

static void test_organisation(const char* examples) {
  char path[4096];
  size_t length = 0;
  char* text;
  hact_organisation* organisation = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_seat seat;
  const char* post = NULL;
  const char* person = NULL;
  int32_t count = 0, i, members = 0;
  snprintf(path, sizeof path, "%s/zhangye.org.ha", examples);
  text = read_file(path, &length);
  CHECK(text != NULL);
  if (text == NULL) return;
  CHECK(hact_organisation_parse(text, length, "zhangye.org.ha", &organisation, &diagnostics) == HACT_OK);
  free(text);
  CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count == 1); /* 19 vs 15 */
  hact_diagnostics_free(diagnostics);
  CHECK(hact_organisation_committee_count(organisation, &count) == HACT_OK && count == 1);
  CHECK(hact_organisation_roster(organisation, 0, "2021-01-01", &count) == HACT_OK && count == 37);
  CHECK(hact_organisation_seat(organisation, 0, &seat) == HACT_OK);
  CHECK(strcmp(seat.role, "主任") == 0 && strcmp(seat.person, "马斌") == 0);
  for (i = 0; i < count; ++i) {
    if (hact_organisation_seat(organisation, i, &seat) == HACT_OK && strcmp(seat.role, "成员") == 0) {
      ++members;
    }
  }
  CHECK(members == 30);
  CHECK(hact_organisation_seat(organisation, 37, &seat) == HACT_ERROR_RANGE);
  CHECK(hact_organisation_approver(organisation, 0, "2021-01-01", &post, &person) == HACT_OK);
  CHECK(strcmp(post, "市政府副市长") == 0 && strcmp(person, "马斌") == 0);
  {
    /* The strings of an earlier call live on after a later one. */
    const char* later_post = NULL;
    const char* later_person = NULL;
    CHECK(hact_organisation_approver(organisation, 0, "2020-06-01", &later_post, &later_person) == HACT_OK);
    CHECK(strcmp(post, "市政府副市长") == 0 && strcmp(person, "马斌") == 0);
    CHECK(hact_organisation_approver(organisation, 0, "2021-13-01", &later_post, &later_person) ==
          HACT_ERROR_INVALID);
  }
  CHECK(hact_organisation_roster(organisation, 0, "2021-02-30", &count) == HACT_ERROR_INVALID);
  CHECK(hact_organisation_roster(organisation, 1, "2021-01-01", &count) == HACT_ERROR_RANGE);
  {
    /* A roster is a handle of its own: two dates side by side, and the
     * roster outlives the organisation it was read from. */
    hact_roster* now = NULL;
    hact_roster* before = NULL;
    int32_t seats = 0;
    CHECK(hact_roster_create(organisation, 0, "2021-01-01", &now) == HACT_OK && now != NULL);
    CHECK(hact_roster_create(organisation, 0, "2020-01-01", &before) == HACT_OK && before != NULL);
    CHECK(hact_roster_seat_count(now, &seats) == HACT_OK && seats == 37);
    hact_roster_free(before);
    CHECK(hact_roster_seat(now, 0, &seat) == HACT_OK);
    CHECK(strcmp(seat.role, "主任") == 0 && strcmp(seat.person, "马斌") == 0);
    CHECK(hact_roster_seat(now, 37, &seat) == HACT_ERROR_RANGE);
    CHECK(hact_roster_seat(now, -1, &seat) == HACT_ERROR_RANGE);
    CHECK(hact_roster_seat(NULL, 0, &seat) == HACT_ERROR_ARGUMENT);
    CHECK(hact_roster_seat_count(now, NULL) == HACT_ERROR_ARGUMENT);
    CHECK(hact_roster_create(organisation, 0, "2021-02-30", &before) == HACT_ERROR_INVALID && before == NULL);
    CHECK(hact_roster_create(organisation, 3, "2021-01-01", &before) == HACT_ERROR_RANGE && before == NULL);
    CHECK(hact_roster_create(organisation, 0, "2021-01-01", NULL) == HACT_ERROR_ARGUMENT);
    hact_organisation_free(organisation);
    CHECK(hact_roster_seat(now, 36, &seat) == HACT_OK && seat.post != NULL && seat.post[0] != '\0');
    hact_roster_free(now);
    hact_roster_free(NULL);
  }
  CHECK(hact_organisation_parse("委员会", 9, "x", &organisation, NULL) == HACT_ERROR_INVALID);
  CHECK(organisation == NULL);
}

static void test_options(void) {
  const char* text = "框架 \"t\"\n指标 1 \"a\" { 单位 岁 方向 越高越好 目标 2022 74.6 }\n";
  const char* units = "unit,parent,level\n市,,市\n甲县,市,县区\n乙县,市,县区\n";
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_assess_options options;
  int32_t count = 0;
  CHECK(hact_framework_parse(text, strlen(text), "t.ha", &framework, NULL) == HACT_OK);
  CHECK(hact_observations_new(&observations) == HACT_OK);
  CHECK(hact_observations_read_units_csv(observations, units, strlen(units), "u.csv", NULL) == HACT_OK);
  CHECK(hact_observations_add(observations, "甲县", "1", 2022, "75") == HACT_OK);
  CHECK(hact_observations_add(observations, "市", "1", 2022, "74") == HACT_OK);
  memset(&options, 0, sizeof options);
  options.struct_size = (int32_t)sizeof options;
  options.level = "县区";
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 2);
  hact_assessment_free(assessment);
  options.level = "省";
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_ERROR_INVALID);
  options.level = NULL;
  options.within = "无此单位";
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_ERROR_NOT_FOUND);
  options.struct_size = 0;
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_ERROR_ARGUMENT);
  CHECK(hact_assess_with(framework, observations, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 3);
  hact_assessment_free(assessment);
  hact_observations_free(observations);

  /* Packed columns: each a run of NUL-terminated strings. */
  {
    const int32_t years[] = {2022, 2022};
    size_t failed_at = 99;
    CHECK(hact_observations_new(&observations) == HACT_OK);
    CHECK(hact_observations_add_packed(observations, 2, "甲县\0乙县", "1\0001", years, "75\00074",
                                       &failed_at) == HACT_OK);
    CHECK(hact_observations_add_packed(observations, 2, "丙县\0丁县", "1\0001", years, "75\0x",
                                       &failed_at) == HACT_ERROR_INVALID && failed_at == 1);
    CHECK(hact_assess(framework, observations, 2022, &assessment) == HACT_OK);
    CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 3);  /* 甲 乙 丙 */
    hact_assessment_free(assessment);
    hact_observations_free(observations);
  }
  hact_framework_free(framework);
}

/* Trust the verdicts through C: findings of one unit, a year without
 * targets, and strings that are not UTF-8. */
static void test_validation(const char* examples) {
  char path[4096];
  size_t length = 0;
  char* text;
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_finding finding;
  hact_verdict verdict;
  hact_assess_options options;
  int32_t count = 0;
  size_t failed_at = 99;
  const int32_t years[] = {2022, 2022};
  char* json = NULL;

  snprintf(path, sizeof path, "%s/zhangye.ha", examples);
  text = read_file(path, &length);
  CHECK(text != NULL);
  if (text == NULL) return;
  CHECK(hact_framework_parse(text, length, "zhangye.ha", &framework, NULL) == HACT_OK);
  free(text);
  CHECK(hact_observations_new(&observations) == HACT_OK);
  /* 999 岁 is outside 0–150; 5岁以下儿童死亡率 4.0 below 婴儿死亡率 5.5
   * breaks the framework's rule [3] ≥ [2]. */
  CHECK(hact_observations_add(observations, "甲县", "1", 2022, "999") == HACT_OK);
  CHECK(hact_observations_add(observations, "甲县", "2", 2022, "5.5") == HACT_OK);
  CHECK(hact_observations_add(observations, "甲县", "3", 2022, "4.0") == HACT_OK);
  CHECK(hact_validate_unit(framework, observations, "甲县", 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_finding_count(assessment, 0, &count) == HACT_OK && count == 2);
  CHECK(hact_assessment_finding(assessment, 0, 0, &finding) == HACT_OK);
  CHECK(finding.kind == HACT_FINDING_RANGE && finding.severity == HACT_SEVERITY_ERROR);
  CHECK(strcmp(finding.indicators, "1") == 0 && strcmp(finding.rule, "range") == 0);
  CHECK(strcmp(finding.message, "999 is outside the plausible range 0–150 岁") == 0);
  CHECK(hact_assessment_finding(assessment, 0, 1, &finding) == HACT_OK);
  CHECK(finding.kind == HACT_FINDING_RULE && strcmp(finding.rule, "[3] ≥ [2]") == 0);
  CHECK(strcmp(finding.indicators, "2,3") == 0);
  CHECK(hact_assessment_finding(assessment, 0, 2, &finding) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_finding_count(assessment, 1, &count) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_verdict(assessment, 0, 0, &verdict) == HACT_OK && verdict.status == HACT_INVALID);
  CHECK(strcmp(verdict.value, "999") == 0);
  CHECK(hact_assessment_verdict(assessment, 0, 2, &verdict) == HACT_OK && verdict.status == HACT_INVALID);
  CHECK(hact_assessment_json(assessment, 1, &json) == HACT_OK);
  CHECK(json != NULL && strstr(json, "\"findings\": [{\"rule\": \"range\"") != NULL);
  hact_free(json);
  hact_assessment_free(assessment);

  /* A year the framework has no target for is refused, naming the years. */
  CHECK(hact_assess(framework, observations, 2030, &assessment) == HACT_ERROR_INVALID);
  CHECK(assessment == NULL && strstr(hact_last_error(), "2022") != NULL);
  memset(&options, 0, sizeof options);
  options.struct_size = (int32_t)sizeof options;
  options.level = "乡镇";
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_ERROR_INVALID);

  /* Not UTF-8 ("\xff", a GBK "\xd5\xc5"): refused in every string. */
  CHECK(hact_observations_add(observations, "\xd5\xc5\xd2\xb4", "1", 2022, "75") == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "unit is not valid UTF-8") != NULL);
  CHECK(hact_observations_add(observations, "乙县", "\xff", 2022, "75") == HACT_ERROR_INVALID);
  CHECK(hact_observations_add(observations, "乙县", "1", 2022, "7\xff") == HACT_ERROR_INVALID);
  CHECK(hact_observations_add_packed(observations, 2, "乙县\0\xff", "1\0001", years, "75\00075",
                                     &failed_at) == HACT_ERROR_INVALID && failed_at == 1);
  CHECK(hact_observations_set_parent(observations, "乙县", "\xff") == HACT_ERROR_INVALID);
  CHECK(hact_validate_unit(framework, observations, "\xff", 2022, &assessment) == HACT_ERROR_INVALID);
  options.level = NULL;
  options.within = "\xc0\x80";
  CHECK(hact_assess_with(framework, observations, 2022, &options, &assessment) == HACT_ERROR_INVALID);
  CHECK(hact_observations_read_csv(observations, "unit,indicator,year,value\n", 26, "\xff", NULL, NULL) ==
        HACT_ERROR_INVALID);
  /* 乙县 (from the packed call's first row) and 甲县; nothing of the refused rows. */
  CHECK(hact_assess(framework, observations, 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 2);
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
}

/* A resolver over one text: the city framework a county file extends. */
static const char* city_text = NULL;
static size_t city_length = 0;
static int resolver_calls = 0;
static int32_t resolve_city(void* context, const char* name, const char* from_file, const char** text,
                            size_t* length, const char** file_name) {
  ++resolver_calls;
  CHECK(context == &resolver_calls);
  CHECK(strcmp(from_file, "ganzhou.ha") == 0);
  if (strcmp(name, "zhangye.ha") != 0) return HACT_ERROR_NOT_FOUND;
  *text = city_text;
  *length = city_length;
  *file_name = "city/zhangye.ha";
  return HACT_OK;
}
static int32_t refuse_everything(void* context, const char* name, const char* from_file,
                                 const char** text, size_t* length, const char** file_name) {
  (void)context, (void)name, (void)from_file, (void)text, (void)length, (void)file_name;
  return HACT_ERROR_NOT_FOUND;
}

/* Frameworks from a path and through a resolver; keys checked; verdicts by
 * number; the last error cleared by a call that succeeds. */
static void test_frameworks_and_numbers(const char* examples) {
  char path[1024];
  hact_framework* county = NULL;
  hact_framework* city = NULL;
  hact_framework* again = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_verdict_detail detail;
  const char* target = NULL;
  const char* name = NULL;
  char* county_text;
  size_t county_length = 0;
  int32_t index = -1, part = -9, count = 0;

  /* From a path: 继承 "zhangye.ha" is found next to the county file. */
  snprintf(path, sizeof path, "%s/ganzhou.ha", examples);
  CHECK(hact_framework_load(path, &county, &diagnostics) == HACT_OK);
  hact_diagnostics_free(diagnostics);
  CHECK(strcmp(hact_last_error(), "") == 0);
  CHECK(hact_framework_name(county, &name) == HACT_OK && strcmp(name, "甘州区健康行动考核指标框架") == 0);
  /* 2 is the city's, with the county's stricter ≤5.5; 27 is the county's own; 16 is deleted. */
  CHECK(hact_framework_indicator_find(county, "2", &index, &part) == HACT_OK && part == -1);
  CHECK(hact_framework_target(county, index, 2022, &target) == HACT_OK && strcmp(target, "≤5.5") == 0);
  CHECK(hact_framework_indicator_find(county, "27", &index, NULL) == HACT_OK);
  CHECK(hact_framework_indicator_find(county, "16", &index, NULL) == HACT_ERROR_NOT_FOUND);
  CHECK(strstr(hact_last_error(), "16") != NULL);
  /* The last error is cleared by the next call that succeeds. */
  CHECK(hact_framework_indicator_find(county, "25.2", &index, &part) == HACT_OK && part == 1);
  CHECK(strcmp(hact_last_error(), "") == 0);
  CHECK(hact_framework_part(county, index, 1, &target, &name) == HACT_OK && strcmp(target, "25.2") == 0);
  CHECK(strcmp(name, "村卫生室提供中医非药物疗法的比例") == 0);
  CHECK(hact_framework_part(county, index, 2, &target, &name) == HACT_ERROR_RANGE);
  CHECK(hact_framework_part(county, 0, 0, &target, &name) == HACT_ERROR_RANGE); /* 1 has no parts */
  snprintf(path, sizeof path, "%s/no-such-file.ha", examples);
  CHECK(hact_framework_load(path, &again, NULL) == HACT_ERROR_NOT_FOUND && again == NULL);
  CHECK(strstr(hact_last_error(), "cannot open") != NULL);
  CHECK(hact_framework_load(examples, &again, NULL) == HACT_ERROR_INVALID && again == NULL);
  CHECK(strstr(hact_last_error(), "folder") != NULL);
  CHECK(hact_framework_load("\xff.ha", &again, NULL) == HACT_ERROR_INVALID);
  CHECK(hact_framework_load(NULL, &again, NULL) == HACT_ERROR_ARGUMENT);

  /* From text, 继承 through the caller's resolver. */
  snprintf(path, sizeof path, "%s/zhangye.ha", examples);
  city_text = read_file(path, &city_length);
  snprintf(path, sizeof path, "%s/ganzhou.ha", examples);
  county_text = read_file(path, &county_length);
  CHECK(city_text != NULL && county_text != NULL);
  CHECK(hact_framework_parse(county_text, county_length, "ganzhou.ha", &again, NULL) == HACT_ERROR_INVALID);
  CHECK(hact_framework_parse_with(county_text, county_length, "ganzhou.ha", resolve_city, &resolver_calls,
                                  &again, NULL) == HACT_OK);
  CHECK(resolver_calls == 1);
  CHECK(hact_framework_indicator_count(again, &count) == HACT_OK && count == 26); /* 26 - 16 + 27 */
  hact_framework_free(again);
  again = NULL;
  CHECK(hact_framework_parse_with(county_text, county_length, "ganzhou.ha", refuse_everything, NULL,
                                  &again, &diagnostics) == HACT_ERROR_INVALID && again == NULL);
  CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count >= 1);
  hact_diagnostics_free(diagnostics);
  free(county_text);

  /* Keys checked against the framework the observations are for. */
  CHECK(hact_framework_parse(city_text, city_length, "zhangye.ha", &city, NULL) == HACT_OK);
  CHECK(hact_observations_create(city, &observations) == HACT_OK);
  CHECK(hact_observations_add(observations, "甘州区", "99", 2022, "1") == HACT_ERROR_NOT_FOUND);
  CHECK(strstr(hact_last_error(), "'99' is not an indicator, part or count") != NULL);
  CHECK(hact_observations_add(observations, "甘州区", "2", 2022, "3.84") == HACT_OK);
  CHECK(hact_observations_add(observations, "甘州区", "25.1", 2022, "99") == HACT_OK);
  CHECK(hact_observations_add(observations, "甘州区", "25.2", 2022, "58.0") == HACT_OK);

  /* Verdicts by number, parts included, with their names. */
  CHECK(hact_assessment_create_for_unit(city, observations, "甘州区", 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_indicator_count(assessment, &count) == HACT_OK && count == 26);
  memset(&detail, 0, sizeof detail);
  CHECK(hact_assessment_verdict_of(assessment, 0, "2", &detail) == HACT_ERROR_ARGUMENT); /* no struct_size */
  detail.struct_size = (int32_t)sizeof detail;
  CHECK(hact_assessment_verdict_of(assessment, 0, "2", &detail) == HACT_OK);
  CHECK(strcmp(detail.indicator, "2") == 0 && strcmp(detail.name, "婴儿死亡率") == 0);
  CHECK(detail.status == HACT_MET && strcmp(detail.value, "3.84") == 0 && detail.part_count == 0);
  /* The reason is written in the calling thread's language, when the verdict
   * is first read in it; "C" names no language. */
  CHECK(hact_set_language("zh") == HACT_OK && strcmp(hact_language(), "zh") == 0);
  CHECK(hact_assessment_verdict_of(assessment, 0, "2", &detail) == HACT_OK);
  CHECK(strcmp(detail.reason, "3.84 < 6 (目标 ≤6)") == 0); /* Zhangye: ≤6 */
  CHECK(hact_set_language("C") == HACT_ERROR_ARGUMENT && strstr(hact_last_error(), "请写 zh 或 en") != NULL);
  CHECK(hact_set_language(NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_set_language("\xff") == HACT_ERROR_INVALID && strstr(hact_last_error(), "不是有效的 UTF-8") != NULL);
  CHECK(hact_set_language("en_US.UTF-8") == HACT_OK && strcmp(hact_last_error(), "") == 0);
  CHECK(strcmp(hact_language(), "en") == 0);
  CHECK(hact_assessment_verdict_of(assessment, 0, "2", &detail) == HACT_OK);
  CHECK(strcmp(detail.reason, "3.84 < 6 (target ≤6)") == 0);
  CHECK(detail.status == HACT_MET && strcmp(detail.value, "3.84") == 0);
  CHECK(hact_set_language("en") == HACT_OK); /* the rest of the suite reads English */
  CHECK(hact_assessment_verdict_of(assessment, 0, "25", &detail) == HACT_OK);
  CHECK(detail.status == HACT_NOT_MET && detail.part_count == 2);
  CHECK(hact_assessment_verdict_of(assessment, 0, "25.1", &detail) == HACT_OK);
  CHECK(strcmp(detail.indicator, "25.1") == 0);
  CHECK(strcmp(detail.name, "乡镇卫生院、社区卫生服务中心提供中医非药物疗法的比例") == 0);
  CHECK(detail.status == HACT_NOT_MET && strcmp(detail.value, "99") == 0 && strcmp(detail.target, "100") == 0);
  CHECK(hact_assessment_verdict_of(assessment, 0, "25.2", &detail) == HACT_OK);
  CHECK(detail.status == HACT_NOT_MET && strcmp(detail.value, "58.0") == 0);
  CHECK(hact_assessment_verdict_of(assessment, 0, "16", &detail) == HACT_OK); /* the city has 16 */
  CHECK(detail.status == HACT_MISSING);
  CHECK(hact_assessment_verdict_of(assessment, 0, "99", &detail) == HACT_ERROR_NOT_FOUND);
  CHECK(hact_assessment_verdict_of(assessment, 1, "2", &detail) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_verdict_of(assessment, 0, "\xff", &detail) == HACT_ERROR_INVALID);
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(city);
  hact_framework_free(county);
  free((void*)city_text);
  city_text = NULL;
}

/* hact_observations_add_columns: sizes checked, nothing read past them, all or nothing. */
/* Typed columns as a DataFrame holds them (hact_observations_add_coded). */
static void test_coded_columns(void) {
  const char* framework_text =
      "框架 \"t\"\n指标 1 \"人均预期寿命\" {\n  单位 岁\n  方向 越高越好\n  目标 2022 ≥74\n}\n"
      "指标 2 \"制度\" {\n  类别 政府工作性\n  目标 2022 实现\n}\n";
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_unit_result unit;
  hact_verdict_detail verdict;
  static const char unit_names[] = "甲县\0乙县";
  static const char key_names[] = "1\0002";
  static const char text_names[] = "实现\0未实现";
  const int32_t unit_codes[] = {0, 0, 1, 1, 1};
  const int32_t key_codes[] = {0, 1, 0, 1, 0};
  const int32_t years[] = {2022, 2022, 2022, 2022, 2021};
  double numbers[5];
  int32_t text_codes[] = {-1, 0, -1, 1, -1};
  hact_coded_column units = {0, NULL, NULL, 0, 0}, keys = {0, NULL, NULL, 0, 0}, texts = {0, NULL, NULL, 0, 0};
  size_t failed_at = 99;
  int32_t count = 0, p;
  numbers[0] = 74.6;
  numbers[1] = 0.0 / 0.0; /* NaN: the text speaks */
  numbers[2] = 73.0;      /* 73.0, as Python writes it */
  numbers[3] = numbers[1];
  numbers[4] = 75.25;
  units.struct_size = keys.struct_size = texts.struct_size = (int32_t)sizeof units;
  units.codes = unit_codes;
  units.categories = unit_names;
  units.categories_size = sizeof unit_names;
  units.category_count = 2;
  keys.codes = key_codes;
  keys.categories = key_names;
  keys.categories_size = sizeof key_names;
  keys.category_count = 2;
  texts.codes = text_codes;
  texts.categories = text_names;
  texts.categories_size = sizeof text_names;
  texts.category_count = 2;
  CHECK(hact_framework_parse(framework_text, strlen(framework_text), "t.ha", &framework, NULL) == HACT_OK);
  CHECK(hact_observations_create(framework, &observations) == HACT_OK);
  /* Categories that end before their count, or hold more: refused, nothing read beyond. */
  units.category_count = 3;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_ARGUMENT);
  CHECK(strstr(hact_last_error(), "count or size is wrong") != NULL);
  units.category_count = 1;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_ARGUMENT);
  units.category_count = 2;
  units.struct_size = 4;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_ARGUMENT);
  units.struct_size = (int32_t)sizeof units;
  /* A code outside the categories, a row without a unit, a number beside a text: refused at that row. */
  text_codes[2] = 2;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_RANGE);
  CHECK(failed_at == 2 && strstr(hact_last_error(), "value 2: texts code 2 is not one of its 2 categories") != NULL);
  text_codes[2] = 0;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_INVALID);
  CHECK(failed_at == 2 && strstr(hact_last_error(), "both a number and a text ('实现')") != NULL);
  text_codes[2] = -1;
  /* A key the framework lacks, and an infinity: refused, nothing kept. */
  keys.categories = "1\0009";
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_NOT_FOUND);
  CHECK(failed_at == 1);
  keys.categories = key_names;
  numbers[4] = 1.0 / 0.0;
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_ERROR_INVALID);
  CHECK(failed_at == 4 && strstr(hact_last_error(), "infinite") != NULL);
  numbers[4] = 75.25;
  /* Nothing was kept: there is no unit to assess. */
  CHECK(hact_assessment_create(framework, observations, 2022, NULL, &assessment) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "没有任何单位") != NULL && assessment == NULL);
  CHECK(hact_observations_add_coded(observations, 5, &units, &keys, years, numbers, &texts, &failed_at) ==
        HACT_OK);
  CHECK(strcmp(hact_last_error(), "") == 0);
  CHECK(hact_assessment_create(framework, observations, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 2);
  for (p = 0; p < count; ++p) {
    CHECK(hact_assessment_unit(assessment, p, &unit) == HACT_OK);
    verdict.struct_size = (int32_t)sizeof verdict;
    CHECK(hact_assessment_verdict_of(assessment, p, "1", &verdict) == HACT_OK);
    if (strcmp(unit.unit, "甲县") == 0) {
      CHECK(strcmp(verdict.value, "74.6") == 0 && verdict.status == HACT_MET);
      CHECK(hact_assessment_verdict_of(assessment, p, "2", &verdict) == HACT_OK && verdict.status == HACT_MET);
    } else {
      /* 73.0 < 74; its 2021 figure, 75.25, is not 2022's. */
      CHECK(strcmp(verdict.value, "73.0") == 0 && verdict.status == HACT_NOT_MET);
      CHECK(hact_assessment_verdict_of(assessment, p, "2", &verdict) == HACT_OK && verdict.status == HACT_NOT_MET);
    }
  }
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
}

/* Aggregation up the tree, the groups', overall and departments' reports, and
 * table import, through C. */
static void test_aggregation_reports_and_import(const char* examples) {
  const char* rates =
      "框架 \"比率\"\n计数 婴儿死亡数 例\n计数 活产数 人\n计数 常住人口 人\n"
      "指标 2 \"婴儿死亡率\" {\n  单位 ‰\n  方向 越低越好\n  公式 婴儿死亡数 / 活产数 * 1000 保留 2 四舍五入\n"
      "  目标 2022 ≤6\n}\n"
      "指标 6 \"居民健康素养水平\" { 单位 % 方向 越高越好 汇总权重 常住人口 目标 2022 ≥22 }\n"
      "指标 7 \"经常参加体育锻炼人数比例\" { 单位 % 方向 越高越好 目标 2022 ≥37 }\n";
  const char* data =
      "unit,indicator,year,value,parent\n甲县,婴儿死亡数,2022,2,市\n甲县,活产数,2022,500,市\n"
      "乙县,婴儿死亡数,2022,9,市\n乙县,活产数,2022,1500,市\n甲县,6,2022,80,市\n甲县,常住人口,2022,100,市\n"
      "乙县,6,2022,60,市\n乙县,常住人口,2022,300,市\n甲县,7,2022,40,市\n乙县,7,2022,30,市\n";
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_observations* aggregated = NULL;
  hact_aggregation* aggregation = NULL;
  hact_assessment* assessment = NULL;
  hact_aggregation_note note;
  hact_unit_result unit;
  hact_verdict_detail verdict;
  hact_diagnostics* diagnostics = NULL;
  char path[1024];
  char *text, *org_text, *units_text, *counties, *bytes = NULL;
  size_t length = 0, org_length = 0, units_length = 0, counties_length = 0;
  int32_t count = 0, p, noted = 0, city = 0;
  hact_organisation* organisation = NULL;

  CHECK(hact_framework_parse(rates, strlen(rates), "rates.ha", &framework, NULL) == HACT_OK);
  CHECK(hact_observations_new(&observations) == HACT_OK);
  CHECK(hact_observations_read_csv(observations, data, strlen(data), "d.csv", framework, NULL) == HACT_OK);
  CHECK(hact_aggregation_create(framework, observations, 3000, &aggregation) == HACT_ERROR_INVALID);
  CHECK(hact_aggregation_create(framework, observations, 2022, &aggregation) == HACT_OK);
  CHECK(hact_aggregation_observations(aggregation, &aggregated) == HACT_OK);
  /* A rate with neither counts nor 汇总权重 (7) is not aggregated, and a note says so. */
  CHECK(hact_aggregation_note_count(aggregation, &count) == HACT_OK && count >= 1);
  for (p = 0; p < count; ++p) {
    CHECK(hact_aggregation_note_get(aggregation, p, &note) == HACT_OK);
    noted += strcmp(note.unit, "市") == 0 && strcmp(note.key, "7") == 0;
  }
  CHECK(noted == 1);
  CHECK(hact_aggregation_note_get(aggregation, count, &note) == HACT_ERROR_RANGE);
  hact_aggregation_free(aggregation); /* the observations handle keeps what it needs */
  CHECK(hact_assessment_create(framework, aggregated, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 3);
  for (p = 0; p < count; ++p) {
    CHECK(hact_assessment_unit(assessment, p, &unit) == HACT_OK);
    if (strcmp(unit.unit, "市") != 0) continue;
    ++city;
    verdict.struct_size = (int32_t)sizeof verdict;
    /* 11 deaths among 2000 births: 5.50‰ (the counties' 4‰ and 6‰ would average 5). */
    CHECK(hact_assessment_verdict_of(assessment, p, "2", &verdict) == HACT_OK);
    CHECK(strcmp(verdict.value, "5.50") == 0 && verdict.status == HACT_MET);
    /* (80 × 100 + 60 × 300) / 400 = 65. */
    CHECK(hact_assessment_verdict_of(assessment, p, "6", &verdict) == HACT_OK);
    CHECK(strcmp(verdict.value, "65") == 0 && verdict.status == HACT_MET);
    CHECK(hact_assessment_verdict_of(assessment, p, "7", &verdict) == HACT_OK && verdict.status == HACT_MISSING);
  }
  CHECK(city == 1);
  hact_assessment_free(assessment);
  hact_observations_free(aggregated);
  hact_observations_free(observations);
  hact_framework_free(framework);

  /* The Zhangye reports: the groups', the office's overall, the departments'. */
  snprintf(path, sizeof path, "%s/zhangye.ha", examples);
  CHECK(hact_framework_load(path, &framework, NULL) == HACT_OK);
  snprintf(path, sizeof path, "%s/zhangye.org.ha", examples);
  org_text = read_file(path, &org_length);
  snprintf(path, sizeof path, "%s/zhangye-units.csv", examples);
  units_text = read_file(path, &units_length);
  snprintf(path, sizeof path, "%s/zhangye-counties-2020-2022.csv", examples);
  counties = read_file(path, &counties_length);
  CHECK(org_text != NULL && units_text != NULL && counties != NULL);
  CHECK(hact_organisation_parse(org_text, org_length, "zhangye.org.ha", &organisation, NULL) == HACT_OK);
  CHECK(hact_observations_create(framework, &observations) == HACT_OK);
  CHECK(hact_observations_read_units_csv(observations, units_text, units_length, "u.csv", NULL) == HACT_OK);
  CHECK(hact_observations_read_csv(observations, counties, counties_length, "c.csv", framework, NULL) == HACT_OK);
  CHECK(hact_report_actions(framework, observations, organisation, 2022, "不存在行动", NULL, HACT_FORMAT_JSON,
                            &bytes, &length) == HACT_ERROR_NOT_FOUND);
  CHECK(hact_report_actions(framework, observations, organisation, 2022, "全民健身行动", "2022-02-30",
                            HACT_FORMAT_JSON, &bytes, &length) == HACT_ERROR_INVALID);
  /* 全民健身行动 is led by 市体育局 (its working group in zhangye.org.ha); its task
   * 开展全民健身进社区活动 was due 2022-10-31 and done 2022-11-15. */
  CHECK(hact_report_actions(framework, observations, organisation, 2022, "全民健身行动", NULL, HACT_FORMAT_JSON,
                            &bytes, &length) == HACT_OK);
  CHECK(bytes != NULL && strstr(bytes, "\"action\": \"全民健身行动\", \"lead_department\": \"市体育局\"") != NULL);
  CHECK(bytes != NULL && strstr(bytes, "开展全民健身进社区活动") != NULL && strstr(bytes, "2022-11-15") != NULL);
  CHECK(bytes != NULL && strstr(bytes, "\"action\": \"控烟行动\"") == NULL); /* only the one asked for */
  hact_free(bytes);
  CHECK(hact_report_actions(framework, observations, NULL, 2022, NULL, NULL, HACT_FORMAT_HTML, &bytes, &length) ==
        HACT_OK);
  CHECK(bytes != NULL && strncmp(bytes, "<!DOCTYPE html>", 15) == 0);
  hact_free(bytes);
  CHECK(hact_assessment_create(framework, observations, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_report_overall(assessment, NULL, organisation, NULL, HACT_FORMAT_JSON, &bytes, &length) == HACT_OK);
  CHECK(bytes != NULL && strncmp(bytes, "{\"report\": \"overall\", \"year\": 2022", 34) == 0);
  CHECK(bytes != NULL && strstr(bytes, "2022年度总体监测评估报告") != NULL);
  hact_free(bytes);
  CHECK(hact_report_overall(assessment, NULL, NULL, NULL, 7, &bytes, &length) == HACT_ERROR_INVALID);
  hact_assessment_free(assessment);
  /* The departments by the framework's rule: tasks 60, action indicators 40; 市体育局's one
   * task done late earns 60 × 60% = 36; the city has no figures for the indicators. */
  CHECK(hact_report_departments(framework, observations, organisation, NULL, 2022, NULL, HACT_FORMAT_JSON, &bytes,
                                &length) == HACT_OK);
  CHECK(bytes != NULL && strstr(bytes, "{\"department\": \"市体育局\", \"rank\": 2, \"score\": \"36.00\"") != NULL);
  CHECK(bytes != NULL && strstr(bytes, "{\"department\": \"市卫生健康委\", \"rank\": 1, \"score\": \"60.00\"") != NULL);
  hact_free(bytes);
  CHECK(hact_report_departments(framework, observations, organisation, NULL, 2022, NULL, HACT_FORMAT_HTML, &bytes,
                                &length) == HACT_ERROR_INVALID);
  CHECK(hact_report_departments(framework, observations, NULL, NULL, 2022, NULL, HACT_FORMAT_JSON, &bytes,
                                &length) == HACT_ERROR_ARGUMENT);
  hact_organisation_free(organisation);
  hact_observations_free(observations);
  hact_framework_free(framework);
  free(org_text);
  free(units_text);
  free(counties);

  /* A table as the seeds paste it: the header, then one indicator. */
  {
    const char* table =
        "附件3\n\n示例市考核指标框架\n\n\t考核依据\n\t序号\n\t指标\n\t单位\n\t基期水平（2019年）\n\t2022年目标值\n\n"
        "\t《示例规划》\n\t1\n\t人均预期寿命\n\t岁\n\t76.6\n\t≥77\n";
    hact_import_options options;
    memset(&options, 0, sizeof options);
    options.struct_size = (int32_t)sizeof options;
    options.source = "示例市文件";
    CHECK(hact_framework_import(table, strlen(table), "table.txt", 9, &options, &text, &length, &framework,
                                NULL) == HACT_ERROR_INVALID);
    CHECK(hact_framework_import(table, strlen(table), "table.txt", HACT_TABLE_TEXT, &options, &text, &length,
                                &framework, &diagnostics) == HACT_OK);
    CHECK(text != NULL && strstr(text, "框架 \"示例市考核指标框架\"") != NULL);
    CHECK(text != NULL && strstr(text, "目标 2022 ≥77") != NULL && strstr(text, "基期 2019 76.6") != NULL);
    CHECK(hact_framework_indicator_count(framework, &count) == HACT_OK && count == 1);
    hact_free(text);
    hact_diagnostics_free(diagnostics);
    hact_framework_free(framework);
    options.marked_fall_percent = "十";
    CHECK(hact_framework_import(table, strlen(table), "table.txt", HACT_TABLE_TEXT, &options, &text, &length,
                                &framework, NULL) == HACT_ERROR_INVALID);
    CHECK(strstr(hact_last_error(), "marked_fall_percent") != NULL && text == NULL && framework == NULL);
    /* A table with an unreadable target: the text still comes, marking the cell; no framework. */
    options.marked_fall_percent = NULL;
    const char* bad = "\t序号\n\t指标\n\t2022年目标值\n\n\t1\n\t甲\n\t???\n";
    CHECK(hact_framework_import(bad, strlen(bad), "bad.txt", HACT_TABLE_TEXT, &options, &text, &length, &framework, &diagnostics) ==
          HACT_ERROR_INVALID);
    CHECK(framework == NULL && strstr(hact_last_error(), "bad.txt:7:") != NULL);
    CHECK(text != NULL && strstr(text, "???") != NULL); /* the cell marked for a clerk */
    CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count >= 1);
    hact_free(text);
    hact_diagnostics_free(diagnostics);
  }
}

static void test_sized_columns(void) {
  const char* framework_text =
      "框架 \"t\"\n指标 1 \"人均预期寿命\" {\n  单位 岁\n  方向 越高越好\n  目标 2022 ≥74\n}\n";
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  const int32_t years[] = {2022, 2022, 2022};
  size_t failed_at = 99;
  int32_t count = 0;
  /* "甲县\0乙县\0" is 14 bytes: two strings of 6 bytes and their NULs. */
  static const char units[] = "甲县\0乙县";
  static const char keys[] = "1\0001";
  static const char values[] = "75\00074";
  CHECK(hact_framework_parse(framework_text, strlen(framework_text), "t.ha", &framework, NULL) == HACT_OK);
  CHECK(hact_observations_create(framework, &observations) == HACT_OK);
  /* Count 3 over columns of two strings: refused at value 2, nothing read beyond the sizes. */
  CHECK(hact_observations_add_columns(observations, 3, units, sizeof units, keys, sizeof keys, years,
                                      values, sizeof values, &failed_at) == HACT_ERROR_ARGUMENT);
  CHECK(failed_at == 2 && strstr(hact_last_error(), "count or size is wrong") != NULL);
  /* Count 1 over columns of two: the extra string is refused, at index `count`. */
  CHECK(hact_observations_add_columns(observations, 1, units, sizeof units, keys, sizeof keys, years,
                                      values, sizeof values, &failed_at) == HACT_ERROR_ARGUMENT);
  CHECK(failed_at == 1);
  /* A last string without its NUL inside the size. */
  CHECK(hact_observations_add_columns(observations, 2, units, sizeof units - 1, keys, sizeof keys, years,
                                      values, sizeof values, &failed_at) == HACT_ERROR_ARGUMENT);
  CHECK(failed_at == 1);
  /* A bad second value: nothing of the batch is kept (the observations stay empty). */
  CHECK(hact_observations_add_columns(observations, 2, units, sizeof units, keys, sizeof keys, years,
                                      "75\0x", 5, &failed_at) == HACT_ERROR_INVALID);
  CHECK(failed_at == 1 && strstr(hact_last_error(), "value 1") != NULL);
  CHECK(hact_assess(framework, observations, 2022, &assessment) == HACT_ERROR_INVALID); /* no units */
  /* A key the framework lacks, in the second row. */
  CHECK(hact_observations_add_columns(observations, 2, units, sizeof units, "1\0002", 4, years, values,
                                      sizeof values, &failed_at) == HACT_ERROR_NOT_FOUND && failed_at == 1);
  /* Accepted whole. */
  CHECK(hact_observations_add_columns(observations, 2, units, sizeof units, keys, sizeof keys, years,
                                      values, sizeof values, &failed_at) == HACT_OK);
  CHECK(strcmp(hact_last_error(), "") == 0);
  /* A value that conflicts with one already there: the batch's new unit 丙县 is not kept either. */
  CHECK(hact_observations_add_columns(observations, 2, "丙县\0甲县", 14, keys, sizeof keys, years,
                                      "70\00076", 6, &failed_at) == HACT_ERROR_INVALID && failed_at == 1);
  CHECK(hact_assess(framework, observations, 2022, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 2); /* 甲 乙 */
  hact_assessment_free(assessment);
  CHECK(hact_observations_add_columns(observations, 0, NULL, 0, NULL, 0, NULL, NULL, 0, NULL) == HACT_OK);
  CHECK(hact_observations_add_columns(observations, 1, NULL, 0, keys, 2, years, values, 3, NULL) ==
        HACT_ERROR_ARGUMENT);
  hact_observations_free(observations);
  hact_framework_free(framework);
}

/* The spot-check and the reports through C, on the Zhangye example. */
static void test_review_and_reports(const char* examples) {
  char path[1024];
  hact_framework* city = NULL;
  hact_observations* observations = NULL;
  hact_organisation* organisation = NULL;
  hact_assessment* assessment = NULL;
  hact_assessment* recomputed = NULL;
  hact_review* review = NULL;
  hact_review* other = NULL;
  hact_discrepancy d;
  hact_verdict_detail detail;
  const char* first = NULL;
  const char* second = NULL;
  char* text;
  char* bytes = NULL;
  size_t length = 0, bytes_length = 0;
  int32_t count = 0, i, position = -1, found = 0;
  FILE* file;

  snprintf(path, sizeof path, "%s/zhangye.ha", examples);
  CHECK(hact_framework_load(path, &city, NULL) == HACT_OK);
  CHECK(hact_observations_create(city, &observations) == HACT_OK);
  snprintf(path, sizeof path, "%s/zhangye-counties-2020-2022.csv", examples);
  text = read_file(path, &length);
  CHECK(hact_observations_read_csv(observations, text, length, "counties.csv", NULL, NULL) == HACT_OK);
  free(text);
  CHECK(hact_assessment_create(city, observations, 2022, NULL, &assessment) == HACT_OK);
  CHECK(hact_assessment_unit_count(assessment, &count) == HACT_OK && count == 6);

  /* A draw larger than the units, or of none, is refused, not cut down silently. */
  CHECK(hact_review_draw(assessment, 7, 1, &review) == HACT_ERROR_INVALID && review == NULL);
  CHECK(strstr(hact_last_error(), "cannot draw 7 of 6") != NULL);
  CHECK(hact_review_draw(assessment, 0, 1, &review) == HACT_ERROR_INVALID);
  /* Reproducible: the same seed draws the same units. */
  CHECK(hact_review_draw(assessment, 2, 42, &review) == HACT_OK);
  CHECK(hact_review_draw(assessment, 2, 42, &other) == HACT_OK);
  CHECK(hact_review_unit(review, 0, &first) == HACT_OK && hact_review_unit(other, 0, &second) == HACT_OK);
  CHECK(strcmp(first, second) == 0);
  CHECK(hact_review_unit(review, 1, &first) == HACT_OK && hact_review_unit(other, 1, &second) == HACT_OK);
  CHECK(strcmp(first, second) == 0);
  CHECK(hact_review_unit(review, 2, &first) == HACT_ERROR_RANGE);
  hact_review_free(other);
  hact_review_free(review);

  snprintf(path, sizeof path, "%s/zhangye-review-2022.csv", examples);
  text = read_file(path, &length);
  /* One unit drawn, verified values for two (甘州区, 高台县): one was not drawn. */
  CHECK(hact_review_draw(assessment, 1, 7, &review) == HACT_OK);
  CHECK(hact_review_verify_csv(review, text, length, "review.csv", NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "which was not drawn for review") != NULL);
  CHECK(hact_review_discrepancy_count(review, &count) == HACT_ERROR_INVALID); /* nothing verified */
  hact_review_free(review);

  /* All six drawn.  The file confirms 甘州区's 1 (75.8) and 高台县's 9 (3.32) and
   * changes two: 甘州区's 23 from 76.8 to 73.9 (met ≥75 → not met, with
   * 宋生礼's reason, line 7) and 高台县's 5 from 89.9 to 90.1. */
  CHECK(hact_review_draw(assessment, 6, 1, &review) == HACT_OK);
  CHECK(hact_review_verify_csv(review, text, length, "review.csv", NULL) == HACT_OK);
  free(text);
  CHECK(hact_review_discrepancy_count(review, &count) == HACT_OK && count == 2);
  for (i = 0; i < count; ++i) {
    CHECK(hact_review_discrepancy(review, i, &d) == HACT_OK);
    if (strcmp(d.unit, "甘州区") == 0) {
      ++found;
      CHECK(strcmp(d.key, "23") == 0 && strcmp(d.indicator, "23") == 0);
      CHECK(strcmp(d.reported, "76.8") == 0 && strcmp(d.verified, "73.9") == 0);
      CHECK(d.before == HACT_MET && d.after == HACT_NOT_MET);
      CHECK(strcmp(d.reviewer, "宋生礼") == 0 && d.line == 7);
      CHECK(strstr(d.reason, "14 名未按规范管理") != NULL);
    } else {
      ++found;
      CHECK(strcmp(d.unit, "高台县") == 0 && strcmp(d.key, "5") == 0);
      CHECK(strcmp(d.reported, "89.9") == 0 && strcmp(d.verified, "90.1") == 0);
    }
  }
  CHECK(found == 2);
  CHECK(hact_review_discrepancy(review, 2, &d) == HACT_ERROR_RANGE);
  CHECK(hact_review_assessment(review, &recomputed) == HACT_OK);
  CHECK(hact_assessment_unit_count(recomputed, &count) == HACT_OK && count == 6);
  detail.struct_size = (int32_t)sizeof detail;
  for (i = 0; i < count; ++i) {
    hact_unit_result unit;
    CHECK(hact_assessment_unit(recomputed, i, &unit) == HACT_OK);
    if (strcmp(unit.unit, "甘州区") == 0) position = i;
  }
  CHECK(hact_assessment_verdict_of(recomputed, position, "23", &detail) == HACT_OK);
  CHECK(detail.status == HACT_NOT_MET && strcmp(detail.value, "73.9") == 0);
  hact_assessment_free(recomputed);

  /* The assessment report with the spot-check, in each format. */
  CHECK(hact_report_assessment(assessment, review, HACT_FORMAT_MARKDOWN, &bytes, &bytes_length) == HACT_OK);
  CHECK(bytes != NULL && strlen(bytes) == bytes_length);
  CHECK(strstr(bytes, "73.9") != NULL && strstr(bytes, "宋生礼") != NULL);
  hact_free(bytes);
  CHECK(hact_report_assessment(assessment, NULL, HACT_FORMAT_JSON, &bytes, NULL) == HACT_OK);
  CHECK(bytes[0] == '{' && strstr(bytes, "\"report\": \"assessment\"") != NULL);
  hact_free(bytes);
  CHECK(hact_report_assessment(assessment, review, HACT_FORMAT_HTML, &bytes, &bytes_length) == HACT_OK);
  CHECK(strstr(bytes, "<svg") != NULL);
  /* ... and into a file, whole. */
  snprintf(path, sizeof path, "capi-test-report.html");
  CHECK(hact_file_write(path, bytes, bytes_length) == HACT_OK);
  file = fopen(path, "rb");
  CHECK(file != NULL);
  if (file != NULL) {
    char head[16] = {0};
    CHECK(fread(head, 1, 15, file) == 15 && strncmp(head, bytes, 15) == 0);
    fseek(file, 0, SEEK_END);
    CHECK((size_t)ftell(file) == bytes_length);
    fclose(file);
  }
  remove(path);
  CHECK(hact_file_write("no-such-folder/report.html", bytes, bytes_length) == HACT_ERROR_INVALID);
  CHECK(fopen("no-such-folder/report.html.partial", "rb") == NULL);
  hact_free(bytes);
  CHECK(hact_report_assessment(assessment, NULL, 9, &bytes, NULL) == HACT_ERROR_INVALID && bytes == NULL);
  hact_review_free(review);

  /* The monitoring report, with the tasks overdue at the year's end. */
  snprintf(path, sizeof path, "%s/zhangye.org.ha", examples);
  text = read_file(path, &length);
  CHECK(hact_organisation_parse(text, length, "zhangye.org.ha", &organisation, NULL) == HACT_OK);
  free(text);
  CHECK(hact_report_monitoring(city, observations, organisation, "2022-12-31", HACT_FORMAT_MARKDOWN, &bytes,
                               NULL) == HACT_OK);
  /* Due 2022-09-30 and not done: overdue on 2022-12-31. */
  CHECK(strstr(bytes, "逾期任务") != NULL && strstr(bytes, "建立学生体质健康监测数据报送机制") != NULL);
  hact_free(bytes);
  CHECK(hact_report_monitoring(city, observations, organisation, "2022-13-01", HACT_FORMAT_JSON, &bytes,
                               NULL) == HACT_ERROR_INVALID);
  hact_organisation_free(organisation);
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(city);
}

/* Seat changes by the documents' procedure, and overdue tasks, on the Zhangye organisation. */
static void test_changes_and_tasks(const char* examples) {
  char path[1024];
  hact_organisation* organisation = NULL;
  hact_roster* before = NULL;
  hact_roster* after = NULL;
  hact_roster* earlier = NULL;
  hact_tasks* tasks = NULL;
  hact_seat_change change;
  hact_task task;
  char* text;
  size_t length = 0;
  int32_t seats = 0, count = 0;

  snprintf(path, sizeof path, "%s/zhangye.org.ha", examples);
  text = read_file(path, &length);
  CHECK(hact_organisation_parse(text, length, "zhangye.org.ha", &organisation, NULL) == HACT_OK);
  free(text);
  CHECK(hact_roster_create(organisation, 0, "2022-06-01", &before) == HACT_OK);
  CHECK(hact_roster_seat_count(before, &seats) == HACT_OK && seats == 37);

  memset(&change, 0, sizeof change);
  change.kind = HACT_SEAT_REMOVE;
  change.date = "2022-05-01";
  change.role = "成员";
  change.post = "市体育局副局长";
  change.proposed_by = "市教育局"; /* not the office */
  change.approved_by = "马斌";
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_ARGUMENT); /* no struct_size */
  change.struct_size = (int32_t)sizeof change;
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "proposed by the committee's office") != NULL);
  change.proposed_by = "市卫生健康委";
  change.role = "组长";
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_INVALID);
  change.role = "成员";
  change.kind = 9;
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_INVALID);
  change.kind = HACT_SEAT_REMOVE;
  change.date = "2022-02-30";
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_INVALID);
  change.date = "2022-05-01";
  CHECK(hact_organisation_propose_change(organisation, 1, &change) == HACT_ERROR_RANGE);
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_OK);
  CHECK(strcmp(hact_last_error(), "") == 0);
  /* The same change again is refused. */
  CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_ERROR_INVALID);
  CHECK(hact_roster_create(organisation, 0, "2022-06-01", &after) == HACT_OK);
  CHECK(hact_roster_seat_count(after, &count) == HACT_OK && count == 36);
  CHECK(hact_roster_create(organisation, 0, "2022-04-30", &earlier) == HACT_OK);
  CHECK(hact_roster_seat_count(earlier, &count) == HACT_OK && count == 37);
  /* A roster made before the change keeps its seats. */
  CHECK(hact_roster_seat_count(before, &count) == HACT_OK && count == 37);

  /* Overdue: 2022-06-01 none (the one due 05-31 was done 05-20); 2022-11-01 two
   * (due 09-30 and not done; due 10-31, done only 11-15); 2022-12-31 one. */
  CHECK(hact_tasks_overdue(organisation, 0, "2022-06-01", &tasks) == HACT_OK);
  CHECK(hact_tasks_count(tasks, &count) == HACT_OK && count == 0);
  hact_tasks_free(tasks);
  CHECK(hact_tasks_overdue(organisation, 0, "2022-11-01", &tasks) == HACT_OK);
  CHECK(hact_tasks_count(tasks, &count) == HACT_OK && count == 2);
  hact_tasks_free(tasks);
  CHECK(hact_tasks_overdue(organisation, 0, "2022-12-31", &tasks) == HACT_OK);
  hact_organisation_free(organisation); /* the tasks handle keeps what it needs */
  CHECK(hact_tasks_count(tasks, &count) == HACT_OK && count == 1);
  CHECK(hact_tasks_get(tasks, 0, &task) == HACT_OK);
  CHECK(strcmp(task.description, "建立学生体质健康监测数据报送机制") == 0);
  CHECK(strcmp(task.owner, "市教育局") == 0 && strcmp(task.due, "2022-09-30") == 0);
  CHECK(strcmp(task.meeting, "全体会议 2022-03-15") == 0);
  CHECK(hact_tasks_get(tasks, 1, &task) == HACT_ERROR_RANGE);
  hact_tasks_free(tasks);
  CHECK(hact_tasks_overdue(NULL, 0, "2022-12-31", &tasks) == HACT_ERROR_ARGUMENT && tasks == NULL);
  hact_roster_free(before);
  hact_roster_free(after);
  hact_roster_free(earlier);
}

/* A data file read from its path (mapped by the library) reads as its text
 * does: the same units and the same ranking; a row's problem is placed in
 * the file, named by its path; a path that is no file says so. */
/* hact_assessment_units gives what hact_assessment_unit gives, a range of
 * the ranking at a time, and writes nothing for a range outside it. */
static void test_units_in_one_call(const hact_assessment* assessment, int32_t count) {
  hact_unit_result all[8], one, untouched[2];
  int32_t p;
  CHECK(count == 6);
  CHECK(hact_assessment_units(assessment, 0, count, all) == HACT_OK);
  for (p = 0; p < count; ++p) {
    CHECK(hact_assessment_unit(assessment, p, &one) == HACT_OK);
    CHECK(strcmp(all[p].unit, one.unit) == 0 && strcmp(all[p].score, one.score) == 0 &&
          all[p].rank == one.rank && strcmp(all[p].grade, one.grade) == 0);
  }
  /* The last two, into the start of the array. */
  CHECK(hact_assessment_units(assessment, 4, 2, all) == HACT_OK);
  CHECK(hact_assessment_unit(assessment, 5, &one) == HACT_OK && strcmp(all[1].unit, one.unit) == 0);
  CHECK(hact_assessment_units(assessment, 6, 0, NULL) == HACT_OK);  /* nothing, at the end */
  memset(untouched, 0, sizeof untouched);
  CHECK(hact_assessment_units(assessment, 5, 2, untouched) == HACT_ERROR_RANGE);
  CHECK(untouched[0].unit == NULL && strstr(hact_last_error(), "5") != NULL);
  CHECK(hact_assessment_units(assessment, -1, 1, untouched) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_units(assessment, 0, -1, untouched) == HACT_ERROR_RANGE);
  CHECK(hact_assessment_units(assessment, 2147483647, 2147483647, untouched) == HACT_ERROR_RANGE);
  CHECK(untouched[0].unit == NULL && untouched[1].unit == NULL);
  CHECK(hact_assessment_units(assessment, 0, 1, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_assessment_units(NULL, 0, 0, NULL) == HACT_ERROR_ARGUMENT);
}

static void test_read_file(const char* examples) {
  char path[4096], bad[4096];
  hact_framework* city = NULL;
  hact_observations* from_text = NULL;
  hact_observations* from_file = NULL;
  hact_assessment* a = NULL;
  hact_assessment* b = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_diagnostic d;
  hact_unit_result first_a, first_b;
  char* text;
  size_t length = 0;
  int32_t count = 0;
  FILE* file;

  snprintf(path, sizeof path, "%s/zhangye.ha", examples);
  CHECK(hact_framework_load(path, &city, NULL) == HACT_OK);
  snprintf(path, sizeof path, "%s/zhangye-counties-2020-2022.csv", examples);
  text = read_file(path, &length);
  CHECK(hact_observations_new(&from_text) == HACT_OK && hact_observations_new(&from_file) == HACT_OK);
  CHECK(hact_observations_read_csv(from_text, text, length, path, city, NULL) == HACT_OK);
  free(text);
  CHECK(hact_observations_read_file(from_file, path, city, &diagnostics) == HACT_OK);
  CHECK(*hact_last_error() == '\0');
  hact_diagnostics_free(diagnostics);
  CHECK(hact_assessment_create(city, from_text, 2022, NULL, &a) == HACT_OK);
  CHECK(hact_assessment_create(city, from_file, 2022, NULL, &b) == HACT_OK);
  CHECK(hact_assessment_unit_count(b, &count) == HACT_OK && count == 6);
  CHECK(hact_assessment_unit(a, 0, &first_a) == HACT_OK && hact_assessment_unit(b, 0, &first_b) == HACT_OK);
  CHECK(strcmp(first_a.unit, first_b.unit) == 0 && strcmp(first_a.score, first_b.score) == 0);
  test_units_in_one_call(b, count);
  hact_assessment_free(a);
  hact_assessment_free(b);

  /* Line 3, column 12: the value after "甘州区,1,2022," (11 code points). */
  snprintf(bad, sizeof bad, "%s/healthact-capi-read-file.csv", "/tmp");
  file = fopen(bad, "wb");
  CHECK(file != NULL);
  if (file != NULL) {
    fputs("unit,indicator,year,value\n甘州区,2,2022,6.1\n甘州区,1,2022,七十\n", file);
    fclose(file);
  }
  hact_observations_free(from_file);
  CHECK(hact_observations_new(&from_file) == HACT_OK);
  CHECK(hact_observations_read_file(from_file, bad, city, &diagnostics) == HACT_ERROR_INVALID);
  CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count == 1);
  CHECK(hact_diagnostics_get(diagnostics, 0, &d) == HACT_OK);
  CHECK(strcmp(d.file, bad) == 0 && d.line == 3 && d.column == 12);
  hact_diagnostics_free(diagnostics);
  remove(bad);
  CHECK(hact_observations_read_file(from_file, bad, city, &diagnostics) == HACT_ERROR_NOT_FOUND);
  CHECK(diagnostics == NULL && strstr(hact_last_error(), "cannot open") != NULL);
  CHECK(hact_observations_read_file(from_file, "/tmp", city, NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "is a folder") != NULL);
  CHECK(hact_observations_read_file(from_file, "", city, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_observations_read_file(from_file, NULL, city, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_observations_read_file(NULL, path, city, NULL) == HACT_ERROR_ARGUMENT);
  CHECK(hact_observations_read_file(from_file, "\xff.csv", city, NULL) == HACT_ERROR_INVALID);
  hact_observations_free(from_text);
  hact_observations_free(from_file);
  hact_framework_free(city);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test EXAMPLES_DIR\n");
    return 2;
  }
  test_version_and_errors();
  /* Messages are Chinese by default; this suite checks them in English (the
   * reasons are checked in both, in test_validation). */
  CHECK(strcmp(hact_language(), "zh") == 0);
  CHECK(hact_set_language("en") == HACT_OK);
  test_nulls();
  test_parse_errors();
  test_liuzhou(argv[1]);
  test_organisation(argv[1]);
  test_options();
  test_validation(argv[1]);
  test_frameworks_and_numbers(argv[1]);
  test_sized_columns();
  test_coded_columns();
  test_aggregation_reports_and_import(argv[1]);
  test_review_and_reports(argv[1]);
  test_changes_and_tasks(argv[1]);
  test_read_file(argv[1]);
  printf("capi: %d passed, %d failed\n", passed, failed);
  hact_shutdown(); /* ICU's caches, so that Valgrind finds nothing still reachable */
  return failed == 0 ? 0 : 1;
}

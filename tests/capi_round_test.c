/* The assessment round through the C interface, from C99: the six Zhangye
 * counties' 2022 round from its opening to its publication, with every step
 * the documents' procedure refuses refused, worked by hand from
 * examples/ (the same round as tests/round_end_to_end.cmake, through C).
 * Usage: capi_round_test EXAMPLES_DIR WORK_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capi_check.h"

static const char* const kCounties[6] = {"甘州区", "肃南裕固族自治县", "民乐县", "临泽县", "高台县", "山丹县"};

static char path_buffer[4][1024];

/* examples/NAME or WORK/NAME, in one of four buffers. */
static const char* join(int slot, const char* dir, const char* name) {
  snprintf(path_buffer[slot], sizeof path_buffer[slot], "%s/%s", dir, name);
  return path_buffer[slot];
}

/* The 2022 rows of `county` from the counties' file, as a data file of its own. */
static char* figures_of(const char* all, const char* county) {
  size_t capacity = strlen(all) + 64, used = 0;
  char* out = (char*)malloc(capacity);
  const char* line = all;
  size_t prefix = strlen(county);
  used += (size_t)sprintf(out, "unit,indicator,year,value\n");
  while (*line != '\0') {
    const char* end = strchr(line, '\n');
    size_t length = end != NULL ? (size_t)(end - line) + 1 : strlen(line);
    if (strncmp(line, county, prefix) == 0 && line[prefix] == ',') {
      const char* year = line + prefix + 1;
      while (*year != ',' && *year != '\n' && *year != '\0') ++year;
      if (strncmp(year, ",2022,", 6) == 0) {
        memcpy(out + used, line, length);
        used += length;
      }
    }
    line += length;
  }
  out[used] = '\0';
  return out;
}

/* Unit `unit`'s submissions after the steps up to `as_of`: its state, and
 * its revisions and returned reason copied into *revisions and reason. */
static int32_t submission_state(hact_round* round, const char* as_of, const char* unit, int32_t* revisions,
                                char* reason, size_t size) {
  hact_round_status* status = NULL;
  hact_round_summary summary;
  int32_t i, found = -1;
  if (hact_round_status_create(round, as_of, &status) != HACT_OK) return -1;
  summary.struct_size = (int32_t)sizeof summary;
  CHECK(hact_round_status_summary(status, &summary) == HACT_OK);
  CHECK(hact_round_status_unit(status, summary.unit_count, NULL) == HACT_ERROR_ARGUMENT);
  for (i = 0; i < summary.unit_count; ++i) {
    hact_round_unit u;
    CHECK(hact_round_status_unit(status, i, &u) == HACT_OK);
    if (strcmp(u.unit, unit) != 0) continue;
    found = u.state;
    *revisions = u.revisions;
    snprintf(reason, size, "%s", u.returned_reason);
  }
  {
    hact_round_unit u;
    CHECK(hact_round_status_unit(status, summary.unit_count, &u) == HACT_ERROR_RANGE);
  }
  hact_round_status_free(status);
  return found;
}

static void summary_of(hact_round* round, const char* as_of, hact_round_summary* out, char* approved_by,
                       size_t size) {
  hact_round_status* status = NULL;
  out->struct_size = (int32_t)sizeof *out;
  CHECK(hact_round_status_create(round, as_of, &status) == HACT_OK);
  CHECK(hact_round_status_summary(status, out) == HACT_OK);
  snprintf(approved_by, size, "%s", out->approved_by);
  hact_round_status_free(status);
}

int main(int argc, char** argv) {
  const char* examples;
  const char* work;
  char *framework_text, *org_text, *units_text, *counties, *review_text;
  size_t length = 0, framework_length = 0, org_length = 0, units_length = 0, review_length = 0;
  hact_framework* framework = NULL;
  hact_organisation* organisation = NULL;
  hact_observations* units = NULL;
  hact_round* round = NULL;
  hact_round* again = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_review* review = NULL;
  hact_round_definition definition;
  hact_round_summary summary;
  int32_t revisions = 0;
  char reason[128];
  hact_discrepancy discrepancy;
  char approved_by[64];
  char* figures[6];
  char* bytes = NULL;
  int32_t count = 0, i;
  if (argc != 3) {
    fprintf(stderr, "usage: capi_round_test EXAMPLES_DIR WORK_DIR\n");
    return 2;
  }
  examples = argv[1];
  /* The messages below are checked in English (Chinese is the default). */
  CHECK(hact_set_language("en") == HACT_OK);
  work = argv[2];
  framework_text = read_file(join(0, examples, "zhangye.ha"), &framework_length);
  org_text = read_file(join(0, examples, "zhangye.org.ha"), &org_length);
  units_text = read_file(join(0, examples, "zhangye-units.csv"), &units_length);
  counties = read_file(join(0, examples, "zhangye-counties-2020-2022.csv"), &length);
  review_text = read_file(join(0, examples, "zhangye-review-2022.csv"), &review_length);
  if (!framework_text || !org_text || !units_text || !counties || !review_text) {
    fprintf(stderr, "capi_round_test: cannot read the examples in %s\n", examples);
    return 2;
  }
  CHECK(hact_framework_parse(framework_text, framework_length, "zhangye.ha", &framework, NULL) == HACT_OK);
  CHECK(hact_organisation_parse(org_text, org_length, "zhangye.org.ha", &organisation, NULL) == HACT_OK);
  CHECK(hact_observations_new(&units) == HACT_OK);
  CHECK(hact_observations_read_units_csv(units, units_text, units_length, "zhangye-units.csv", NULL) == HACT_OK);
  for (i = 0; i < 6; ++i) figures[i] = figures_of(counties, kCounties[i]);
  remove(join(1, work, "round.db"));
  remove(join(2, work, "imported.db"));

  /* ---- Opening: what the round assesses ---- */
  memset(&definition, 0, sizeof definition);
  definition.struct_size = (int32_t)sizeof definition;
  definition.year = 2020; /* Zhangye states 2022 targets only */
  definition.kind = HACT_ROUND_OFFICIAL;
  definition.level = "县区";
  definition.deadline = "2023-01-15T18:00:00";
  definition.assessment_group = "宋生礼、曹俊";
  definition.by = "魏士博";
  definition.at = "2023-01-02T09:00:00";
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_ERROR_INVALID);
  CHECK(round == NULL);
  CHECK(strstr(hact_last_error(), "no target for 2020; a trial (试考核) may judge it against 2022's") != NULL);
  definition.year = 2022;
  definition.level = "乡镇"; /* none of the units file */
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "selects no unit") != NULL);
  definition.level = "县区";
  definition.at = "2023-02-30T09:00:00";
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "at '2023-02-30T09:00:00' is not a moment") != NULL);
  definition.at = "2023-01-02T09:00:00";
  definition.by = "\xff";
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "by is not valid UTF-8") != NULL);
  definition.by = "魏士博";
  definition.struct_size = 8;
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_ERROR_ARGUMENT);
  definition.struct_size = (int32_t)sizeof definition;
  CHECK(hact_round_create(NULL, framework, organisation, units, &definition, &round) == HACT_ERROR_ARGUMENT);
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &round) ==
        HACT_OK);
  CHECK(strcmp(hact_last_error(), "") == 0);
  /* A file that exists is never overwritten. */
  CHECK(hact_round_create(join(1, work, "round.db"), framework, organisation, units, &definition, &again) ==
        HACT_ERROR_INVALID);
  CHECK(again == NULL);
  summary_of(round, NULL, &summary, approved_by, sizeof approved_by);
  CHECK(summary.year == 2022 && summary.kind == HACT_ROUND_OFFICIAL && summary.state == HACT_ROUND_COLLECTING);
  CHECK(summary.unit_count == 6 && summary.event_count == 1);
  {
    hact_round_status* status = NULL;
    CHECK(hact_round_status_create(round, NULL, &status) == HACT_OK);
    CHECK(hact_round_status_summary(status, &summary) == HACT_OK);
    CHECK(strcmp(summary.state_name, "收集中") == 0 && strcmp(summary.approved_at, "") == 0);
    summary.struct_size = 4;
    CHECK(hact_round_status_summary(status, &summary) == HACT_ERROR_ARGUMENT);
    summary.struct_size = (int32_t)sizeof summary;
    hact_round_status_free(status);
  }

  /* ---- Submissions ---- */
  /* Another unit's rows, or rows that do not read, are refused. */
  CHECK(hact_round_submit(round, "临泽县", "统计员", NULL, figures[0], strlen(figures[0]),
                          "2023-01-10T10:00:00", NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "has figures of '甘州区', not only of '临泽县'") != NULL);
  CHECK(hact_round_submit(round, "甘州区", "统计员", NULL, "unit,indicator,year,value\n甘州区,99,2022,1\n", 41,
                          "2023-01-10T10:00:00", &diagnostics) == HACT_ERROR_INVALID);
  CHECK(hact_diagnostics_count(diagnostics, &count) == HACT_OK && count >= 1);
  hact_diagnostics_free(diagnostics);
  diagnostics = NULL;
  CHECK(hact_round_submit(round, "甘州区", "统计\xc3", NULL, figures[0], strlen(figures[0]), NULL, NULL) ==
        HACT_ERROR_INVALID);
  CHECK(hact_round_submit(round, "甘州区", "统计员", NULL, NULL, 0, NULL, NULL) == HACT_ERROR_ARGUMENT);
  for (i = 0; i < 6; ++i) {
    CHECK(hact_round_submit(round, kCounties[i], "统计员", "2022 年报", figures[i], strlen(figures[i]),
                            "2023-01-10T10:00:00", NULL) == HACT_OK);
  }
  /* The office returns 山丹县's figures; it submits again. */
  CHECK(hact_round_return(round, "山丹县", "宋生礼", NULL, "2023-01-11T09:00:00") == HACT_ERROR_ARGUMENT);
  CHECK(hact_round_return(round, "山丹县", "宋生礼", "指标9 与年报不符", "2023-01-11T09:00:00") == HACT_OK);
  CHECK(submission_state(round, NULL, "山丹县", &revisions, reason, sizeof reason) == HACT_SUBMISSION_RETURNED);
  CHECK(revisions == 1 && strcmp(reason, "指标9 与年报不符") == 0);
  CHECK(hact_round_accept(round, "不存在县", "魏士博", "2023-01-11T10:00:00") == HACT_ERROR_NOT_FOUND);
  /* Steps are kept in time order. */
  CHECK(hact_round_accept(round, "甘州区", "魏士博", "2023-01-10T09:00:00") == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "time order") != NULL);
  CHECK(hact_round_submit(round, "山丹县", "统计员", NULL, figures[5], strlen(figures[5]), "2023-01-12T09:00:00",
                          NULL) == HACT_OK);
  /* The result is given only once approved. */
  CHECK(hact_round_export(round, HACT_FORMAT_JSON, &bytes, NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "collecting") != NULL && bytes == NULL);
  for (i = 0; i < 6; ++i) {
    CHECK(hact_round_accept(round, kCounties[i], "魏士博", "2023-01-13T09:00:00") == HACT_OK);
  }
  CHECK(submission_state(round, NULL, "山丹县", &revisions, reason, sizeof reason) == HACT_SUBMISSION_ACCEPTED);
  CHECK(revisions == 2 && strcmp(reason, "") == 0);

  /* ---- The spot-check ---- */
  CHECK(hact_round_review(round, "宋生礼", "宋生礼、曹俊", 9, 1, review_text, review_length, "2023-01-14T08:00:00",
                          NULL, NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "cannot draw 9 of 6 units") != NULL);
  CHECK(hact_round_review(round, "宋生礼", "宋生里、曹俊", 0, 0, review_text, review_length,
                          "2023-01-14T08:30:00", NULL, NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "宋生里") != NULL);
  /* 甘州区's 高血压患者规范管理率 (23): reported 76.8 (≥ 75, met), verified 73.9. */
  CHECK(hact_round_review(round, "宋生礼", "宋生礼、曹俊", 0, 0, review_text, review_length, "2023-01-14T09:00:00",
                          NULL, &review) == HACT_OK);
  /* And 高台县's 5: reported 89.9, verified 90.1, "报告时漏计 2 名住院分娩". */
  CHECK(hact_review_discrepancy_count(review, &count) == HACT_OK && count == 2);
  CHECK(hact_review_discrepancy(review, 1, &discrepancy) == HACT_OK);
  CHECK(strcmp(discrepancy.unit, "高台县") == 0 && strcmp(discrepancy.key, "5") == 0);
  CHECK(strcmp(discrepancy.reported, "89.9") == 0 && strcmp(discrepancy.verified, "90.1") == 0);
  CHECK(strstr(discrepancy.reason, "漏计 2 名住院分娩") != NULL && strcmp(discrepancy.reviewer, "曹俊") == 0);
  CHECK(hact_review_discrepancy(review, 0, &discrepancy) == HACT_OK);
  /* 甘州区 first: the verified file's order. */
  CHECK(strcmp(discrepancy.unit, "甘州区") == 0 && strcmp(discrepancy.key, "23") == 0);
  CHECK(strcmp(discrepancy.reported, "76.8") == 0 && strcmp(discrepancy.verified, "73.9") == 0);
  CHECK(discrepancy.before == HACT_MET && discrepancy.after == HACT_NOT_MET);
  hact_review_free(review);

  /* ---- Approval, publication ---- */
  CHECK(hact_round_step(round, HACT_STEP_APPROVE, "魏士博", NULL, "2023-01-15T09:00:00") == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "市政府副市长（马斌）") != NULL);
  CHECK(hact_round_step(round, HACT_STEP_APPROVE, "马斌", "because", "2023-01-15T10:00:00") == HACT_ERROR_ARGUMENT);
  CHECK(hact_round_step(round, 42, "马斌", NULL, "2023-01-15T10:00:00") == HACT_ERROR_INVALID);
  CHECK(hact_round_step(round, HACT_STEP_APPROVE, "马斌", NULL, "2023-01-15T10:00:00") == HACT_OK);
  summary_of(round, NULL, &summary, approved_by, sizeof approved_by);
  CHECK(summary.state == HACT_ROUND_APPROVED && strcmp(approved_by, "马斌") == 0);
  CHECK(hact_round_step(round, HACT_STEP_PUBLISH, "魏士博", NULL, "2023-01-16T09:00:00") == HACT_OK);
  CHECK(hact_round_submit(round, "甘州区", "统计员", NULL, figures[0], strlen(figures[0]), "2023-01-17T09:00:00",
                          NULL) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "the round is published") != NULL);
  /* The overall report: formed with its text, agreed by the director. */
  CHECK(hact_round_step(round, HACT_STEP_REPORT_FORM, "魏士博", NULL, "2023-01-18T10:00:00") ==
        HACT_ERROR_ARGUMENT);
  CHECK(hact_round_step(round, HACT_STEP_REPORT_AGREE, "马斌", NULL, "2023-01-18T10:00:00") == HACT_ERROR_INVALID);
  CHECK(hact_round_step(round, HACT_STEP_REPORT_FORM, "魏士博", "# 健康张掖行动 2022 年度监测评估报告\n",
                        "2023-01-18T10:00:00") == HACT_OK);
  CHECK(hact_round_step(round, HACT_STEP_REPORT_AGREE, "马斌", NULL, "2023-01-19T10:00:00") == HACT_OK);
  summary_of(round, NULL, &summary, approved_by, sizeof approved_by);
  /* 1 opening + 7 submissions + 1 return + 6 acceptances + review + approval + publication + 2 report steps */
  CHECK(summary.state == HACT_ROUND_PUBLISHED && summary.event_count == 20);
  summary_of(round, "2023-01-13T23:59:59", &summary, approved_by, sizeof approved_by);
  CHECK(summary.state == HACT_ROUND_COLLECTING && summary.event_count == 15 && strcmp(approved_by, "") == 0);
  CHECK(submission_state(round, "2023-01-11T12:00:00", "山丹县", &revisions, reason, sizeof reason) ==
        HACT_SUBMISSION_RETURNED);

  /* ---- The result ---- */
  CHECK(hact_round_export(round, HACT_FORMAT_HTML, &bytes, NULL) == HACT_ERROR_INVALID);
  CHECK(hact_round_export(round, HACT_FORMAT_CSV, &bytes, &length) == HACT_OK);
  CHECK(bytes != NULL && strlen(bytes) == length);
  CHECK(bytes != NULL && strstr(bytes, "正式考核,甘州区,") != NULL);
  CHECK(bytes != NULL && strstr(bytes, ",23,not_met,73.9,") != NULL);
  hact_free(bytes);
  {
    hact_assessment* result = NULL;
    hact_unit_result position;
    hact_verdict_detail verdict;
    int32_t p, units_seen = 0;
    CHECK(hact_round_assessment(round, &result) == HACT_OK);
    CHECK(hact_assessment_unit_count(result, &count) == HACT_OK && count == 6);
    for (p = 0; p < count; ++p) {
      CHECK(hact_assessment_unit(result, p, &position) == HACT_OK);
      if (strcmp(position.unit, "甘州区") != 0) continue;
      ++units_seen;
      verdict.struct_size = (int32_t)sizeof verdict;
      CHECK(hact_assessment_verdict_of(result, p, "23", &verdict) == HACT_OK);
      CHECK(verdict.status == HACT_NOT_MET && strcmp(verdict.value, "73.9") == 0);
    }
    CHECK(units_seen == 1);
    hact_assessment_free(result);
  }

  /* ---- The history, kept elsewhere and imported ---- */
  CHECK(hact_round_history(round, NULL, &bytes, &length) == HACT_OK);
  {
    int32_t lines = 0;
    const char* c;
    for (c = bytes; *c != '\0'; ++c) lines += *c == '\n';
    CHECK(lines == 20);
    CHECK(strncmp(bytes, "{\"seq\": 1, \"at\": \"2023-01-02T09:00:00\", \"event\": \"open\"", 55) == 0);
  }
  CHECK(hact_round_import(join(2, work, "imported.db"), framework, organisation, bytes, length, &again) == HACT_OK);
  summary_of(again, NULL, &summary, approved_by, sizeof approved_by);
  CHECK(summary.state == HACT_ROUND_PUBLISHED && summary.event_count == 20 && strcmp(approved_by, "马斌") == 0);
  hact_round_free(again);
  again = NULL;
  /* A history with a gap is refused, and no file is left. */
  CHECK(hact_round_import(join(3, work, "gap.db"), framework, organisation, strchr(bytes, '\n') + 1,
                          strlen(strchr(bytes, '\n') + 1), &again) == HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "<history>:1: event 2 where event 1 comes") != NULL);
  CHECK(fopen(join(3, work, "gap.db"), "rb") == NULL);
  hact_free(bytes);

  /* ---- The file, opened again ---- */
  hact_round_free(round);
  round = NULL;
  CHECK(hact_round_open(join(1, work, "round.db"), 1, &round) == HACT_OK);
  {
    hact_round_status* status = NULL;
    summary.struct_size = (int32_t)sizeof summary;
    CHECK(hact_round_status_create(round, NULL, &status) == HACT_OK);
    CHECK(hact_round_status_summary(status, &summary) == HACT_OK);
    CHECK(summary.event_count == 20 && strcmp(summary.framework, "健康张掖行动考核指标框架") == 0);
    CHECK(strcmp(summary.published_at, "2023-01-16T09:00:00") == 0);
    hact_round_status_free(status);
  }
  /* Opened read-only: no step is written. */
  CHECK(hact_round_step(round, HACT_STEP_REPORT_SEND_UP, "魏士博", NULL, "2023-01-20T09:00:00") ==
        HACT_ERROR_INVALID);
  CHECK(strstr(hact_last_error(), "opened read-only") != NULL);
  {
    hact_framework* kept = NULL;
    int32_t indicators = 0, original = 0;
    CHECK(hact_round_framework(round, &kept) == HACT_OK);
    CHECK(hact_framework_indicator_count(kept, &indicators) == HACT_OK);
    CHECK(hact_framework_indicator_count(framework, &original) == HACT_OK && indicators == original);
    hact_framework_free(kept);
  }
  hact_round_free(round);
  round = NULL;
  CHECK(hact_round_open(join(0, examples, "zhangye.ha"), 0, &round) == HACT_ERROR_INVALID && round == NULL);
  CHECK(hact_round_open(join(0, work, "no-such.db"), 0, &round) == HACT_ERROR_NOT_FOUND);

  /* An organisation changed in memory no longer is its text: refused. */
  {
    hact_seat_change change;
    memset(&change, 0, sizeof change);
    change.struct_size = (int32_t)sizeof change;
    change.kind = HACT_SEAT_REMOVE;
    change.date = "2022-05-01";
    change.role = "成员";
    change.post = "市体育局副局长";
    change.proposed_by = "市卫生健康委";
    change.approved_by = "马斌";
    CHECK(hact_organisation_propose_change(organisation, 0, &change) == HACT_OK);
    remove(join(3, work, "changed.db"));
    CHECK(hact_round_create(join(3, work, "changed.db"), framework, organisation, units, &definition, &round) ==
          HACT_ERROR_INVALID);
    CHECK(strstr(hact_last_error(), "changed after it was parsed") != NULL);
  }

  for (i = 0; i < 6; ++i) free(figures[i]);
  free(framework_text);
  free(org_text);
  free(units_text);
  free(counties);
  free(review_text);
  hact_observations_free(units);
  hact_organisation_free(organisation);
  hact_framework_free(framework);
  remove(join(1, work, "round.db"));
  remove(join(2, work, "imported.db"));
  printf("capi round: %d passed, %d failed\n", passed, failed);
  hact_shutdown(); /* ICU's caches, so that Valgrind finds nothing still reachable */
  return failed == 0 ? 0 : 1;
}

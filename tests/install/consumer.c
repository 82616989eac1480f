/* A C program that finds the installed healthact through pkg-config. */
#include <stdio.h>
#include <string.h>

#include "healthact.h"

int main(void) {
  const char* text = "框架 \"t\"\n指标 1 \"人均预期寿命\" { 单位 岁 方向 越高越好 目标 2022 74.6 }\n";
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_verdict verdict;
  int ok;
  if (hact_version_number() != HACT_VERSION_NUMBER) return 1;
  if (hact_framework_parse(text, strlen(text), "t.ha", &framework, NULL) != HACT_OK) return 1;
  hact_observations_new(&observations);
  hact_observations_add(observations, "甲县", "1", 2022, "74.6");
  hact_assess(framework, observations, 2022, &assessment);
  ok = hact_assessment_verdict(assessment, 0, 0, &verdict) == HACT_OK && verdict.status == HACT_MET;
  printf("%s\n", ok ? "met" : "not met");
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
  return ok ? 0 : 1;
}

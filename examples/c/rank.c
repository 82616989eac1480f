/* A plain C99 client of healthact: loads a framework, the jurisdiction tree
 * and the reported values, assesses one level for a year and prints the
 * ranking, one unit a line: rank, unit, score, grade (tab-separated) — the
 * same lines as `healthact assess … --format ranking`.
 *
 * usage: rank FRAMEWORK.ha DATA.csv UNITS.csv YEAR LEVEL */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healthact.h"

static char* read_file(const char* path, size_t* length) {
  FILE* file = fopen(path, "rb");
  char* text = NULL;
  long size;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
    text = (char*)malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
      text[size] = '\0';
      *length = (size_t)size;
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(file);
  return text;
}

/* Prints a failure with its diagnostics and returns 1. */
static int fail(const char* what, hact_diagnostics* diagnostics) {
  int32_t count = 0, i;
  hact_diagnostic d;
  fprintf(stderr, "%s: %s\n", what, hact_last_error());
  if (diagnostics != NULL && hact_diagnostics_count(diagnostics, &count) == HACT_OK) {
    for (i = 0; i < count; ++i) {
      if (hact_diagnostics_get(diagnostics, i, &d) == HACT_OK) {
        fprintf(stderr, "  %s:%d:%d: %s [%s]\n", d.file, d.line, d.column, d.message, d.code);
      }
    }
  }
  hact_diagnostics_free(diagnostics);
  return 1;
}

int main(int argc, char** argv) {
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_assess_options options;
  hact_unit_result unit;
  char* text;
  size_t length = 0;
  int32_t count = 0, position;
  int status = 0;

  if (argc != 6) {
    fprintf(stderr, "usage: rank FRAMEWORK.ha DATA.csv UNITS.csv YEAR LEVEL\n");
    return 2;
  }
  if (hact_version_number() != HACT_VERSION_NUMBER) {
    fprintf(stderr, "healthact.h is %d but the library is %d\n", HACT_VERSION_NUMBER,
            (int)hact_version_number());
    return 1;
  }
  if ((text = read_file(argv[1], &length)) == NULL) return fail(argv[1], NULL);
  status = hact_framework_parse(text, length, argv[1], &framework, &diagnostics);
  free(text);
  if (status != HACT_OK) return fail(argv[1], diagnostics);
  hact_diagnostics_free(diagnostics);

  hact_observations_new(&observations);
  if ((text = read_file(argv[3], &length)) == NULL) return fail(argv[3], NULL);
  status = hact_observations_read_units_csv(observations, text, length, argv[3], &diagnostics);
  free(text);
  if (status != HACT_OK) return fail(argv[3], diagnostics);
  hact_diagnostics_free(diagnostics);
  if ((text = read_file(argv[2], &length)) == NULL) return fail(argv[2], NULL);
  status = hact_observations_read_csv(observations, text, length, argv[2], framework, &diagnostics);
  free(text);
  if (status != HACT_OK) return fail(argv[2], diagnostics);
  hact_diagnostics_free(diagnostics);

  memset(&options, 0, sizeof options);
  options.struct_size = (int32_t)sizeof options;
  options.level = argv[5];
  if (hact_assess_with(framework, observations, atoi(argv[4]), &options, &assessment) != HACT_OK) {
    return fail("assess", NULL);
  }
  hact_assessment_unit_count(assessment, &count);
  for (position = 0; position < count; ++position) {
    if (hact_assessment_unit(assessment, position, &unit) == HACT_OK) {
      printf("%d\t%s\t%s\t%s\n", (int)unit.rank, unit.unit, unit.score, unit.grade);
    }
  }
  hact_assessment_free(assessment);
  hact_observations_free(observations);
  hact_framework_free(framework);
  return 0;
}

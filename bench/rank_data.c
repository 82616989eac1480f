/* The whole path through the C interface, as a vendor's program takes it:
 * parses a framework, reads a data file, assesses a year and prints the
 * ranking, one unit a line (rank, unit, score, grade, tab-separated: the
 * lines of `healthact assess … --format ranking`).  On stderr, the seconds
 * the library's read call took.  bench/interfaces.py times it against the tool.
 *
 * usage: rank_data FRAMEWORK.ha DATA.csv YEAR file|text
 *   file: hact_observations_read_file (the library maps the file)
 *   text: the file read into memory here, then hact_observations_read_csv */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "healthact.h"

static char* read_whole(const char* path, size_t* length) {
  FILE* file = fopen(path, "rb");
  char* text = NULL;
  long size;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (size = ftell(file)) >= 0 && fseek(file, 0, SEEK_SET) == 0) {
    text = (char*)malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, file) == (size_t)size) {
      *length = (size_t)size;
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(file);
  return text;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int fail(const char* what, hact_diagnostics* diagnostics) {
  int32_t count = 0;
  hact_diagnostic first;
  fprintf(stderr, "%s: %s\n", what, hact_last_error());
  if (diagnostics != NULL && hact_diagnostics_count(diagnostics, &count) == HACT_OK && count > 0 &&
      hact_diagnostics_get(diagnostics, 0, &first) == HACT_OK) {
    fprintf(stderr, "  %s:%d:%d: %s [%s]\n", first.file, first.line, first.column, first.message, first.code);
  }
  hact_diagnostics_free(diagnostics);
  return 1;
}

int main(int argc, char** argv) {
  hact_framework* framework = NULL;
  hact_observations* observations = NULL;
  hact_assessment* assessment = NULL;
  hact_diagnostics* diagnostics = NULL;
  hact_unit_result unit;
  char* text;
  size_t length = 0;
  int32_t count = 0, position;
  int status;
  double start;

  if (argc != 5 || (strcmp(argv[4], "file") != 0 && strcmp(argv[4], "text") != 0)) {
    fprintf(stderr, "usage: rank_data FRAMEWORK.ha DATA.csv YEAR file|text\n");
    return 2;
  }
  if ((text = read_whole(argv[1], &length)) == NULL) return fail(argv[1], NULL);
  status = hact_framework_parse(text, length, argv[1], &framework, &diagnostics);
  free(text);
  if (status != HACT_OK) return fail(argv[1], diagnostics);
  hact_diagnostics_free(diagnostics);

  hact_observations_new(&observations);
  if (strcmp(argv[4], "file") == 0) {
    start = now();
    status = hact_observations_read_file(observations, argv[2], framework, &diagnostics);
    fprintf(stderr, "read_seconds=%.6f\n", now() - start);
  } else {
    if ((text = read_whole(argv[2], &length)) == NULL) return fail(argv[2], NULL);
    start = now();  /* the library's read of the text, not the file's into memory */
    status = hact_observations_read_csv(observations, text, length, argv[2], framework, &diagnostics);
    fprintf(stderr, "read_seconds=%.6f\n", now() - start);
    free(text);
  }
  if (status != HACT_OK) return fail(argv[2], diagnostics);
  hact_diagnostics_free(diagnostics);

  if (hact_assess(framework, observations, atoi(argv[3]), &assessment) != HACT_OK) return fail("assess", NULL);
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

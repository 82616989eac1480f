/* What the C99 tests of the C interface share: CHECK, which counts and
 * reports with the last error, and reading a file whole.  Each test is one
 * program, so the definitions are static. */
#ifndef HEALTHACT_TESTS_CAPI_CHECK_H_
#define HEALTHACT_TESTS_CAPI_CHECK_H_

#include <stdio.h>
#include <stdlib.h>

#include "healthact.h"

static int passed = 0;
static int failed = 0;

#define CHECK(condition)                                                    \
  do {                                                                      \
    if (condition) {                                                        \
      ++passed;                                                             \
    } else {                                                                \
      ++failed;                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, \
              __LINE__, #condition, hact_last_error());                     \
    }                                                                       \
  } while (0)

static char* read_file(const char* path, size_t* length) {
  FILE* file = fopen(path, "rb");
  char* text;
  long size;
  if (file == NULL) return NULL;
  fseek(file, 0, SEEK_END);
  size = ftell(file);
  fseek(file, 0, SEEK_SET);
  text = (char*)malloc((size_t)size + 1);
  if (text == NULL || fread(text, 1, (size_t)size, file) != (size_t)size) {
    fclose(file);
    free(text);
    return NULL;
  }
  text[size] = '\0';
  fclose(file);
  *length = (size_t)size;
  return text;
}

#endif /* HEALTHACT_TESTS_CAPI_CHECK_H_ */

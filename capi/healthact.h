/*
 * healthact.h — the C interface of healthact (C99).
 *
 * Conventions (after SQLite's sqlite3.h and libgit2):
 *   - every function returns an int32_t status: HACT_OK (0) or a negative
 *     HACT_ERROR_*; results come through out-parameters, which are last;
 *   - after a failure, hact_last_error() describes it (thread-local, never
 *     NULL); hact_status_string() names a status;
 *   - objects are opaque handles released by their own hact_<type>_free,
 *     which accepts NULL; every function is safe to call with NULL
 *     arguments (it returns HACT_ERROR_ARGUMENT);
 *   - strings are UTF-8.  A `const char*` result is owned by the handle it
 *     came from and stays valid until that handle is freed; a `char*` result
 *     is the caller's and is released with hact_free();
 *   - decimals cross as strings ("74.6"), never as floating point;
 *   - a call that succeeds leaves hact_last_error() empty ("");
 *   - no C++ type or exception crosses this interface.
 * A framework and an assessment may be read from several threads at once.
 */
#ifndef HEALTHACT_H_
#define HEALTHACT_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define HACT_API __attribute__((visibility("default")))
#else
#define HACT_API
#endif

/* The version of this header.  Compare with hact_version_number() at run
 * time to detect a header and library that do not match. */
#define HACT_VERSION_MAJOR 0
#define HACT_VERSION_MINOR 1
#define HACT_VERSION_PATCH 0
#define HACT_VERSION_NUMBER (HACT_VERSION_MAJOR * 10000 + HACT_VERSION_MINOR * 100 + HACT_VERSION_PATCH)

/* Status codes. */
/* One status for each kind of failure, at every function:
 *   HACT_ERROR_ARGUMENT  the call is malformed: a NULL pointer, an empty unit
 *                        or key, an options struct without struct_size;
 *   HACT_ERROR_INVALID   what was passed is refused: a text or data with
 *                        errors (see its diagnostics), a value, year, level
 *                        or date outside its domain, a string that is not
 *                        UTF-8, a year without targets, a selection of no unit;
 *   HACT_ERROR_NOT_FOUND a named thing (a unit, a target) does not exist;
 *   HACT_ERROR_RANGE     an index outside 0 .. count-1. */
#define HACT_OK 0
#define HACT_ERROR_ARGUMENT (-1) /* a malformed call: NULL, empty, no struct_size */
#define HACT_ERROR_INVALID (-2)  /* refused input: see hact_last_error() or its diagnostics */
#define HACT_ERROR_NOT_FOUND (-3)
#define HACT_ERROR_RANGE (-4)    /* an index out of range */
#define HACT_ERROR_INTERNAL (-99) /* out of memory, a file the system cannot read or write, or a bug */

/* Verdict statuses (hact_verdict.status). */
#define HACT_MET 0
#define HACT_NOT_MET 1
#define HACT_MISSING 2
#define HACT_PENDING 3
#define HACT_NOT_APPLICABLE 4
#define HACT_INVALID 5

/* Diagnostic severities. */
#define HACT_SEVERITY_ERROR 0
#define HACT_SEVERITY_WARNING 1

HACT_API int32_t hact_version_number(void);
HACT_API const char* hact_version_string(void);
/* "ok", "invalid argument", …; never NULL. */
HACT_API const char* hact_status_string(int32_t status);
/* The message of the last failure on this thread; "" if none.  Never NULL. */
HACT_API const char* hact_last_error(void);
/* Releases a char* returned by healthact.  NULL is fine. */
HACT_API void hact_free(void* pointer);
/* Releases what the library keeps for the life of the process: the ICU
 * collation data that orders unit and department names (Chinese collation)
 * once loaded.  Only leak checkers that count still-reachable memory need it.
 * Call it last, once no healthact call is running or will run, and only when
 * nothing else in the process still uses ICU: it calls ICU's u_cleanup(). */
HACT_API void hact_shutdown(void);

/* The language of the messages the calling thread's later calls write:
 * diagnostics, verdict reasons, review and monitoring notes.  "zh" (Chinese,
 * the default) or "en"; a locale name is read as its language (zh_CN.UTF-8 is
 * "zh", en_US.UTF-8 "en").  Codes, positions, status names and figures are
 * the same in both.  HACT_ERROR_ARGUMENT for NULL, C, POSIX or "". */
HACT_API int32_t hact_set_language(const char* language);
/* "zh" or "en": the calling thread's language.  Static; never NULL. */
HACT_API const char* hact_language(void);

typedef struct hact_diagnostics hact_diagnostics;
typedef struct hact_organisation hact_organisation;
typedef struct hact_framework hact_framework;
typedef struct hact_observations hact_observations;
typedef struct hact_assessment hact_assessment;
typedef struct hact_roster hact_roster;
typedef struct hact_review hact_review;
typedef struct hact_tasks hact_tasks;
typedef struct hact_round hact_round;
typedef struct hact_aggregation hact_aggregation;
typedef struct hact_round_status hact_round_status;

/* ---- Diagnostics: what was wrong with a text, line by line. ---- */
typedef struct hact_diagnostic {
  const char* code;    /* "E006" */
  const char* name;    /* "unknown-unit" */
  int32_t severity;    /* HACT_SEVERITY_* */
  const char* file;
  int32_t line;        /* 1-based */
  int32_t column;      /* 1-based, in code points */
  const char* message;
} hact_diagnostic;

HACT_API int32_t hact_diagnostics_count(const hact_diagnostics* diagnostics, int32_t* count);
/* Diagnostic `index` (0 to count - 1).  Strings in *out belong to
 * `diagnostics` and live as long as it. */
HACT_API int32_t hact_diagnostics_get(const hact_diagnostics* diagnostics, int32_t index,
                                      hact_diagnostic* out);
HACT_API void hact_diagnostics_free(hact_diagnostics* diagnostics);

/* ---- Frameworks ---- */
/* Parses framework text (UTF-8, `length` bytes).  On HACT_OK *framework is
 * set; on HACT_ERROR_INVALID it is NULL.  Either way, if `diagnostics` is not
 * NULL, *diagnostics receives every error and warning (free it). */
HACT_API int32_t hact_framework_parse(const char* text, size_t length, const char* file_name,
                                      hact_framework** framework, hact_diagnostics** diagnostics);
/* Turns the name written after 继承 ("zhangye.ha"), as seen from the file
 * `from_file` that writes it, into that framework's text: sets *text and
 * *length (UTF-8) and, if not left NULL, *file_name (the name diagnostics
 * give it), and returns HACT_OK; any other status refuses the name.  The
 * strings need only stay valid until the callback returns: they are copied
 * at once.  `context` is the caller's, passed through. */
typedef int32_t (*hact_resolver)(void* context, const char* name, const char* from_file,
                                 const char** text, size_t* length, const char** file_name);
/* As hact_framework_parse, with `resolver` (NULL: any 继承 is an error)
 * called for every 继承, with `context`. */
HACT_API int32_t hact_framework_parse_with(const char* text, size_t length, const char* file_name,
                                           hact_resolver resolver, void* context,
                                           hact_framework** framework,
                                           hact_diagnostics** diagnostics);
/* Reads and parses the framework file at `path` (UTF-8), a 继承 resolved
 * relative to the file that writes it.  HACT_ERROR_NOT_FOUND when `path`
 * cannot be opened; otherwise as hact_framework_parse. */
HACT_API int32_t hact_framework_load(const char* path, hact_framework** framework,
                                     hact_diagnostics** diagnostics);
HACT_API void hact_framework_free(hact_framework* framework);
/* *name belongs to the framework and lives as long as it. */
HACT_API int32_t hact_framework_name(const hact_framework* framework, const char** name);
HACT_API int32_t hact_framework_indicator_count(const hact_framework* framework, int32_t* count);

typedef struct hact_indicator {
  const char* number; /* "9", "25" */
  const char* name;
  const char* unit;   /* "%", "‰", …; "" for qualitative indicators */
  const char* basis;
  int32_t part_count;
} hact_indicator;
/* Indicator `index` (0 to count - 1).  Strings belong to the framework and
 * live as long as it.  `unit` is the unit of measure. */
HACT_API int32_t hact_framework_indicator(const hact_framework* framework, int32_t index,
                                          hact_indicator* out);
/* Part `part` (0 to the indicator's part_count - 1) of indicator `index`:
 * its number ("25.1") and name.  Strings belong to the framework. */
HACT_API int32_t hact_framework_part(const hact_framework* framework, int32_t index, int32_t part,
                                     const char** number, const char** name);
/* The index of indicator `number` ("9"), or of the indicator a part number
 * ("25.1") belongs to; *part (if not NULL) receives the part's index, or -1
 * for an indicator.  HACT_ERROR_NOT_FOUND for a number the framework lacks. */
HACT_API int32_t hact_framework_indicator_find(const hact_framework* framework, const char* number,
                                               int32_t* index, int32_t* part);
/* The target of indicator `index` for `year` as the document writes it
 * ("≥90.86", "实现", "100，70"); HACT_ERROR_NOT_FOUND if it has none.
 * *target belongs to the framework and lives as long as it. */
HACT_API int32_t hact_framework_target(const hact_framework* framework, int32_t index,
                                       int32_t year, const char** target);

/* ---- Observations: what units reported ---- */
HACT_API int32_t hact_observations_new(hact_observations** observations);
/* Empty observations whose keys are checked against `framework` (NULL:
 * not checked, as hact_observations_new): a key that is not one of its
 * indicator numbers, part numbers or count names is HACT_ERROR_NOT_FOUND at
 * every ingestion call.  The observations keep what they need of it. */
HACT_API int32_t hact_observations_create(const hact_framework* framework,
                                          hact_observations** observations);
HACT_API void hact_observations_free(hact_observations* observations);
/* One value: unit, key (indicator, part or count), year (1949 to 2100), value
 * as written ("74.8", "实现", "未统计", "待公布", "" for nothing). */
HACT_API int32_t hact_observations_add(hact_observations* observations, const char* unit,
                                       const char* key, int32_t year, const char* value);
/* `count` values at once, from parallel arrays.  Stops at the first bad value
 * and reports its index in *failed (if not NULL); the values before it are
 * kept.  (hact_observations_add_columns adds all or nothing.) */
HACT_API int32_t hact_observations_add_batch(hact_observations* observations, size_t count,
                                             const char* const* units, const char* const* keys,
                                             const int32_t* years, const char* const* values,
                                             size_t* failed);
/* The older packed call, kept for the ABI: each column holds `count`
 * NUL-terminated strings one after another, and the library TRUSTS `count`
 * (it has no size to check it against: a miscounted column is read past its
 * end).  New code uses hact_observations_add_columns. */
HACT_API int32_t hact_observations_add_packed(hact_observations* observations, size_t count,
                                              const char* units, const char* keys,
                                              const int32_t* years, const char* values,
                                              size_t* failed);
/* `count` values at once, each string column packed into one buffer of
 * `*_size` bytes holding exactly `count` NUL-terminated UTF-8 strings
 * ("甘州区\0甘州区\0…", the last NUL included in the size); `years` has
 * `count` entries.  A column that ends early or holds more strings is
 * HACT_ERROR_ARGUMENT, and nothing is read beyond `*_size`.  All or nothing:
 * on any failure the observations are as they were, and *failed (if not
 * NULL) receives the index of the refused value (`count` when a column is too
 * long).  Cheapest for bindings, which build each buffer with one join. */
HACT_API int32_t hact_observations_add_columns(hact_observations* observations, size_t count,
                                               const char* units, size_t units_size,
                                               const char* keys, size_t keys_size,
                                               const int32_t* years, const char* values,
                                               size_t values_size, size_t* failed);
/* A column of codes into its categories, as a pandas Categorical (or
 * pandas.factorize) keeps a column of strings: row i's string is category
 * codes[i] (0 .. category_count - 1), or nothing for -1; the categories are
 * `category_count` NUL-terminated UTF-8 strings packed in `categories_size`
 * bytes.  Set struct_size to sizeof(hact_coded_column). */
typedef struct hact_coded_column {
  int32_t struct_size;
  const int32_t* codes;
  const char* categories;
  size_t categories_size;
  size_t category_count;
} hact_coded_column;
/* `count` values in typed columns, as a DataFrame holds them, without a
 * string per value: units and keys coded (every row needs both), years as
 * int32, and each value either a number in `numbers` (NaN: nothing
 * reported; a number is the shortest decimal that reads back as the same
 * double, 74.6, and a whole one 75.0, as Python writes it) or a text of
 * `texts` (实现, 未统计; -1: none).  Either may be NULL; a row with both a
 * number and a text is refused.  Each category is checked once (UTF-8, a key
 * of the framework when the observations have one) when a row first uses
 * it; units are added in the order rows first name them.  All or nothing,
 * and *failed as for hact_observations_add_columns.  The fastest way in. */
HACT_API int32_t hact_observations_add_coded(hact_observations* observations, size_t count,
                                             const hact_coded_column* units, const hact_coded_column* keys,
                                             const int32_t* years, const double* numbers,
                                             const hact_coded_column* texts, size_t* failed);
/* Reads a data file's text (the CSV format of docs/assessment.md).  With a
 * framework, keys are checked against it.  HACT_ERROR_INVALID if any row had
 * an error (the other rows are kept); *diagnostics as for parsing. */
HACT_API int32_t hact_observations_read_csv(hact_observations* observations, const char* text,
                                            size_t length, const char* file_name,
                                            const hact_framework* framework,
                                            hact_diagnostics** diagnostics);
/* As hact_observations_read_csv, for the CSV file at `path` (UTF-8), which
 * the library maps instead of copying: the pages it has read go back to the
 * system as it moves on, so a file of hundreds of megabytes hardly adds to
 * the memory it takes to read it.  Diagnostics name the file `path`.
 * HACT_ERROR_NOT_FOUND when it cannot be opened, HACT_ERROR_INVALID for a
 * folder or when a row had an error (the other rows are kept). */
HACT_API int32_t hact_observations_read_file(hact_observations* observations, const char* path,
                                             const hact_framework* framework,
                                             hact_diagnostics** diagnostics);
HACT_API int32_t hact_observations_set_parent(hact_observations* observations, const char* unit,
                                              const char* parent);
/* Reads a jurisdiction tree file (unit,parent,level). */
HACT_API int32_t hact_observations_read_units_csv(hact_observations* observations, const char* text,
                                                  size_t length, const char* file_name,
                                                  hact_diagnostics** diagnostics);

/* ---- Assessment ---- */
/* Evaluates every unit of `observations` on `framework` for `year` (1949 to
 * 2100, else HACT_ERROR_ARGUMENT), and validates their figures.  A year for
 * which the framework has no target, observations without units, and a
 * selection (hact_assess_with) that matches no unit are HACT_ERROR_INVALID,
 * with the reason in hact_last_error().  Every string argument of this
 * interface must be UTF-8: anything else is HACT_ERROR_INVALID.  The assessment keeps what it needs: the
 * framework and observations may be freed or changed afterwards. */
HACT_API int32_t hact_assess(const hact_framework* framework, const hact_observations* observations,
                             int32_t year, hact_assessment** assessment);
/* Options for hact_assess_with: set struct_size to sizeof(hact_assess_options)
 * so that later versions can add fields without breaking callers. */
typedef struct hact_assess_options {
  int32_t struct_size;
  const char* level;  /* "县区", "乡镇", …; NULL: every unit */
  const char* within; /* a unit: only the units under it; NULL: everywhere */
} hact_assess_options;
HACT_API int32_t hact_assess_with(const hact_framework* framework,
                                  const hact_observations* observations, int32_t year,
                                  const hact_assess_options* options, hact_assessment** assessment);
/* The same for one unit only: a vendor's check of one unit's figures before
 * submitting them.  The result holds that unit's verdicts and findings
 * (hact_assessment_finding); its rank is 1, there being nobody to rank it
 * among. */
HACT_API int32_t hact_validate_unit(const hact_framework* framework,
                                    const hact_observations* observations, const char* unit,
                                    int32_t year, hact_assessment** assessment);
/* The same three under the interface's hact_<object>_<verb> names (the ones
 * above stay, as aliases):
 *   hact_assessment_create: hact_assess_with; `options` may be NULL;
 *   hact_assessment_create_for_unit: hact_validate_unit. */
HACT_API int32_t hact_assessment_create(const hact_framework* framework,
                                        const hact_observations* observations, int32_t year,
                                        const hact_assess_options* options,
                                        hact_assessment** assessment);
HACT_API int32_t hact_assessment_create_for_unit(const hact_framework* framework,
                                                 const hact_observations* observations,
                                                 const char* unit, int32_t year,
                                                 hact_assessment** assessment);
HACT_API void hact_assessment_free(hact_assessment* assessment);
HACT_API int32_t hact_assessment_unit_count(const hact_assessment* assessment, int32_t* count);

typedef struct hact_unit_result {
  const char* unit;
  const char* score; /* "87.50" */
  int32_t rank;      /* 1-based; ties share a rank */
  const char* grade;
} hact_unit_result;
/* The unit at `position` in rank order (0 is first).  Strings belong to the
 * assessment and live as long as it. */
HACT_API int32_t hact_assessment_unit(const hact_assessment* assessment, int32_t position,
                                      hact_unit_result* out);
/* The `count` units from rank position `first` on into out[0 .. count), as
 * hact_assessment_unit gives each: a ranking in one call, where a binding
 * made one call a unit.  HACT_ERROR_RANGE, with nothing written, unless
 * 0 <= first and first + count <= the unit count; `out` may be NULL when
 * `count` is 0. */
HACT_API int32_t hact_assessment_units(const hact_assessment* assessment, int32_t first, int32_t count,
                                       hact_unit_result* out);

typedef struct hact_verdict {
  const char* indicator;
  int32_t status; /* HACT_MET, … */
  const char* value;
  const char* target;
  const char* reason;
} hact_verdict;
/* The verdict of the unit at rank `position` on indicator `index`.  Strings
 * belong to the assessment and live as long as it (each verdict is explained
 * on first request and kept; safe from several threads). */
HACT_API int32_t hact_assessment_verdict(const hact_assessment* assessment, int32_t position,
                                         int32_t index, hact_verdict* out);
/* The number of indicators each unit has a verdict on (as the framework's
 * hact_framework_indicator_count). */
HACT_API int32_t hact_assessment_indicator_count(const hact_assessment* assessment, int32_t* count);

/* A verdict with its indicator's name, for hact_assessment_verdict_of.  Set
 * struct_size to sizeof(hact_verdict_detail) before the call, so that later
 * versions can add fields. */
typedef struct hact_verdict_detail {
  int32_t struct_size;
  const char* indicator; /* "9", or "25.1" for a part */
  const char* name;      /* the indicator's or the part's name */
  int32_t status;        /* HACT_MET, … */
  const char* value;
  const char* target;
  const char* reason;
  int32_t part_count;    /* the verdict's parts (2 for indicator 25), 0 for none */
} hact_verdict_detail;
/* The verdict of the unit at rank `position` on indicator or part
 * `indicator` ("9", "25.1"); HACT_ERROR_NOT_FOUND for a number the
 * framework lacks.  Strings belong to the assessment and live as long as it. */
HACT_API int32_t hact_assessment_verdict_of(const hact_assessment* assessment, int32_t position,
                                            const char* indicator, hact_verdict_detail* out);

/* What validation found in the figures of the unit at rank `position`: a
 * figure outside its plausible range, a rate its counts contradict, two parts
 * reported as one value, a broken consistency rule (docs/assessment.md).
 * Error-level findings are why verdicts are HACT_INVALID. */
#define HACT_FINDING_RANGE 1
#define HACT_FINDING_RATE_CONFLICT 2
#define HACT_FINDING_PARTS 3
#define HACT_FINDING_RULE 4
typedef struct hact_finding {
  int32_t kind;           /* HACT_FINDING_… */
  const char* rule;       /* "range", "rate_conflict", "parts", or the rule: "[3] ≥ [2]" */
  int32_t severity;       /* HACT_SEVERITY_ERROR or HACT_SEVERITY_WARNING */
  const char* indicators; /* the indicator numbers it concerns, comma-separated: "2,3" */
  const char* message;    /* "999 不在合理范围 0–150 岁内" */
} hact_finding;
/* The number of findings of the unit at rank `position`. */
HACT_API int32_t hact_assessment_finding_count(const hact_assessment* assessment, int32_t position,
                                               int32_t* count);
/* Finding `index` of the unit at rank `position`.  Strings belong to the
 * assessment and live as long as it. */
HACT_API int32_t hact_assessment_finding(const hact_assessment* assessment, int32_t position,
                                         int32_t index, hact_finding* out);
/* The assessment as JSON (docs/assessment.md); `failures_only` non-zero lists
 * only verdicts other than met and not_applicable.  Free with hact_free. */
HACT_API int32_t hact_assessment_json(const hact_assessment* assessment, int32_t failures_only,
                                      char** json);

/* ---- Aggregation up the tree (docs/assessment.md) ---- */
/* Every parent's values for `year` from its children's (the units' parents
 * as set by hact_observations_read_units_csv or _set_parent): counts summed
 * and formulas applied to the sums, rates weighted by the indicator's
 * 汇总权重 count, never a mean of rates; a value a parent reported itself is
 * kept.  What cannot be aggregated is a note, not a guess. */
HACT_API int32_t hact_aggregation_create(const hact_framework* framework, const hact_observations* observations,
                                         int32_t year, hact_aggregation** aggregation);
HACT_API void hact_aggregation_free(hact_aggregation* aggregation);
/* The observations with every parent's aggregated values, as a new handle
 * (free it); assess it for the city's verdicts. */
HACT_API int32_t hact_aggregation_observations(const hact_aggregation* aggregation,
                                               hact_observations** observations);
typedef struct hact_aggregation_note {
  const char* unit;   /* the parent */
  const char* key;    /* the indicator, part or count */
  const char* reason; /* why it has no aggregated value */
} hact_aggregation_note;
HACT_API int32_t hact_aggregation_note_count(const hact_aggregation* aggregation, int32_t* count);
/* Strings belong to the aggregation and live as long as it. */
HACT_API int32_t hact_aggregation_note_get(const hact_aggregation* aggregation, int32_t index,
                                           hact_aggregation_note* out);

/* ---- Import of an indicator table (docs/import-and-reports.md) ---- */
#define HACT_TABLE_TEXT 1 /* the seeds' text form: a tab begins a cell, a blank line ends a row */
#define HACT_TABLE_CSV 2
/* What a table never says.  Set struct_size to sizeof(hact_import_options). */
typedef struct hact_import_options {
  int32_t struct_size;
  const char* name;                /* 框架 name; NULL: the table's title */
  const char* source;              /* 来源, the document; NULL: none */
  const char* locator;             /* NULL: the table's own (附件3) */
  const char* marked_fall_percent; /* how large a "marked" fall is, "10"; NULL: unstated */
  int32_t continuous_years;        /* how many years "continuous" lasts; 0: unstated */
  int32_t baseline_year;           /* of a baseline column that states none; 0: unstated */
} hact_import_options;
/* Imports an attachment table (考核指标框架) into a framework.  *text (the
 * caller's, hact_free; may be NULL) receives the framework in the DSL, written
 * even when cells have errors (each marked by a comment at its place);
 * *framework the framework, or NULL when a finding is an error
 * (HACT_ERROR_INVALID); *diagnostics every finding, warnings for every
 * inference, at the table's own line and column.  options may be NULL. */
HACT_API int32_t hact_framework_import(const char* table, size_t length, const char* file_name, int32_t format,
                                       const hact_import_options* options, char** text, size_t* text_length,
                                       hact_framework** framework, hact_diagnostics** diagnostics);

/* ---- The spot-check (复核, docs/assessment.md) ---- */
/* Draws `count` of the assessment's units for review, reproducibly: the same
 * units, count and seed draw the same units on every platform.  A count
 * outside 1 .. the number of units is HACT_ERROR_INVALID (it is not quietly
 * cut to all of them).  The review keeps what it needs of the assessment. */
HACT_API int32_t hact_review_draw(const hact_assessment* assessment, int32_t count, uint64_t seed,
                                  hact_review** review);
HACT_API void hact_review_free(hact_review* review);
HACT_API int32_t hact_review_unit_count(const hact_review* review, int32_t* count);
/* The name of drawn unit `index`; it belongs to the review. */
HACT_API int32_t hact_review_unit(const hact_review* review, int32_t index, const char** unit);
/* Reads the reviewers' verified values (the data file's columns, with
 * reviewer/核实人 and reason/核实说明), compares them with what the drawn units
 * reported and recomputes the assessment on them.  Values for a unit that
 * was not drawn are HACT_ERROR_INVALID, naming it.  *diagnostics as for
 * parsing.  A later call replaces the earlier result. */
HACT_API int32_t hact_review_verify_csv(hact_review* review, const char* text, size_t length,
                                        const char* file_name, hact_diagnostics** diagnostics);
typedef struct hact_discrepancy {
  const char* unit;
  const char* key;       /* as reported: an indicator, part or count */
  const char* indicator; /* the indicator it counts for */
  const char* reported;  /* "74.8", "实现", "" for nothing */
  const char* verified;
  int32_t before;        /* the verdict's status on the reported value (HACT_MET, …) */
  int32_t after;         /* and on the verified one */
  const char* reviewer;  /* who verified it; "" when the file does not say */
  const char* reason;
  int32_t line;          /* its line in the verified file */
} hact_discrepancy;
/* Every verified value that differs from the reported one.  Before
 * hact_review_verify_csv has succeeded: HACT_ERROR_INVALID. */
HACT_API int32_t hact_review_discrepancy_count(const hact_review* review, int32_t* count);
/* Strings belong to the review and live until it is freed or verified again. */
HACT_API int32_t hact_review_discrepancy(const hact_review* review, int32_t index,
                                         hact_discrepancy* out);
/* The assessment recomputed on the verified values, as a new handle (free it). */
HACT_API int32_t hact_review_assessment(const hact_review* review, hact_assessment** recomputed);

/* ---- Reports (docs/import-and-reports.md), to a buffer ---- */
#define HACT_FORMAT_MARKDOWN 1
#define HACT_FORMAT_JSON 2
#define HACT_FORMAT_HTML 3 /* a standalone page with inline SVG charts */
/* The assessment report (考核报告): ranking, scores, grades, each unit's
 * failed indicators with reasons, and the spot-check's discrepancies when
 * `review` (verified) is given.  *bytes is the caller's (hact_free), UTF-8
 * with a NUL after its *length bytes (length may be NULL). */
HACT_API int32_t hact_report_assessment(const hact_assessment* assessment, const hact_review* review,
                                        int32_t format, char** bytes, size_t* length);
/* The monitoring report (监测评估报告) of every year reported: each
 * indicator's values against its targets and the path from its baseline,
 * and, with `organisation` and `as_of` ("2022-12-31"), the tasks overdue on
 * that day (either NULL: none listed).  *bytes as above. */
HACT_API int32_t hact_report_monitoring(const hact_framework* framework,
                                        const hact_observations* observations,
                                        const hact_organisation* organisation, const char* as_of,
                                        int32_t format, char** bytes, size_t* length);
/* The working groups' reports (各专项行动实施进展专题报告) for `year`: each
 * special action's indicators by category with every unit's verdict and the
 * city's, progress from the baseline toward the next target, and, with
 * `organisation`, the lead department and the tasks it owns on `as_of`
 * ("2022-12-31"; NULL: the year's last day).  action: only that special
 * action ("全民健身行动"), or NULL for all; one the framework lacks is
 * HACT_ERROR_NOT_FOUND.  *bytes as above. */
HACT_API int32_t hact_report_actions(const hact_framework* framework, const hact_observations* observations,
                                     const hact_organisation* organisation, int32_t year, const char* action,
                                     const char* as_of, int32_t format, char** bytes, size_t* length);
/* The office's overall monitoring and assessment report (总体监测评估报告):
 * a summary per special action and per category, the ranking of
 * `assessment`, the spot-check `review` (verified; NULL: none) and each
 * action's section; `organisation` and `as_of` as for hact_report_actions.
 * *bytes as above. */
HACT_API int32_t hact_report_overall(const hact_assessment* assessment, const hact_review* review,
                                     const hact_organisation* organisation, const char* as_of, int32_t format,
                                     char** bytes, size_t* length);
/* The departments' assessment (部门考核) of committee `committee` (its
 * jurisdiction or name; NULL: the organisation's only one) for `year`, by the
 * framework's rule (部门考核, 任务得分): each department on its tasks and the
 * indicators of the actions it leads, judged on the city's values (its own,
 * else aggregated from its units).  HACT_FORMAT_MARKDOWN or _JSON; a
 * framework without the rule is HACT_ERROR_INVALID with the reason.  *bytes
 * as above. */
HACT_API int32_t hact_report_departments(const hact_framework* framework, const hact_observations* observations,
                                         const hact_organisation* organisation, const char* committee,
                                         int32_t year, const char* as_of, int32_t format, char** bytes,
                                         size_t* length);
/* Writes `length` bytes to `path` whole or not at all: into PATH.partial,
 * synced, then renamed over `path`. */
HACT_API int32_t hact_file_write(const char* path, const char* bytes, size_t length);

/* ---- Organisations (docs/organisation.md) ---- */
HACT_API int32_t hact_organisation_parse(const char* text, size_t length, const char* file_name,
                                         hact_organisation** organisation,
                                         hact_diagnostics** diagnostics);
HACT_API void hact_organisation_free(hact_organisation* organisation);
HACT_API int32_t hact_organisation_committee_count(const hact_organisation* organisation,
                                                   int32_t* count);

typedef struct hact_seat {
  const char* role;       /* "主任", "副主任", "成员", "秘书长" */
  const char* post;
  const char* department;
  const char* person;     /* "" when the post is described but nobody is named */
  int32_t concurrent;     /* 兼 */
} hact_seat;
/* The roster of committee `committee` on `date` ("2021-01-01") as a handle
 * of its own (free it with hact_roster_free): the organisation is not
 * changed, and several rosters may be read at once.  The roster keeps what
 * it needs; the organisation may be freed before it. */
HACT_API int32_t hact_roster_create(const hact_organisation* organisation, int32_t committee,
                                    const char* date, hact_roster** roster);
HACT_API void hact_roster_free(hact_roster* roster);
HACT_API int32_t hact_roster_seat_count(const hact_roster* roster, int32_t* count);
/* Seat `index` (0 to count - 1).  Strings belong to the roster and live as
 * long as it. */
HACT_API int32_t hact_roster_seat(const hact_roster* roster, int32_t index, hact_seat* out);
/* The older pair, kept for the ABI: hact_organisation_roster keeps the roster
 * in the organisation (*count seats) for hact_organisation_seat to read; its
 * strings stay valid until the next hact_organisation_roster call on that
 * organisation or until it is freed.  New code uses hact_roster_create. */
HACT_API int32_t hact_organisation_roster(hact_organisation* organisation, int32_t committee,
                                          const char* date, int32_t* count);
HACT_API int32_t hact_organisation_seat(const hact_organisation* organisation, int32_t index,
                                        hact_seat* out);
/* Who approves seat changes of committee `committee` on `date`: the post and
 * its holder ("" when unnamed).  The strings belong to the organisation and
 * live as long as it (a later call for another date does not change them). */
HACT_API int32_t hact_organisation_approver(hact_organisation* organisation, int32_t committee,
                                            const char* date, const char** post,
                                            const char** person);

/* A change to committee `committee`'s seats, for
 * hact_organisation_propose_change.  Set struct_size to
 * sizeof(hact_seat_change). */
#define HACT_SEAT_ADD 1
#define HACT_SEAT_REMOVE 2
typedef struct hact_seat_change {
  int32_t struct_size;
  int32_t kind;            /* HACT_SEAT_ADD or HACT_SEAT_REMOVE */
  const char* date;        /* the day it takes effect: "2022-03-01" */
  const char* role;        /* "主任", "副主任", "成员", "秘书长" */
  const char* post;        /* the post that holds the seat */
  int32_t concurrent;      /* 兼 */
  const char* proposed_by; /* must be the committee's office */
  const char* approved_by; /* must be the post of the committee's director */
  const char* document;    /* the approval's document; NULL for none */
} hact_seat_change;
/* Records a seat change after checking the documents' procedure (proposed by
 * the office, approved by the director's post, a post that exists, …).  A
 * change refused is HACT_ERROR_INVALID with the reason, and the organisation
 * is as it was.  Rosters made before keep the seats they were made with. */
HACT_API int32_t hact_organisation_propose_change(hact_organisation* organisation, int32_t committee,
                                                  const hact_seat_change* change);

/* ---- Tasks decided at the committee's meetings ---- */
typedef struct hact_task {
  const char* description;
  const char* owner;   /* the department that owns it */
  const char* due;     /* "2022-09-30" */
  const char* meeting; /* "全体会议 2022-03-15" */
} hact_task;
/* The tasks of committee `committee` past their due date and not done on
 * `date` (a task done late is not overdue once done), as a handle of their own (free it); the organisation may be freed
 * first. */
HACT_API int32_t hact_tasks_overdue(const hact_organisation* organisation, int32_t committee,
                                    const char* date, hact_tasks** tasks);
HACT_API void hact_tasks_free(hact_tasks* tasks);
HACT_API int32_t hact_tasks_count(const hact_tasks* tasks, int32_t* count);
/* Strings belong to the handle and live as long as it. */
HACT_API int32_t hact_tasks_get(const hact_tasks* tasks, int32_t index, hact_task* out);

/* ---- The assessment round (考核轮次, docs/rounds.md), kept in one file ----
 * A round is an append-only history of steps kept in a SQLite file the
 * caller names, with the framework and organisation it is judged by.  Each
 * step is checked against the documents' procedure (who may take it, in
 * which state) before it is written; a step refused is HACT_ERROR_INVALID
 * with the reason (a step not allowed in the round's state, or taken by
 * someone who does not hold the seat, names who may), and nothing is
 * written.  A step written is on disk when the call returns; a killed
 * process leaves the last step written.  Every `at` is a moment
 * "2023-01-05T09:30:00" (or a date: its midnight); NULL is now, by this
 * machine's clock.  Two processes may work one file: their steps are
 * serialised. */
#define HACT_ROUND_OFFICIAL 0 /* 正式考核 */
#define HACT_ROUND_TRIAL 1    /* 试考核: scored and ranked, marked as a trial everywhere */

/* What a new round assesses.  Set struct_size to sizeof(hact_round_definition). */
typedef struct hact_round_definition {
  int32_t struct_size;
  int32_t year;
  int32_t kind;                 /* HACT_ROUND_OFFICIAL or HACT_ROUND_TRIAL */
  int32_t targets_of;           /* a trial judged against a later year's targets; 0: its own year's */
  const char* committee;        /* whose round; NULL: the organisation's only committee */
  const char* level;            /* the units' level ("县区", "county"); NULL: every level */
  const char* within;           /* only units under this one; NULL: everywhere */
  const char* assessment_group; /* 考核组 members, "马斌、魏士博"; NULL: none named */
  const char* deadline;         /* for submissions; NULL: none */
  const char* send_up_deadline; /* for the units' own rounds sent up; NULL: none */
  const char* by;               /* who opens it; NULL: the committee's office */
  const char* at;
} hact_round_definition;

/* Creates the file `path` (refused if it exists) holding a new round of
 * `framework` over the units of `units` (a handle that has read a units
 * file: hact_observations_read_units_csv), judged by `organisation` (which
 * must be as its text was parsed: one changed by
 * hact_organisation_propose_change is refused).  A year without targets is
 * HACT_ERROR_INVALID naming the later year a trial may use. */
HACT_API int32_t hact_round_create(const char* path, const hact_framework* framework,
                                   const hact_organisation* organisation, const hact_observations* units,
                                   const hact_round_definition* definition, hact_round** round);
/* Opens a round's file, checking that it is one and intact (a file that is
 * not, is truncated or whose rows do not match their hashes is
 * HACT_ERROR_INVALID).  read_only: a file received from another office. */
HACT_API int32_t hact_round_open(const char* path, int32_t read_only, hact_round** round);
/* Creates `path` from a history kept elsewhere: the JSON lines
 * hact_round_history writes, of a round of exactly `framework`; written
 * whole once it replays under the rules, or not at all. */
HACT_API int32_t hact_round_import(const char* path, const hact_framework* framework,
                                   const hact_organisation* organisation, const char* jsonl, size_t length,
                                   hact_round** round);
HACT_API void hact_round_free(hact_round* round);
/* The framework the round assesses (as the file keeps it), as a new handle. */
HACT_API int32_t hact_round_framework(const hact_round* round, hact_framework** framework);

/* Unit `unit`'s figures (a data file's text, kept verbatim), which must read
 * under the round's framework (their diagnostics as for parsing) and be
 * `unit`'s alone.  document: where they come from, or NULL. */
HACT_API int32_t hact_round_submit(hact_round* round, const char* unit, const char* by, const char* document,
                                   const char* figures, size_t length, const char* at,
                                   hact_diagnostics** diagnostics);
/* The office's decision on the unit's latest submission; a return says why. */
HACT_API int32_t hact_round_accept(hact_round* round, const char* unit, const char* by, const char* at);
HACT_API int32_t hact_round_return(hact_round* round, const char* unit, const char* by, const char* reason,
                                   const char* at);
/* The spot-check (复核): `count` units drawn reproducibly from `seed` (1 ..
 * the round's units), or with count 0 those the verified file names; the
 * verified values (the data file's columns with reviewer/核实人 and
 * reason/核实说明) compared with the accepted figures.  Refused unless every
 * value that differs says why and its reviewer is of `group` ("A、B", or
 * NULL) or `by`.  *review, if not NULL, receives what it found. */
HACT_API int32_t hact_round_review(hact_round* round, const char* by, const char* group, int32_t count,
                                   uint64_t seed, const char* verified, size_t length, const char* at,
                                   hact_diagnostics** diagnostics, hact_review** review);
#define HACT_STEP_APPROVE 1   /* 审定, by the committee's director */
#define HACT_STEP_PUBLISH 2   /* 通报, by the office */
#define HACT_STEP_WITHDRAW 3  /* 撤回审定 (reason) */
#define HACT_STEP_REOPEN 4    /* 重新开放 for a correction after approval (reason) */
#define HACT_STEP_REPORT_FORM 5      /* the office forms the overall report (text) */
#define HACT_STEP_REPORT_AGREE 6     /* the director agrees to it */
#define HACT_STEP_REPORT_SEND_UP 7   /* reported to the city government */
#define HACT_STEP_REPORT_CIRCULATE 8 /* circulated */
#define HACT_STEP_REPORT_RELEASE 9   /* published */
/* A step of the round as a whole.  `text` is the reason (WITHDRAW, REOPEN)
 * or the report formed (REPORT_FORM), else NULL. */
HACT_API int32_t hact_round_step(hact_round* round, int32_t step, const char* by, const char* text,
                                 const char* at);
/* A unit's own round, sent up as its file at `path`: received once it opens
 * intact, replays under its own rules, is approved and its result computes;
 * unit: the sender (NULL: the unit whose committee ran it). */
HACT_API int32_t hact_round_receive(hact_round* round, const char* path, const char* unit, const char* by,
                                    const char* at);

/* Round states and submission states. */
#define HACT_ROUND_COLLECTING 0 /* 收集中 */
#define HACT_ROUND_REVIEWED 1   /* 已复核 */
#define HACT_ROUND_APPROVED 2   /* 已审定 */
#define HACT_ROUND_PUBLISHED 3  /* 已通报 */
#define HACT_SUBMISSION_NONE 0      /* 未提交 */
#define HACT_SUBMISSION_SUBMITTED 1 /* 已提交 */
#define HACT_SUBMISSION_ACCEPTED 2  /* 已受理 */
#define HACT_SUBMISSION_RETURNED 3  /* 已退回 */
typedef struct hact_round_summary {
  int32_t struct_size;   /* set to sizeof(hact_round_summary) */
  const char* framework; /* its name */
  int32_t year;
  int32_t kind;          /* HACT_ROUND_OFFICIAL or HACT_ROUND_TRIAL */
  int32_t targets_of;    /* 0: the year's own */
  int32_t state;         /* HACT_ROUND_* */
  const char* state_name;    /* "已审定" */
  const char* approved_by;   /* "" while not approved */
  const char* approved_at;   /* "" while not approved */
  const char* published_at;  /* "" while not published */
  int32_t unit_count;
  int32_t event_count;   /* steps up to the moment asked for */
} hact_round_summary;
typedef struct hact_round_unit {
  const char* unit;
  int32_t state;           /* HACT_SUBMISSION_* */
  const char* state_name;  /* "已退回" */
  int32_t revisions;       /* submissions so far; the latest is this one */
  const char* last_submitted; /* "" when none */
  int32_t late;            /* the latest came after the deadline */
  const char* returned_reason; /* "" unless returned */
} hact_round_unit;
/* Where the round stands after its steps up to `as_of` (NULL: all), as a
 * handle of its own (free it); its strings live as long as it. */
HACT_API int32_t hact_round_status_create(const hact_round* round, const char* as_of,
                                          hact_round_status** status);
HACT_API void hact_round_status_free(hact_round_status* status);
HACT_API int32_t hact_round_status_summary(const hact_round_status* status, hact_round_summary* out);
/* Unit `index` (0 .. unit_count - 1), in the round's order. */
HACT_API int32_t hact_round_status_unit(const hact_round_status* status, int32_t index, hact_round_unit* out);
/* The history up to `as_of` (NULL: all), one JSON object a line
 * ({"seq": 1, "at": …, "event": "open", "name": "开始考核", …}), which
 * hact_round_import reads back.  *jsonl is the caller's (hact_free). */
HACT_API int32_t hact_round_history(const hact_round* round, const char* as_of, char** jsonl, size_t* length);
/* The approved round's result (HACT_FORMAT_JSON, or HACT_FORMAT_CSV: the
 * assessment's rows with round_kind first), the spot-check's verified values
 * in place; a trial is marked in every row.  Before approval:
 * HACT_ERROR_INVALID.  *bytes as for the reports. */
#define HACT_FORMAT_CSV 4
HACT_API int32_t hact_round_export(const hact_round* round, int32_t format, char** bytes, size_t* length);
/* The approved round's result as an assessment handle (free it). */
HACT_API int32_t hact_round_assessment(const hact_round* round, hact_assessment** assessment);

#ifdef __cplusplus
}
#endif

#endif /* HEALTHACT_H_ */

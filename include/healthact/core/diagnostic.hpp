// Diagnostics: what the checker says about a text, as data.
//
// Each diagnostic has a stable code ("E006"), a short stable name
// ("unknown-unit"), a severity, a position (line and column, the column
// counted in code points) and a message for a clerk.  Tests and other
// programs compare codes and positions; messages may be improved freely.
#ifndef HEALTHACT_DIAGNOSTIC_HPP_
#define HEALTHACT_DIAGNOSTIC_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace healthact {

enum class Severity : std::int32_t { kError = 0, kWarning = 1 };

// Codes never change meaning once published; new ones are appended.
enum class DiagnosticCode : std::int32_t {
  kSyntax = 1,                 // E001 syntax
  kInvalidUtf8 = 2,            // E002 invalid-utf8
  kUnterminatedString = 3,     // E003 unterminated-string
  kMalformedNumber = 4,        // E004 malformed-number
  kNumberOutOfRange = 5,       // E005 number-out-of-range
  kUnknownUnit = 6,            // E006 unknown-unit
  kUnitMismatch = 7,           // E007 unit-mismatch
  kDuplicateIndicator = 8,     // E008 duplicate-indicator
  kPartCountMismatch = 9,      // E009 part-count-mismatch
  kTargetKindMismatch = 10,    // E010 target-kind-mismatch
  kDuplicateYear = 11,         // E011 duplicate-year
  kMissingHeader = 12,         // E012 missing-framework
  kUnknownStatement = 13,      // E013 unknown-statement
  kUnknownValue = 14,          // E014 unknown-value
  kMissingUnit = 15,           // E015 missing-unit
  kUndefinedCount = 16,        // E016 undefined-count
  kFormulaType = 17,           // E017 formula-type
  kTrendUndefined = 18,        // E018 trend-undefined
  kYearOutOfRange = 19,        // E019 year-out-of-range
  kDuplicateStatement = 20,    // E020 duplicate-statement
  kExtendsFailed = 21,         // E021 extends-failed
  kUnknownIndicator = 22,      // E022 unknown-indicator
  kMalformedNumberLabel = 23,  // E023 malformed-indicator-number
  kPartOutsideIndicator = 24,  // E024 part-outside-indicator
  kNoTarget = 25,              // E025 no-target
  kUnclosedBlock = 26,         // E026 unclosed-block
  kEmptyName = 27,             // E027 empty-name
  kMissingName = 28,           // E028 missing-name
  kWeightsInvalid = 29,        // E029 weights-invalid
  kDataHeader = 30,            // E030 data-header
  kDataRow = 31,               // E031 data-row
  kDataValue = 32,             // E032 data-value
  kDataUnknownKey = 33,        // E033 data-unknown-key
  kDataConflict = 34,          // E034 data-conflict
  kDataTree = 35,              // E035 data-tree
  kBadDate = 36,               // E036 bad-date
  kUnknownReference = 37,      // E037 unknown-reference
  kWrongArguments = 38,        // E038 wrong-arguments
  kChangeRejected = 39,        // E039 change-rejected
  kTableHeader = 40,           // E040 table-header
  kTableRow = 41,              // E041 table-row
  kTableCell = 42,             // E042 table-cell
  kLimitExceeded = 43,         // E043 limit-exceeded
  kUnknownAction = 44,         // E044 unknown-action
  kBareTargetNoDirection = 101,      // W101 bare-target-without-direction
  kShareAboveWhole = 102,            // W102 share-above-whole
  kLaterTargetWeaker = 103,          // W103 later-target-weaker
  kComparatorAgainstDirection = 104, // W104 comparator-against-direction
  kBaselineAfterTarget = 105,        // W105 baseline-after-target
  kOrganisationStructure = 106,      // W106 organisation-structure
  kTableDirectionInferred = 107,     // W107 direction-inferred
  kTableUnitInferred = 108,          // W108 unit-inferred
  kTableColumnIgnored = 109,         // W109 column-ignored
  kTablePartsNamed = 110,            // W110 parts-named-by-number
  kTableBaselineYearUnstated = 111,  // W111 baseline-year-unstated
  kDataColumnIgnored = 112,          // W112 data-column-ignored
  kDataValueReadAs = 113,            // W113 data-value-read-as
  kDataEncodingConverted = 114,      // W114 data-encoding-converted
};

// Every code, in numeric order.
const std::vector<DiagnosticCode>& AllDiagnosticCodes();

// "E006", "W101".
std::string DiagnosticCodeString(DiagnosticCode code);
// "unknown-unit".
std::string_view DiagnosticCodeName(DiagnosticCode code);
// The severity a code always has (E… are errors, W… warnings).
Severity SeverityOf(DiagnosticCode code);

struct Diagnostic {
  DiagnosticCode code = DiagnosticCode::kSyntax;
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in code points
  std::string message;

  // "zhangye.ha:3:7: error: unknown unit 'xx' [E006 unknown-unit]"
  std::string ToString() const;
};

bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace healthact

#endif  // HEALTHACT_DIAGNOSTIC_HPP_

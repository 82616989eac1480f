#include "healthact/core/diagnostic.hpp"

#include <algorithm>

#include "core/strings.hpp"
#include "absl/strings/str_format.h"

namespace healthact {

std::string DiagnosticCodeString(DiagnosticCode code) {
  const int number = static_cast<int>(code);
  return absl::StrFormat("%c%03d", number >= 100 ? 'W' : 'E', number);
}

std::string_view DiagnosticCodeName(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kSyntax: return "syntax";
    case DiagnosticCode::kInvalidUtf8: return "invalid-utf8";
    case DiagnosticCode::kUnterminatedString: return "unterminated-string";
    case DiagnosticCode::kMalformedNumber: return "malformed-number";
    case DiagnosticCode::kNumberOutOfRange: return "number-out-of-range";
    case DiagnosticCode::kUnknownUnit: return "unknown-unit";
    case DiagnosticCode::kUnitMismatch: return "unit-mismatch";
    case DiagnosticCode::kDuplicateIndicator: return "duplicate-indicator";
    case DiagnosticCode::kPartCountMismatch: return "part-count-mismatch";
    case DiagnosticCode::kTargetKindMismatch: return "target-kind-mismatch";
    case DiagnosticCode::kDuplicateYear: return "duplicate-year";
    case DiagnosticCode::kMissingHeader: return "missing-framework";
    case DiagnosticCode::kUnknownStatement: return "unknown-statement";
    case DiagnosticCode::kUnknownValue: return "unknown-value";
    case DiagnosticCode::kMissingUnit: return "missing-unit";
    case DiagnosticCode::kUndefinedCount: return "undefined-count";
    case DiagnosticCode::kFormulaType: return "formula-type";
    case DiagnosticCode::kTrendUndefined: return "trend-undefined";
    case DiagnosticCode::kYearOutOfRange: return "year-out-of-range";
    case DiagnosticCode::kDuplicateStatement: return "duplicate-statement";
    case DiagnosticCode::kExtendsFailed: return "extends-failed";
    case DiagnosticCode::kUnknownIndicator: return "unknown-indicator";
    case DiagnosticCode::kMalformedNumberLabel: return "malformed-indicator-number";
    case DiagnosticCode::kPartOutsideIndicator: return "part-outside-indicator";
    case DiagnosticCode::kNoTarget: return "no-target";
    case DiagnosticCode::kUnclosedBlock: return "unclosed-block";
    case DiagnosticCode::kEmptyName: return "empty-name";
    case DiagnosticCode::kMissingName: return "missing-name";
    case DiagnosticCode::kWeightsInvalid: return "weights-invalid";
    case DiagnosticCode::kDataHeader: return "data-header";
    case DiagnosticCode::kDataRow: return "data-row";
    case DiagnosticCode::kDataValue: return "data-value";
    case DiagnosticCode::kDataUnknownKey: return "data-unknown-key";
    case DiagnosticCode::kDataConflict: return "data-conflict";
    case DiagnosticCode::kDataTree: return "data-tree";
    case DiagnosticCode::kBadDate: return "bad-date";
    case DiagnosticCode::kUnknownReference: return "unknown-reference";
    case DiagnosticCode::kWrongArguments: return "wrong-arguments";
    case DiagnosticCode::kChangeRejected: return "change-rejected";
    case DiagnosticCode::kTableHeader: return "table-header";
    case DiagnosticCode::kTableRow: return "table-row";
    case DiagnosticCode::kTableCell: return "table-cell";
    case DiagnosticCode::kLimitExceeded: return "limit-exceeded";
    case DiagnosticCode::kUnknownAction: return "unknown-action";
    case DiagnosticCode::kBareTargetNoDirection: return "bare-target-without-direction";
    case DiagnosticCode::kShareAboveWhole: return "share-above-whole";
    case DiagnosticCode::kLaterTargetWeaker: return "later-target-weaker";
    case DiagnosticCode::kComparatorAgainstDirection: return "comparator-against-direction";
    case DiagnosticCode::kBaselineAfterTarget: return "baseline-after-target";
    case DiagnosticCode::kOrganisationStructure: return "organisation-structure";
    case DiagnosticCode::kTableDirectionInferred: return "direction-inferred";
    case DiagnosticCode::kTableUnitInferred: return "unit-inferred";
    case DiagnosticCode::kTableColumnIgnored: return "column-ignored";
    case DiagnosticCode::kTablePartsNamed: return "parts-named-by-number";
    case DiagnosticCode::kTableBaselineYearUnstated: return "baseline-year-unstated";
    case DiagnosticCode::kDataColumnIgnored: return "data-column-ignored";
    case DiagnosticCode::kDataValueReadAs: return "data-value-read-as";
    case DiagnosticCode::kDataEncodingConverted: return "data-encoding-converted";
  }
  return "unknown";
}

const std::vector<DiagnosticCode>& AllDiagnosticCodes() {
  // An object destroyed at exit, not a leaked pointer: embedders' leak
  // checkers (valgrind --show-leak-kinds=all) report nothing still reachable.
  static const std::vector<DiagnosticCode> kCodes = [] {
    std::vector<DiagnosticCode> codes;
    for (int number = 1; number < 200; ++number) {
      const auto code = static_cast<DiagnosticCode>(number);
      if (DiagnosticCodeName(code) != "unknown") codes.push_back(code);
    }
    return codes;
  }();
  return kCodes;
}

Severity SeverityOf(DiagnosticCode code) {
  return static_cast<int>(code) >= 100 ? Severity::kWarning : Severity::kError;
}

std::string Diagnostic::ToString() const {
  return text::StrCat(file, ":", line, ":", column, ": ",
                      severity == Severity::kError ? "error" : "warning", ": ", message,
                      " [", DiagnosticCodeString(code), " ", DiagnosticCodeName(code), "]");
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace healthact

// hact_review_*: the spot-check (复核) — units drawn reproducibly, their
// verified values compared with what they reported, and the assessment
// recomputed on the verified values.
#include <string>

#include "handles.hpp"
#include "healthact/data/data_file.hpp"
#include "healthact/core/messages.hpp"

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

using namespace healthact::capi;

extern "C" {

int32_t hact_review_draw(const hact_assessment* assessment, int32_t count, uint64_t seed,
                         hact_review** review) {
  return Guard([&] {
    if (review != nullptr) *review = nullptr;
    if (assessment == nullptr) return NullArgument("assessment");
    if (review == nullptr) return NullArgument("review");
    const healthact::Assessment& a = *assessment->assessment;
    if (count < 1 || static_cast<std::size_t>(count) > a.unit_count()) {
      // Drawing "9 of 5" would silently review every unit: say so instead.
      return Fail(HACT_ERROR_INVALID, Format("cannot draw $0 of $1 units (1 to $1)", std::to_string(count), std::to_string(a.unit_count())));
    }
    auto made = std::make_unique<hact_review>();
    made->original = a;
    made->drawn = healthact::ChooseForReview(a, count, seed);
    for (const healthact::UnitId unit : made->drawn) {
      made->drawn_names.push_back(a.observations().unit_name(unit));
    }
    *review = made.release();
    return HACT_OK;
  });
}

void hact_review_free(hact_review* review) { delete review; }

int32_t hact_review_unit_count(const hact_review* review, int32_t* count) {
  return Guard([&] {
    if (review == nullptr) return NullArgument("review");
    if (count == nullptr) return NullArgument("count");
    *count = static_cast<int32_t>(review->drawn.size());
    return HACT_OK;
  });
}

int32_t hact_review_unit(const hact_review* review, int32_t index, const char** unit) {
  return Guard([&] {
    if (review == nullptr) return NullArgument("review");
    if (unit == nullptr) return NullArgument("unit");
    if (index < 0 || static_cast<std::size_t>(index) >= review->drawn.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("drawn unit index out of range")));
    }
    *unit = review->drawn_names[index].c_str();
    return HACT_OK;
  });
}

int32_t hact_review_verify_csv(hact_review* review, const char* text, size_t length,
                               const char* file_name, hact_diagnostics** diagnostics) {
  return Guard([&] {
    if (diagnostics != nullptr) *diagnostics = nullptr;
    if (review == nullptr) return NullArgument("review");
    if (text == nullptr) return NullArgument("text");
    if (const int32_t status = CheckUtf8(file_name, "file_name")) return status;
    const healthact::Assessment& original = *review->original;
    healthact::Observations verified;
    healthact::VerifiedNotes notes;
    std::vector<healthact::Diagnostic> found = healthact::ReadVerifiedCsv(
        std::string_view(text, length), file_name != nullptr ? file_name : "<verified>",
        &original.framework(), verified, notes);
    const bool ok = !healthact::HasErrors(found);
    if (const int32_t status = HandOver(std::move(found), ok, diagnostics)) return status;
    // A verified value for a unit that was not drawn is refused by name: a
    // review of units nobody drew is not a spot-check.
    for (int u = 0; u < verified.unit_count(); ++u) {
      const std::string& name = verified.unit_name(static_cast<healthact::UnitId>(u));
      bool drawn = false;
      for (const std::string& d : review->drawn_names) drawn = drawn || d == name;
      if (!drawn) {
        return Fail(HACT_ERROR_INVALID, Format("verified values for $0, which was not drawn for review", name));
      }
    }
    review->Keep(healthact::Review(original, verified, review->drawn, &notes));
    return HACT_OK;
  });
}

int32_t hact_review_discrepancy_count(const hact_review* review, int32_t* count) {
  return Guard([&] {
    if (review == nullptr) return NullArgument("review");
    if (count == nullptr) return NullArgument("count");
    if (!review->result) return Fail(HACT_ERROR_INVALID, std::string(Tr("no verified values yet (hact_review_verify_csv)")));
    *count = static_cast<int32_t>(review->result->discrepancies.size());
    return HACT_OK;
  });
}

int32_t hact_review_discrepancy(const hact_review* review, int32_t index, hact_discrepancy* out) {
  return Guard([&] {
    if (review == nullptr) return NullArgument("review");
    if (out == nullptr) return NullArgument("out");
    if (!review->result) return Fail(HACT_ERROR_INVALID, std::string(Tr("no verified values yet (hact_review_verify_csv)")));
    const auto& all = review->result->discrepancies;
    if (index < 0 || static_cast<std::size_t>(index) >= all.size()) {
      return Fail(HACT_ERROR_RANGE, std::string(Tr("discrepancy index out of range")));
    }
    const healthact::Discrepancy& d = all[index];
    out->unit = d.unit.c_str();
    out->key = d.key.c_str();
    out->indicator = d.indicator.c_str();
    out->reported = review->shown[index].reported.c_str();
    out->verified = review->shown[index].verified.c_str();
    out->before = static_cast<int32_t>(d.before);
    out->after = static_cast<int32_t>(d.after);
    out->reviewer = d.reviewer.c_str();
    out->reason = d.reason.c_str();
    out->line = d.line;
    return HACT_OK;
  });
}

int32_t hact_review_assessment(const hact_review* review, hact_assessment** recomputed) {
  return Guard([&] {
    if (recomputed != nullptr) *recomputed = nullptr;
    if (review == nullptr) return NullArgument("review");
    if (recomputed == nullptr) return NullArgument("recomputed");
    if (!review->result) return Fail(HACT_ERROR_INVALID, std::string(Tr("no verified values yet (hact_review_verify_csv)")));
    *recomputed = WrapAssessment(review->result->recomputed).release();
    return HACT_OK;
  });
}

}  // extern "C"

#include "healthact/assess/review.hpp"

#include <algorithm>
#include <memory>
#include <tuple>

#include "core/strings.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;
namespace {

// SplitMix64 (Steele, Lea and Flood 2014): tiny, fully specified, and the
// same on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound) without modulo bias.
  std::uint64_t Below(std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t draw;
    do {
      draw = Next();
    } while (draw >= limit);
    return draw % bound;
  }

 private:
  std::uint64_t state_;
};

// The index of the indicator a key counts for: its own number, one of its
// parts, or a count its formula uses.
std::optional<std::size_t> IndicatorOf(const Framework& framework, std::string_view key) {
  const auto& indicators = framework.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const Indicator& indicator = indicators[i];
    if (indicator.number == key) return i;
    for (const IndicatorPart& part : indicator.parts) {
      if (part.number == key) return i;
    }
    if (indicator.formula) {
      for (const FormulaNode& node : indicator.formula->nodes) {
        if (node.kind == FormulaNode::Kind::kCount && node.count == key) return i;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<UnitId> ChooseForReview(const Assessment& assessment, int k, std::uint64_t seed) {
  std::vector<UnitId> units = assessment.units();
  const Observations& observations = assessment.observations();
  std::sort(units.begin(), units.end(), [&](UnitId a, UnitId b) {
    return observations.unit_name(a) < observations.unit_name(b);
  });
  const std::size_t count = std::min(units.size(), static_cast<std::size_t>(std::max(k, 0)));
  SplitMix64 random(seed);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t j = i + random.Below(units.size() - i);
    std::swap(units[i], units[j]);
  }
  units.resize(count);
  return units;
}

ReviewResult Review(const Assessment& original, const Observations& verified,
                    const std::vector<UnitId>& reviewed, const VerifiedNotes* notes) {
  const Observations& reported = original.observations();
  const Framework& framework = original.framework();
  const int year = original.year();
  auto corrected = std::make_shared<Observations>(reported);
  std::vector<Discrepancy> discrepancies;
  for (UnitId unit : reviewed) {
    const std::optional<UnitId> in_verified = verified.FindUnit(reported.unit_name(unit));
    if (!in_verified) continue;
    for (const auto& [key, key_year] : verified.Keys()) {
      if (key_year != year) continue;
      const Reported checked = verified.Get(*in_verified, key, year);
      if (checked.kind == ReportKind::kNothing) continue;
      const Reported original_value = reported.Get(unit, key, year);
      if (original_value == checked) continue;
      (void)corrected->Replace(unit, key, year, checked);
      Discrepancy discrepancy;
      discrepancy.unit = reported.unit_name(unit);
      discrepancy.key = key;
      discrepancy.reported = original_value;
      discrepancy.verified = checked;
      if (notes != nullptr) {
        // A part's value may be written under its indicator's number.
        const Indicator* whole = nullptr;
        if (const std::optional<std::size_t> i = IndicatorOf(framework, key)) {
          whole = &framework.indicators()[*i];
        }
        auto note = notes->find(std::make_tuple(discrepancy.unit, key, year));
        if (note == notes->end() && whole != nullptr) {
          note = notes->find(std::make_tuple(discrepancy.unit, whole->number, year));
        }
        if (note != notes->end()) {
          discrepancy.reviewer = note->second.reviewer;
          discrepancy.reason = note->second.reason;
          discrepancy.line = note->second.line;
        }
      }
      discrepancies.push_back(std::move(discrepancy));
    }
  }
  Assessment recomputed = Assess(original.framework_ptr(), corrected, year, original.options());
  // Verdicts before and after, for the indicator each discrepancy counts for.
  for (Discrepancy& d : discrepancies) {
    const std::optional<std::size_t> i = IndicatorOf(framework, d.key);
    const std::optional<UnitId> unit = reported.FindUnit(d.unit);
    if (!i || !unit) continue;
    d.indicator = framework.indicators()[*i].number;
    const auto position = [&](const Assessment& a) -> std::optional<std::size_t> {
      const auto it = std::find(a.units().begin(), a.units().end(), *unit);
      if (it == a.units().end()) return std::nullopt;
      return static_cast<std::size_t>(it - a.units().begin());
    };
    if (auto u = position(original)) d.before = original.status(*u, *i);
    if (auto u = position(recomputed)) d.after = recomputed.status(*u, *i);
  }
  return ReviewResult{reviewed, std::move(discrepancies), std::move(recomputed)};
}

std::vector<UnitId> UnitsVerified(const Assessment& assessment, const Observations& verified) {
  std::vector<UnitId> reviewed;
  for (UnitId unit : assessment.units()) {
    if (verified.FindUnit(assessment.observations().unit_name(unit))) reviewed.push_back(unit);
  }
  return reviewed;
}

absl::Status CheckReviewRecord(const ReviewResult& review, std::string_view file, std::string_view by,
                               const std::vector<std::string>& group) {
  for (const Discrepancy& d : review.discrepancies) {
    const std::string where =
        text::StrCat(file, d.line > 0 ? text::StrCat(":", d.line) : "", ": ", d.unit, " ", d.key, " ",
                     review.recomputed.year(), ": ");
    if (d.reason.empty()) {
      return absl::InvalidArgumentError(Format("$0the verified value $1 differs from the reported $2: say why in the reason (核实说明) column", where, d.verified.ToString(), d.reported.ToString()));
    }
    if (!d.reviewer.empty() && d.reviewer != by &&
        std::find(group.begin(), group.end(), d.reviewer) == group.end()) {
      return absl::InvalidArgumentError(Format("$0the reviewer '$1' is not of the spot-check group", where, d.reviewer));
    }
  }
  return absl::OkStatus();
}

}  // namespace healthact

#include "healthact/assess/aggregation.hpp"

#include <algorithm>
#include <map>

#include "assess/evaluation.hpp"
#include "healthact/core/messages.hpp"
#include "core/strings.hpp"

namespace healthact {
namespace {

using evaluation::Rational;

int Depth(const Observations& observations, UnitId unit) {
  int depth = 0;
  for (std::optional<UnitId> up = observations.parent(unit); up; up = observations.parent(*up)) ++depth;
  return depth;
}

}  // namespace

AggregationResult AggregateUp(const Framework& framework, const Observations& observations, int year) {
  AggregationResult result;
  result.observations = std::make_shared<Observations>(observations);
  Observations& out = *result.observations;

  // Parents, deepest first, so that a county is complete before the city sums it.
  std::map<UnitId, std::vector<UnitId>> children;
  for (UnitId unit = 0; unit < out.unit_count(); ++unit) {
    if (const std::optional<UnitId> parent = out.parent(unit)) children[*parent].push_back(unit);
  }
  std::vector<UnitId> parents;
  for (const auto& [parent, kids] : children) parents.push_back(parent);
  std::sort(parents.begin(), parents.end(), [&](UnitId a, UnitId b) {
    return Depth(out, a) > Depth(out, b);
  });

  const auto note = [&](UnitId parent, std::string_view key, std::string reason) {
    result.notes.push_back(AggregationNote{out.unit_name(parent), std::string(key), std::move(reason)});
  };
  // The children's numbers for a key, or the name of a child without one.
  const auto numbers = [&](const std::vector<UnitId>& kids, std::string_view key,
                           std::vector<Decimal>& values) -> std::optional<std::string> {
    values.clear();
    for (UnitId kid : kids) {
      const Reported reported = out.Get(kid, key, year);
      if (reported.kind != ReportKind::kNumber) return out.unit_name(kid);
      values.push_back(reported.number);
    }
    return std::nullopt;
  };

  for (UnitId parent : parents) {
    const std::vector<UnitId>& kids = children[parent];
    std::vector<Decimal> values;
    for (const CountDeclaration& count : framework.counts()) {
      if (out.Get(parent, count.name, year).kind != ReportKind::kNothing) continue;
      if (const auto lacking = numbers(kids, count.name, values)) {
        note(parent, count.name, messages::Format("$0未报告$1，无法汇总", *lacking, count.name));
        continue;
      }
      Decimal sum;
      bool ok = true;
      for (const Decimal& v : values) {
        absl::StatusOr<Decimal> next = Decimal::Add(sum, v);
        ok = ok && next.ok();
        if (ok) sum = *next;
      }
      if (!ok) {
        note(parent, count.name, "合计超出范围");
        continue;
      }
      (void)out.Add(parent, count.name, year, Reported{ReportKind::kNumber, sum});
    }
    for (const Indicator& indicator : framework.indicators()) {
      if (indicator.formula || indicator.is_qualitative()) continue;  // formulas: from the counts
      std::vector<std::string> keys;
      for (const IndicatorPart& part : indicator.parts) keys.push_back(part.number);
      if (keys.empty()) keys.push_back(indicator.number);
      for (const std::string& key : keys) {
        if (out.Get(parent, key, year).kind != ReportKind::kNothing) continue;
        if (!indicator.aggregate_weight) {
          note(parent, key, "以比率报告且未规定汇总权重，不可汇总");
          continue;
        }
        std::vector<Decimal> weights;
        const auto lacking_rate = numbers(kids, key, values);
        const auto lacking_weight = numbers(kids, *indicator.aggregate_weight, weights);
        if (lacking_rate || lacking_weight) {
          note(parent, key, messages::Format("$0未报告$1，无法汇总", lacking_rate ? *lacking_rate : *lacking_weight,
                                             lacking_rate ? key : *indicator.aggregate_weight));
          continue;
        }
        Rational weighted = 0, total = 0;
        int scale = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
          weighted += evaluation::ToRational(values[i]) * evaluation::ToRational(weights[i]);
          total += evaluation::ToRational(weights[i]);
          scale = std::max(scale, values[i].scale());
        }
        if (total.is_zero()) {
          note(parent, key, messages::Format("$0合计为0，无法加权", *indicator.aggregate_weight));
          continue;
        }
        std::optional<Decimal> mean = evaluation::RoundRational(weighted / total, scale, Rounding::kHalfUp);
        if (mean) (void)out.Add(parent, key, year, Reported{ReportKind::kNumber, *mean});
      }
    }
  }
  return result;
}

}  // namespace healthact

#include "lang/checker.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/strings.hpp"
#include "core/utf8.hpp"
#include "model/vocabulary.hpp"
#include "healthact/core/limits.hpp"
#include "lang/vocabulary.hpp"

#include "lang/checker_impl.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::dsl {

using messages::Format;
using messages::Tr;
namespace check {

using limits::kFirstYear;
using limits::kLastYear;

Indicator* Checker::FindIndicator(const std::string& number) {
  const auto it = index_.find(number);
  return it == index_.end() ? nullptr : &contents_.indicators[it->second];
}

void Checker::Reindex() {
  index_.clear();
  for (std::size_t i = 0; i < contents_.indicators.size(); ++i) {
    index_.emplace(contents_.indicators[i].number, i);
  }
}

void Checker::Report(DiagnosticCode code, std::size_t offset, std::string message) {
  const utf8::LineColumn where = lines_.At(offset);
  diagnostics_.push_back(Diagnostic{code, SeverityOf(code), std::string(file_name_), where.line,
                                    where.column, std::move(message)});
}

std::optional<Framework::Contents> Checker::Run(const std::vector<ast::TopStmt>& statements) {
  if (parent_ != nullptr) contents_ = *parent_;
  // Room for every indicator the text defines: an indicator is large, and
  // growing the list moved each one twice on average.
  contents_.indicators.reserve(contents_.indicators.size() +
                               static_cast<std::size_t>(std::count_if(
                                   statements.begin(), statements.end(), [](const ast::TopStmt& statement) {
                                     return boost::get<ast::IndicatorStmt>(&statement) != nullptr;
                                   })));
  Reindex();
  for (const ast::TopStmt& statement : statements) CheckTop(statement);
  if (!has_header_) {
    Report(DiagnosticCode::kMissingHeader, 0,
           std::string(Tr("a framework text begins with 框架 \"name\" (framework \"name\")")));
  }
  CheckScoring();
  CheckDepartmentRule();
  for (Indicator& indicator : contents_.indicators) {
    auto it = locations_.find(indicator.number);
    if (it == locations_.end() || !it->second.defined_here) continue;
    if (indicator.aggregate_weight && !contents_.counts.empty() &&
        std::none_of(contents_.counts.begin(), contents_.counts.end(),
                     [&](const CountDeclaration& c) { return c.name == *indicator.aggregate_weight; })) {
      Report(DiagnosticCode::kUndefinedCount, *it->second.aggregate_weight,
             Format("'$0' is not a declared count", *indicator.aggregate_weight));
    } else if (indicator.aggregate_weight && contents_.counts.empty()) {
      Report(DiagnosticCode::kUndefinedCount, *it->second.aggregate_weight,
             Format("'$0' is not a declared count (计数 $0 人)", *indicator.aggregate_weight));
    }
    TypeFormula(indicator, it->second);
    const ReportAt report = [this](DiagnosticCode code, std::size_t offset, std::string message) {
      Report(code, offset, std::move(message));
    };
    ResolveTrends(indicator, contents_.trend_rules, it->second, report);
    CheckWholeIndicator(indicator, it->second, report);
  }
  // An indicator's special action is one the framework declares (wherever
  // in the text, or in the framework it extends).
  for (const auto& [number, place] : action_places_) {
    const Indicator* indicator = FindIndicator(number);
    if (indicator == nullptr || indicator->action.empty()) continue;
    const auto& actions = contents_.actions;
    if (std::none_of(actions.begin(), actions.end(),
                     [&](const SpecialAction& a) { return a.name == indicator->action; })) {
      Report(DiagnosticCode::kUnknownAction, place,
             Format("indicator $0 names special action '$1', which the framework does not declare (专项行动 \"$1\")", number, indicator->action));
    }
  }
  for (const ast::RuleStmt* rule : rule_statements_) CheckRule(*rule);
  if (HasErrors(diagnostics_)) return std::nullopt;
  return std::move(contents_);
}

void Checker::CheckTop(const ast::TopStmt& statement) {
  struct Visitor {
    Checker& self;
    void operator()(const ast::Simple& s) const { self.CheckSimple(s); }
    void operator()(const ast::SourceStmt& s) const {
      if (self.has_source_ && self.parent_ == nullptr) {
        self.Report(DiagnosticCode::kDuplicateStatement, s.head.offset,
                    std::string(Tr("the framework's 来源 is stated twice")));
      }
      self.has_source_ = true;
      if (auto citation = self.ReadSource(s)) self.contents_.source = *citation;
    }
    void operator()(const ast::SettingStmt& s) const {
      self.CheckSetting(s, self.contents_.trend_rules);
    }
    void operator()(const ast::CountStmt& s) const { self.CheckCount(s); }
    void operator()(const ast::Assignment& s) const { self.CheckAssignment(s); }
    void operator()(const ast::IndicatorStmt& s) const { self.CheckIndicator(s); }
    void operator()(const ast::RuleStmt& s) const { self.rule_statements_.push_back(&s); }
  };
  boost::apply_visitor(Visitor{*this}, statement);
}

void Checker::CheckSimple(const ast::Simple& statement) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  if (!keyword) return;  // the grammar only produces keywords
  switch (*keyword) {
    case Keyword::kFramework:
      if (has_header_) {
        Report(DiagnosticCode::kDuplicateStatement, statement.head.offset,
               std::string(Tr("a text holds one framework; 框架 is stated twice")));
      }
      has_header_ = true;
      if (statement.argument.text.empty()) {
        Report(DiagnosticCode::kEmptyName, statement.argument.offset, std::string(Tr("the framework's name is empty")));
      }
      contents_.name = statement.argument.text;
      break;
    case Keyword::kExtends:
      break;  // resolved before checking (see parse_framework.cc)
    case Keyword::kPartialCredit:
      if (auto credit = ParsePartialCredit(statement.argument.text)) {
        contents_.scoring.partial_credit = *credit;
      } else {
        Report(DiagnosticCode::kUnknownValue, statement.argument.offset,
               Format("unknown partial credit '$0' (expected 无 or 线性)", statement.argument.text));
      }
      break;
    case Keyword::kBasis:
      current_basis_ = statement.argument.text;
      break;
    case Keyword::kAction: {
      const std::string& name = statement.argument.text;
      if (name.empty()) {
        Report(DiagnosticCode::kEmptyName, statement.argument.offset, std::string(Tr("the special action's name is empty")));
        break;
      }
      CheckNameLength(name, statement.argument.offset);
      auto& actions = contents_.actions;
      if (std::any_of(actions.begin(), actions.end(),
                      [&](const SpecialAction& action) { return action.name == name; })) {
        Report(DiagnosticCode::kDuplicateStatement, statement.argument.offset,
               Format("special action '$0' is declared twice", name));
        break;
      }
      actions.push_back(SpecialAction{name});
      break;
    }
    case Keyword::kDrop: {
      auto& indicators = contents_.indicators;
      const auto it = std::find_if(indicators.begin(), indicators.end(), [&](const Indicator& i) {
        return i.number == statement.argument.text;
      });
      if (it == indicators.end()) {
        Report(DiagnosticCode::kUnknownIndicator, statement.argument.offset,
               Format("删除 names indicator $0, which the framework does not have", statement.argument.text));
      } else {
        locations_.erase(it->number);
        // An inherited rule about the dropped indicator can no longer be
        // checked: it goes with it.
        const std::string dropped = it->number;
        std::erase_if(contents_.rules, [&](const ConsistencyRule& rule) {
          for (const Formula* side : {&rule.left, &rule.right}) {
            for (const FormulaNode& node : side->nodes) {
              if (node.kind == FormulaNode::Kind::kIndicator &&
                  (node.count == dropped || node.count.starts_with(dropped + "."))) {
                return true;
              }
            }
          }
          return false;
        });
        indicators.erase(it);
        Reindex();
      }
      break;
    }
    default:
      break;
  }
}

std::optional<Citation> Checker::ReadSource(const ast::SourceStmt& statement) {
  if (statement.document.text.empty()) {
    Report(DiagnosticCode::kEmptyName, statement.document.offset, std::string(Tr("来源 names no document")));
    return std::nullopt;
  }
  return Citation{statement.document.text, statement.locator ? statement.locator->text : ""};
}

void Checker::CheckSetting(const ast::SettingStmt& statement, TrendRules& rules) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  const ast::Item& item = statement.value;
  if (item.comparator) {
    Report(DiagnosticCode::kUnknownValue, item.comparator->offset,
           Format("$0 takes a plain number, without a comparator", statement.head.text));
    return;
  }
  std::optional<Decimal> number = ReadNumber(item.body);
  if (!number) return;
  if (keyword == Keyword::kMarkedChange) {
    if (!item.unit || ParseMeasureUnit(item.unit->text) != MeasureUnit::kPercent) {
      Report(DiagnosticCode::kUnitMismatch, item.unit ? item.unit->offset : item.body.offset,
             std::string(Tr("明显下降幅度 is a relative change in %, e.g. 明显下降幅度 10%")));
      return;
    }
    if (number->is_negative() || number->is_zero() || *number > Decimal::FromInt(100)) {
      Report(DiagnosticCode::kNumberOutOfRange, item.body.offset,
             std::string(Tr("明显下降幅度 must be more than 0% and at most 100%")));
      return;
    }
    rules.marked_change_percent = *number;
  } else {
    if (item.unit) {
      Report(DiagnosticCode::kUnitMismatch, item.unit->offset,
             std::string(Tr("持续下降年数 is a number of years, written without a unit")));
      return;
    }
    if (number->scale() != 0 || *number < Decimal::FromInt(2) || *number > Decimal::FromInt(50)) {
      Report(DiagnosticCode::kNumberOutOfRange, item.body.offset,
             std::string(Tr("持续下降年数 must be a whole number of years from 2 to 50")));
      return;
    }
    rules.continuous_years = std::stoi(number->ToString());
  }
}

void Checker::CheckCount(const ast::CountStmt& statement) {
  if (contents_.counts.end() !=
      std::find_if(contents_.counts.begin(), contents_.counts.end(),
                   [&](const CountDeclaration& c) { return c.name == statement.name.text; })) {
    Report(DiagnosticCode::kDuplicateStatement, statement.name.offset,
           Format("count '$0' is declared twice", statement.name.text));
    return;
  }
  const std::optional<MeasureUnit> unit = ParseMeasureUnit(statement.unit.text);
  if (!unit) {
    Report(DiagnosticCode::kUnknownUnit, statement.unit.offset,
           Format("unknown unit '$0' (a count is in 人, 例 or 个)", statement.unit.text));
    return;
  }
  if (MeasureUnitDimension(*unit).count != 1 || MeasureUnitDimension(*unit).scale != 0) {
    Report(DiagnosticCode::kUnitMismatch, statement.unit.offset,
           Format("a count is in 人, 例 or 个, not $0", statement.unit.text));
    return;
  }
  contents_.counts.push_back(CountDeclaration{statement.name.text, *unit});
}

void Checker::CheckAssignment(const ast::Assignment& statement) {
  const std::optional<Keyword> keyword = LookupKeyword(statement.head.text);
  const bool weight = keyword == Keyword::kWeight;
  std::optional<Decimal> value = ReadNumber(statement.value);
  if (!value) return;
  if (value->is_negative() || *value > Decimal::FromInt(100)) {
    Report(DiagnosticCode::kNumberOutOfRange, statement.value.offset,
           Format("$0 must be from 0 to 100", weight                                ? "a weight"
                        : keyword == Keyword::kGrade          ? "a grade's minimum score"
                        : keyword == Keyword::kDepartmentWeight ? "a department weight"
                                                               : "a task's credit"));
    return;
  }
  if (keyword == Keyword::kDepartmentWeight || keyword == Keyword::kTaskCredit) {
    CheckDepartmentStatement(statement, keyword == Keyword::kDepartmentWeight, *value);
    return;
  }
  Scoring& scoring = contents_.scoring;
  if (weight) {
    auto& weights = statement.subject.quoted ? scoring.basis_weights : scoring.indicator_weights;
    const std::string key = (statement.subject.quoted ? "basis:" : "") + statement.subject.text;
    if (!weight_offsets_.emplace(key, statement.subject.offset).second) {
      Report(DiagnosticCode::kDuplicateStatement, statement.subject.offset,
             Format("the weight of '$0' is stated twice", statement.subject.text));
      return;
    }
    if (!first_weight_) first_weight_ = statement.head.offset;
    weights.emplace_back(statement.subject.text, *value);
    return;
  }
  if (!first_grade_) first_grade_ = statement.head.offset;
  for (const Grade& grade : scoring.grades) {
    if (grade.name == statement.subject.text || grade.minimum == *value) {
      Report(DiagnosticCode::kDuplicateStatement, statement.subject.offset,
             Format("grade '$0' repeats another grade's name or minimum", statement.subject.text));
      return;
    }
  }
  scoring.grades.push_back(Grade{statement.subject.text, *value});
  std::sort(scoring.grades.begin(), scoring.grades.end(),
            [](const Grade& a, const Grade& b) { return a.minimum > b.minimum; });
}

// 部门考核 任务 60 / 部门考核 行动指标 40 / 任务得分 逾期完成 50: each part and
// state once; the rule as a whole is checked by CheckDepartmentRule.
void Checker::CheckDepartmentStatement(const ast::Assignment& statement, bool weighs_part,
                                       const Decimal& value) {
  const ast::Token& subject = statement.subject;
  std::optional<DepartmentPart> part;
  std::optional<TaskState> state;
  if (weighs_part) {
    part = vocabulary::Lookup(vocabulary::kDepartmentParts, subject.text);
    if (!part) {
      Report(DiagnosticCode::kUnknownValue, subject.offset,
             Format("部门考核 weighs $0, not '$1'", vocabulary::ChoiceList(vocabulary::kDepartmentParts), subject.text));
      return;
    }
  } else {
    state = ParseTaskState(subject.text);
    if (!state || *state == TaskState::kOpen) {
      Report(DiagnosticCode::kUnknownValue, subject.offset,
             Format("任务得分 is stated for 按期完成, 逾期完成 or 逾期未完成, not '$0'$1", subject.text, state ? " (a task not yet due is not judged)" : ""));
      return;
    }
  }
  // Keyed by the canonical word, so that 任务 and tasks are the same statement.
  const std::string_view key = part ? DepartmentPartName(*part) : TaskStateName(*state);
  if (!department_offsets_.emplace(std::string(key), subject.offset).second) {
    Report(DiagnosticCode::kDuplicateStatement, subject.offset,
           Format("$0 $1 is stated twice", statement.head.text, subject.text));
    return;
  }
  DepartmentRule& rule = contents_.department_rule ? *contents_.department_rule
                                                   : contents_.department_rule.emplace();
  if (part) {
    (*part == DepartmentPart::kTasks ? rule.task_weight : rule.indicator_weight) = value;
  } else {
    (*state == TaskState::kDone       ? rule.done
     : *state == TaskState::kDoneLate ? rule.done_late
                                      : rule.overdue) = value;
  }
}

// The department rule as a whole: both parts weighed (either may be 0, not
// both), and no task earning more for being later.
void Checker::CheckDepartmentRule() {
  // Nothing stated here: no rule, or the framework extended's, checked there.
  if (!contents_.department_rule || department_offsets_.empty()) return;
  const DepartmentRule& rule = *contents_.department_rule;
  std::size_t first = department_offsets_.begin()->second;  // the first statement's
  for (const auto& [key, offset] : department_offsets_) first = std::min(first, offset);
  const bool inherited = parent_ != nullptr && parent_->department_rule.has_value();
  const auto at = [&](std::string_view key) {
    const auto found = department_offsets_.find(key);
    return found != department_offsets_.end() ? std::optional<std::size_t>(found->second)
                                              : std::nullopt;
  };
  const std::optional<std::size_t> tasks = at("任务"), indicators = at("行动指标");
  if (!inherited && (!tasks || !indicators)) {
    Report(DiagnosticCode::kWeightsInvalid, first,
           Format("the department rule weighs both parts: add 部门考核 $0 N (0 leaves it out)", !tasks ? "任务" : "行动指标"));
    return;
  }
  if (rule.task_weight.is_zero() && rule.indicator_weight.is_zero()) {
    Report(DiagnosticCode::kWeightsInvalid, tasks.value_or(first),
           std::string(Tr("部门考核 任务 and 部门考核 行动指标 are both 0: a department would have no score")));
  }
  if (rule.done_late > rule.done || rule.overdue > rule.done_late) {
    const std::string_view later = rule.done_late > rule.done ? "逾期完成" : "逾期未完成";
    Report(DiagnosticCode::kWeightsInvalid, at(later).value_or(first),
           Format("任务得分 must not reward lateness: 按期完成 $0 ≥ 逾期完成 $1 ≥ 逾期未完成 $2", rule.done.ToString(), rule.done_late.ToString(), rule.overdue.ToString()));
  }
}

// The weights as a whole: each names something that exists, no indicator is
// weighed twice, and they add up to 100.
void Checker::CheckScoring() {
  Scoring& scoring = contents_.scoring;
  if (!scoring.grades.empty() && !scoring.grades.back().minimum.is_zero()) {
    Report(DiagnosticCode::kWeightsInvalid, first_grade_.value_or(0),
           std::string(Tr("the lowest grade must start at 0, so that every score has a grade (等级 不合格 0)")));
  }
  if (!first_weight_) return;
  std::map<std::string, int> group_size;
  for (const Indicator& indicator : contents_.indicators) ++group_size[indicator.basis];
  Decimal total;
  std::set<std::string> weighed;
  bool ok = true;
  for (const auto& [number, weight] : scoring.indicator_weights) {
    if (FindIndicator(number) == nullptr) {
      Report(DiagnosticCode::kUnknownIndicator, weight_offsets_.at(number),
             Format("权重 names indicator $0, which the framework does not have", number));
      ok = false;
      continue;
    }
    weighed.insert(number);
    total = *Decimal::Add(total, weight);
  }
  for (const auto& [basis, weight] : scoring.basis_weights) {
    if (!group_size.count(basis)) {
      Report(DiagnosticCode::kUnknownIndicator, weight_offsets_.at("basis:" + basis),
             Format("权重 names the basis '$0', which no indicator has", basis));
      ok = false;
      continue;
    }
    for (const Indicator& indicator : contents_.indicators) {
      if (indicator.basis == basis && !weighed.insert(indicator.number).second) {
        Report(DiagnosticCode::kWeightsInvalid, weight_offsets_.at("basis:" + basis),
               Format("indicator $0 is weighed twice: on its own and by its basis", indicator.number));
        ok = false;
      }
    }
    total = *Decimal::Add(total, weight);
  }
  if (!ok) return;
  const Decimal hundred = Decimal::FromInt(100);
  const bool all_weighed = weighed.size() == contents_.indicators.size();
  if (total > hundred || (all_weighed && total != hundred)) {
    Report(DiagnosticCode::kWeightsInvalid, *first_weight_,
           Format("the weights add up to $0, not 100", total.ToString()));
  }
}

void Checker::CheckNameLength(std::string_view name, std::size_t offset) {
  if (utf8::CountCodePoints(name) > static_cast<std::size_t>(limits::kMaxNameLength)) {
    Report(DiagnosticCode::kLimitExceeded, offset,
           Format("a name has at most $0 characters", limits::kMaxNameLength));
  }
}


}  // namespace check

std::optional<Framework::Contents> CheckFramework(std::string_view file_name, std::string_view text,
                                                  const std::vector<ast::TopStmt>& statements,
                                                  const Framework::Contents* parent,
                                                  std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> found;
  check::Checker checker(file_name, text, parent, found);
  std::optional<Framework::Contents> contents = checker.Run(statements);
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  return contents;
}

}  // namespace healthact::dsl

// healthact check, fmt and summary.
#include "commands.hpp"

#include <algorithm>
#include <iostream>
#include <string>

#include "healthact/lang/dsl.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "healthact/model/action_groups.hpp"

#include "cli.hpp"
#include "usage.hpp"
#include "healthact/core/messages.hpp"

namespace healthact::cli {

using ::healthact::messages::Format;
using ::healthact::messages::Tr;

// A framework, or an organisation when the file is NAME.org.ha.
int Check(const std::vector<std::string>& files) {
  int status = kExitOk;
  std::vector<std::pair<std::string, std::shared_ptr<const Framework>>> frameworks;
  std::vector<std::pair<std::string, std::shared_ptr<const Organisation>>> organisations;
  for (const std::string& file : files) {
    if (file.ends_with(".org.ha")) {
      absl::StatusOr<std::string> text = ReadFile(file);
      if (!text.ok()) {
        std::cerr << "healthact: " << text.status().message() << "\n";
        status = kExitInvalid;
        continue;
      }
      const ParsedOrganisation parsed = ParseOrganisation(*text, file);
      for (const Diagnostic& d : parsed.diagnostics) std::cerr << d.ToString() << "\n";
      if (!parsed.ok()) status = kExitInvalid;
      if (parsed.ok()) organisations.emplace_back(file, parsed.organisation);
    } else {
      const ParsedFramework parsed = Load(file);
      if (!parsed.ok()) status = kExitInvalid;
      if (parsed.ok()) frameworks.emplace_back(file, parsed.framework);
    }
  }
  // A framework checked with an organisation: each special action has a
  // working group, and each working group an action (warnings).
  for (const auto& [framework_file, framework] : frameworks) {
    for (const auto& [organisation_file, organisation] : organisations) {
      const ActionGroupMismatch mismatch = MatchActionsAndGroups(*framework, *organisation);
      for (const std::string& action : mismatch.actions_without_group) {
        std::cerr << Format("$0: warning: special action '$1' has no working group in $2", framework_file, action, organisation_file) << "\n";
      }
      for (const WorkingGroup& group : mismatch.groups_without_action) {
        std::cerr << Format("$0: warning: working group '$1' (led by $2) carries no special action of $3", organisation_file, group.action, group.lead_department, framework_file) << "\n";
      }
    }
  }
  return status;
}

// The file laid out as written: a county's framework stays a county's, and
// its comments stay (resolve prints the flattened whole).
int Format(const std::vector<std::string>& files) {
  if (files.size() != 1) {
    std::cerr << Tr("healthact fmt takes one file") << "\n";
    return kExitUsage;
  }
  // Checked first, 继承 included: fmt does not lay out a framework that
  // would not load.
  if (!Load(files.front()).ok()) return kExitInvalid;
  const absl::StatusOr<std::string> text = ReadFile(files.front());
  const absl::StatusOr<std::string> laid_out =
      text.ok() ? FormatFrameworkText(*text, files.front()) : text.status();
  if (!laid_out.ok()) {
    std::cerr << "healthact: " << laid_out.status().message() << "\n";
    return kExitInvalid;
  }
  std::cout << *laid_out;
  return kExitOk;
}

int Resolve(const std::vector<std::string>& files) {
  if (files.size() != 1) {
    std::cerr << UsageOf("resolve");
    return kExitUsage;
  }
  const ParsedFramework parsed = Load(files.front());
  if (!parsed.ok()) return kExitInvalid;
  std::cout << FormatFramework(*parsed.framework);
  return kExitOk;
}

void PrintSummary(const std::string& file, const Framework& framework) {
  std::cout << file << ": " << framework.name() << "\n";
  if (!framework.source().empty()) {
    std::cout << "  " << Tr("来源") << ": " << framework.source().document << " " << framework.source().locator
              << "\n";
  }
  std::map<std::string, int> by_basis;
  std::vector<std::string> basis_order;
  int qualitative = 0, with_parts = 0, with_baseline = 0, targets = 0;
  for (const Indicator& indicator : framework.indicators()) {
    if (by_basis[indicator.basis]++ == 0) basis_order.push_back(indicator.basis);
    qualitative += indicator.is_qualitative();
    with_parts += !indicator.parts.empty();
    with_baseline += indicator.baseline.has_value();
    targets += static_cast<int>(indicator.targets.size());
  }
  std::string years;
  for (int year : framework.TargetYears()) years += (years.empty() ? "" : " ") + std::to_string(year);
  std::cout << "  "
            << Format("$0 indicators ($1 qualitative, $2 with parts, $3 with a baseline), $4 targets for the years $5",
                      framework.indicators().size(), qualitative, with_parts, with_baseline, targets, years)
            << "\n";
  for (const std::string& basis : basis_order) {
    std::cout << "  " << Format("$0: $1 indicators", basis.empty() ? std::string(Tr("(no basis)")) : basis, by_basis[basis])
              << "\n";
  }
  for (const Indicator& indicator : framework.indicators()) {
    std::cout << "  " << indicator.number << " " << indicator.name;
    if (indicator.measure_unit) std::cout << " (" << MeasureUnitSymbol(*indicator.measure_unit) << ")";
    if (indicator.baseline) {
      std::cout << "  "
                << Format("基期$0: $1",
                          indicator.baseline->year ? std::to_string(*indicator.baseline->year)
                                                   : std::string(Tr("（年份未注明）")),
                          BaselineText(indicator.baseline->value));
    }
    for (const Target& target : indicator.targets) {
      std::cout << "  " << target.year << ": " << TargetText(target.form);
    }
    std::cout << "\n";
  }
}

int Summary(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const std::string& file : files) {
    const ParsedFramework parsed = Load(file);
    if (!parsed.ok()) {
      status = kExitInvalid;
      continue;
    }
    PrintSummary(file, *parsed.framework);
  }
  return status;
}

}  // namespace healthact::cli

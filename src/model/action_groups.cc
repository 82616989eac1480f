// Special actions against working groups (action_groups.hpp).
#include "healthact/model/action_groups.hpp"

#include <algorithm>
#include <set>

namespace healthact {

ActionGroupMismatch MatchActionsAndGroups(const Framework& framework, const Organisation& organisation) {
  ActionGroupMismatch mismatch;
  std::set<std::string> grouped, declared;
  for (const SpecialAction& action : framework.actions()) declared.insert(action.name);
  for (const Committee& committee : organisation.committees) {
    for (const WorkingGroup& group : committee.working_groups) {
      grouped.insert(group.action);
      if (!declared.count(group.action)) mismatch.groups_without_action.push_back(group);
    }
  }
  for (const SpecialAction& action : framework.actions()) {
    if (!grouped.count(action.name)) mismatch.actions_without_group.push_back(action.name);
  }
  return mismatch;
}

}  // namespace healthact

// Special actions against working groups: each action a framework declares
// is carried out by a working group of the organisation, and each working
// group carries an action the framework declares (both seeds: 各专项行动工作组
// 负责专项行动的具体实施和监测).  Where not, `healthact check` warns and the
// working groups' reports say so.
#ifndef HEALTHACT_ACTION_GROUPS_HPP_
#define HEALTHACT_ACTION_GROUPS_HPP_

#include <string>
#include <vector>

#include "healthact/model/framework.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact {

struct ActionGroupMismatch {
  std::vector<std::string> actions_without_group;  // in framework order
  std::vector<WorkingGroup> groups_without_action; // in organisation order
  bool empty() const { return actions_without_group.empty() && groups_without_action.empty(); }
};

ActionGroupMismatch MatchActionsAndGroups(const Framework& framework, const Organisation& organisation);

}  // namespace healthact

#endif  // HEALTHACT_ACTION_GROUPS_HPP_

// The keywords of the organisation language (Chinese, with ASCII aliases).
// Longer spellings come before the shorter ones they begin with.
#ifndef HEALTHACT_SRC_DSL_ORG_VOCABULARY_HPP_
#define HEALTHACT_SRC_DSL_ORG_VOCABULARY_HPP_

#include <array>
#include <optional>
#include <string_view>

#include "lang/vocabulary.hpp"

namespace healthact::dsl {

enum class OrgKeyword {
  kOrganisation, kSource, kJurisdiction, kPost, kTenure, kCommittee, kEstablished,
  kDirector, kDeputyDirector, kMember, kCouncillor, kSecretaryGeneral,
  kOfficeDirector, kOfficeMember, kOffice, kExpertsAppointedBy, kExpert, kSpecialActions,
  kWorkingGroup, kChange, kMeeting, kDecision, kTask, kSeatsByProcedure, kDuties,
};

using OrgKeywordSpelling = KeywordSpellingOf<OrgKeyword>;

inline constexpr std::array<OrgKeywordSpelling, 25> kOrgKeywords = {{
    {OrgKeyword::kOrganisation, "组织", "organisation"},
    {OrgKeyword::kSource, "来源", "source"},
    {OrgKeyword::kJurisdiction, "辖区", "jurisdiction"},
    {OrgKeyword::kPost, "职务", "post"},
    {OrgKeyword::kTenure, "任职", "tenure"},
    {OrgKeyword::kCommittee, "委员会", "committee"},
    {OrgKeyword::kEstablished, "成立", "established"},
    {OrgKeyword::kDirector, "主任", "director"},
    {OrgKeyword::kDeputyDirector, "副主任", "deputy_director"},
    {OrgKeyword::kMember, "成员", "member"},
    {OrgKeyword::kCouncillor, "委员", "councillor"},
    {OrgKeyword::kSecretaryGeneral, "秘书长", "secretary_general"},
    {OrgKeyword::kOfficeDirector, "办公室主任", "office_director"},
    {OrgKeyword::kOfficeMember, "办公室成员", "office_member"},
    {OrgKeyword::kOffice, "办公室", "office"},
    {OrgKeyword::kExpertsAppointedBy, "专家聘请", "experts_appointed_by"},
    {OrgKeyword::kExpert, "专家", "expert"},
    {OrgKeyword::kSpecialActions, "专项行动", "special_actions"},
    {OrgKeyword::kWorkingGroup, "工作组", "working_group"},
    {OrgKeyword::kChange, "变更", "change"},
    {OrgKeyword::kMeeting, "会议", "meeting"},
    {OrgKeyword::kDecision, "决定", "decision"},
    {OrgKeyword::kTask, "任务", "task"},
    {OrgKeyword::kSeatsByProcedure, "待定席位", "seats_by_procedure"},
    {OrgKeyword::kDuties, "职责", "duties"},
}};

inline std::optional<OrgKeyword> LookupOrgKeyword(std::string_view text) {
  for (const OrgKeywordSpelling& spelling : kOrgKeywords) {
    if (spelling.chinese == text || spelling.ascii == text) return spelling.keyword;
  }
  return std::nullopt;
}

}  // namespace healthact::dsl

#endif  // HEALTHACT_SRC_DSL_ORG_VOCABULARY_HPP_

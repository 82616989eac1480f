#include "healthact/model/organisation.hpp"
#include "healthact/core/language.hpp"

#include <gtest/gtest.h>

namespace healthact {
namespace {

Date D(const char* text) {
  const std::optional<Date> date = Date::Parse(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value_or(Date{});
}

// A small committee in the shape of the Zhangye one (附件3): posts hold the
// seats; 魏士博 is 副主任, 秘书长 and, as 市卫生健康委主任, the office's director.
Organisation Zhangye() {
  Organisation org;
  org.posts = {{"市政府副市长", "市政府"},
               {"市政府办副主任", "市政府办"},
               {"市卫生健康委主任", "市卫生健康委"},
               {"市教育局局长", "市教育局"},
               {"市教育局副局长", "市教育局"},
               {"市卫生健康委副主任", "市卫生健康委"},
               {"市体育局副局长", "市体育局"}};
  org.tenures = {{"马斌", "市政府副市长", D("2020-01-01"), std::nullopt},
                 {"张晓龙", "市政府办副主任", D("2020-01-01"), std::nullopt},
                 {"魏士博", "市卫生健康委主任", D("2020-01-01"), D("2021-03-01")},
                 {"李明", "市卫生健康委主任", D("2021-03-01"), std::nullopt},
                 {"殷大斌", "市教育局局长", D("2020-01-01"), std::nullopt},
                 {"张有朝", "市教育局副局长", D("2020-01-01"), std::nullopt},
                 {"宋生礼", "市卫生健康委副主任", D("2020-01-01"), std::nullopt},
                 {"石建军", "市体育局副局长", D("2020-01-01"), std::nullopt}};
  Committee c;
  c.name = "健康张掖行动推进委员会";
  c.jurisdiction = "张掖市";
  c.established = D("2020-03-01");
  c.seats = {{CommitteeRole::kDirector, "市政府副市长", false},
             {CommitteeRole::kDeputyDirector, "市政府办副主任", false},
             {CommitteeRole::kDeputyDirector, "市卫生健康委主任", false},
             {CommitteeRole::kDeputyDirector, "市教育局局长", false},
             {CommitteeRole::kMember, "市教育局副局长", false},
             {CommitteeRole::kMember, "市卫生健康委副主任", false},
             {CommitteeRole::kSecretaryGeneral, "市政府办副主任", true},
             {CommitteeRole::kSecretaryGeneral, "市卫生健康委主任", false}};
  c.office_department = "市卫生健康委";
  c.office_director_post = "市卫生健康委主任";
  c.experts_appointed_by = c.name;
  c.experts = {{"王教授", "慢性病防治"}};
  c.working_groups = {{"健康知识普及行动", "市卫生健康委"}, {"全民健身行动", "市体育局"}};
  c.meetings = {{MeetingKind::kPlenary,
                 D("2020-04-10"),
                 {"审议年度工作要点"},
                 {{"制定监测评估办法", "市卫生健康委", D("2020-06-30"), D("2020-06-20")},
                  {"开展中小学健康促进", "市教育局", D("2020-09-30"), std::nullopt}}}};
  org.committees.push_back(c);
  return org;
}

std::optional<std::string> PersonIn(const std::vector<RosterEntry>& roster, CommitteeRole role,
                                    const std::string& post) {
  for (const RosterEntry& entry : roster) {
    if (entry.role == role && entry.post == post) return entry.person;
  }
  return std::nullopt;
}

TEST(Date, ParsesAndValidates) {
  EXPECT_EQ(D("2020-03-15").ToString(), "2020-03-15");
  EXPECT_EQ(Date::Parse("２０２０－０３－１５"), D("2020-03-15"));
  EXPECT_FALSE(Date::Parse("2021-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2020-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2020-13-01").has_value());
  EXPECT_FALSE(Date::Parse("2020/03/15").has_value());
  EXPECT_LT(D("2020-03-15"), D("2020-04-01"));
}

TEST(Organisation, RosterFollowsThePostHistoryWithNoNewDocument) {
  Organisation org = Zhangye();
  const Committee& c = *org.FindCommittee("张掖市");
  const auto before = org.RosterOn(c, D("2021-02-28"));
  const auto after = org.RosterOn(c, D("2021-03-01"));
  EXPECT_EQ(before.size(), 8u);
  EXPECT_EQ(PersonIn(before, CommitteeRole::kDirector, "市政府副市长"), "马斌");
  EXPECT_EQ(PersonIn(before, CommitteeRole::kDeputyDirector, "市卫生健康委主任"), "魏士博");
  EXPECT_EQ(PersonIn(before, CommitteeRole::kSecretaryGeneral, "市卫生健康委主任"), "魏士博");
  // 魏士博 left the post on 2021-03-01: his successor holds both seats.
  EXPECT_EQ(PersonIn(after, CommitteeRole::kDeputyDirector, "市卫生健康委主任"), "李明");
  EXPECT_EQ(PersonIn(after, CommitteeRole::kSecretaryGeneral, "市卫生健康委主任"), "李明");
  EXPECT_TRUE(c.history.empty());  // no change was recorded for it
  EXPECT_EQ(org.HolderOn(c.office_director_post, D("2020-05-01")), "魏士博");
  EXPECT_TRUE(org.RosterOn(c, D("2020-01-01")).empty());  // before it was established
}

TEST(Organisation, ChangesNeedTheOfficeAndTheDirector) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  Organisation org = Zhangye();
  SeatChange add{SeatChange::Kind::kAdd, D("2021-05-01"),
                 {CommitteeRole::kMember, "市体育局副局长", false}, "市教育局", "市政府副市长", ""};
  absl::Status status = org.ProposeChange("张掖市", add);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("proposed by the committee's office"), std::string::npos);

  add.proposed_by = "市卫生健康委";
  add.approved_by = "市政府办副主任";  // a deputy cannot approve
  status = org.ProposeChange("张掖市", add);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("approved by the committee's director (市政府副市长，马斌)"),
            std::string::npos);
  EXPECT_TRUE(org.FindCommittee("张掖市")->history.empty());

  add.approved_by = "马斌";  // the director, by name or by post
  ASSERT_TRUE(org.ProposeChange("张掖市", add).ok());
  EXPECT_EQ(org.ProposeChange("张掖市", add).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(org.FindCommittee("张掖市")->history.size(), 1u);
}

TEST(Organisation, PastRostersAreRebuiltFromTheHistory) {
  Organisation org = Zhangye();
  ASSERT_TRUE(org.ProposeChange("张掖市", {SeatChange::Kind::kAdd, D("2021-05-01"),
                                           {CommitteeRole::kMember, "市体育局副局长", false},
                                           "市卫生健康委", "市政府副市长", "张健推委〔2021〕1号"})
                  .ok());
  ASSERT_TRUE(org.ProposeChange("张掖市", {SeatChange::Kind::kRemove, D("2021-09-01"),
                                           {CommitteeRole::kMember, "市教育局副局长", false},
                                           "市卫生健康委", "市政府副市长", ""})
                  .ok());
  // Out of date order: rejected, the history stays append-only in order.
  EXPECT_EQ(org.ProposeChange("张掖市", {SeatChange::Kind::kRemove, D("2021-06-01"),
                                         {CommitteeRole::kMember, "市卫生健康委副主任", false},
                                         "市卫生健康委", "市政府副市长", ""})
                .code(),
            absl::StatusCode::kFailedPrecondition);
  const Committee& c = *org.FindCommittee("张掖市");
  EXPECT_EQ(org.RosterOn(c, D("2021-04-30")).size(), 8u);
  const auto june = org.RosterOn(c, D("2021-06-01"));
  EXPECT_EQ(june.size(), 9u);
  EXPECT_EQ(PersonIn(june, CommitteeRole::kMember, "市体育局副局长"), "石建军");
  const auto october = org.RosterOn(c, D("2021-10-01"));
  EXPECT_EQ(october.size(), 8u);
  EXPECT_FALSE(PersonIn(october, CommitteeRole::kMember, "市教育局副局长").has_value());
}

TEST(Organisation, ResponsibilitiesAndOverdueTasks) {
  Organisation org = Zhangye();
  const Committee& c = *org.FindCommittee("张掖市");
  const auto health = org.ResponsibilitiesOf(c, "市卫生健康委", D("2020-10-01"));
  EXPECT_TRUE(health.seats_office);
  EXPECT_EQ(health.groups_led, std::vector<std::string>{"健康知识普及行动"});
  EXPECT_EQ(health.seats.size(), 3u);  // 副主任, 成员, 秘书长
  EXPECT_TRUE(health.open_tasks.empty());  // its task was done on 2020-06-20
  const auto education = org.ResponsibilitiesOf(c, "市教育局", D("2020-10-01"));
  ASSERT_EQ(education.open_tasks.size(), 1u);
  const auto overdue = org.OverdueTasks(c, D("2020-10-01"));
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].second->owner, "市教育局");
  EXPECT_EQ(overdue[0].first->kind, MeetingKind::kPlenary);
  EXPECT_TRUE(org.OverdueTasks(c, D("2020-09-30")).empty());  // due that day: not yet overdue
}

TEST(Organisation, EachStructuralCheckFires) {
  EXPECT_TRUE(Zhangye().Check(D("2020-06-01")).empty());
  const auto has = [](const std::vector<OrganisationFinding>& findings, const std::string& part) {
    for (const OrganisationFinding& f : findings) {
      if (f.message.find(part) != std::string::npos) return true;
    }
    return false;
  };
  Organisation org = Zhangye();
  Committee& c = org.committees[0];
  c.working_groups.push_back({"控烟行动", ""});
  c.office_department.clear();
  c.announced_working_groups = 19;
  c.seats.push_back({CommitteeRole::kMember, "市政府副市长", false});  // the director's post again
  org.posts.push_back({"市政协副主席", ""});
  c.seats.push_back({CommitteeRole::kMember, "市政协副主席", false});
  org.jurisdictions = {"甘州区"};
  const auto findings = org.Check(D("2020-06-01"));
  EXPECT_TRUE(has(findings, "working group '控烟行动' has no lead department"));
  EXPECT_TRUE(has(findings, "the office has no seat"));
  EXPECT_TRUE(has(findings, "19 special actions are announced but 3 working groups are defined"));
  EXPECT_TRUE(has(findings, "the post '市政协副主席' has no department"));
  EXPECT_TRUE(has(findings, "甘州区 has no committee of its own"));
  EXPECT_TRUE(has(findings, "马斌 is both a leader of the committee and one of its 成员"));
  // A seat whose post nobody holds that day.
  org.posts.push_back({"市科技局副局长", "市科技局"});
  c.seats.push_back({CommitteeRole::kMember, "市科技局副局长", false});
  EXPECT_TRUE(has(org.Check(D("2020-06-01")),
                  "市科技局 has no member on 2020-06-01: nobody holds 市科技局副局长"));
}

}  // namespace
}  // namespace healthact

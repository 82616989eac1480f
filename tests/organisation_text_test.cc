// The organisation examples against the seed text (附件3 of the Zhangye plan,
// 附件1 of the Liuzhou method), and the documents' rules through the text
// format.
#include <set>

#include "healthact/lang/organisation_text.hpp"
#include "healthact/core/language.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

using ::healthact::testing::ExamplePath;
using ::healthact::testing::ReadTextFile;

Date D(const char* text) { return *Date::Parse(text); }

std::string Messages(const ParsedOrganisation& parsed) {
  std::string out;
  for (const Diagnostic& d : parsed.diagnostics) out += d.ToString() + "\n";
  return out;
}

int Count(const std::vector<RosterEntry>& roster, CommitteeRole role) {
  int n = 0;
  for (const RosterEntry& entry : roster) n += entry.role == role;
  return n;
}

// 办公室会议 begins with the keyword 办公室 but is one word: a Chinese keyword
// must not be read out of the start of a longer word.
TEST(OrganisationExamples, ZhangyeMeetingsOfEveryKindAreRead) {
  ParsedOrganisation parsed = ParseOrganisation(ReadTextFile(ExamplePath("zhangye.org.ha")), "z");
  ASSERT_TRUE(parsed.ok()) << Messages(parsed);
  const Committee& c = *parsed.organisation->FindCommittee("张掖市");
  ASSERT_EQ(c.meetings.size(), 2u);
  EXPECT_EQ(c.meetings[1].kind, MeetingKind::kOfficeMeeting);
  EXPECT_EQ(c.meetings[1].date, D("2022-07-10"));
  ASSERT_EQ(c.meetings[0].tasks.size(), 2u);
  EXPECT_EQ(c.meetings[0].tasks[1].owner, "市教育局");
  EXPECT_FALSE(c.meetings[0].tasks[1].done.has_value());
}

TEST(OrganisationExamples, ZhangyeCommitteeAsInAttachment3) {
  ParsedOrganisation parsed = ParseOrganisation(ReadTextFile(ExamplePath("zhangye.org.ha")), "z");
  ASSERT_TRUE(parsed.ok()) << Messages(parsed);
  // The one warning the issue asks for: 19 special actions announced, 15 defined.
  ASSERT_EQ(parsed.diagnostics.size(), 1u) << Messages(parsed);
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kOrganisationStructure);
  EXPECT_NE(parsed.diagnostics[0].message.find("19 special actions are announced but 15"),
            std::string::npos);

  const Organisation& org = *parsed.organisation;
  const Committee& c = *org.FindCommittee("张掖市");
  const auto roster = org.RosterOn(c, D("2021-01-01"));
  // Counted in the seed: 主任 1, 副主任 4, 成员 30, 秘书长 2.
  EXPECT_EQ(Count(roster, CommitteeRole::kDirector), 1);
  EXPECT_EQ(Count(roster, CommitteeRole::kDeputyDirector), 4);
  EXPECT_EQ(Count(roster, CommitteeRole::kMember), 30);
  EXPECT_EQ(Count(roster, CommitteeRole::kSecretaryGeneral), 2);
  std::set<std::string> people;
  for (const RosterEntry& entry : roster) people.insert(entry.person.value_or(""));
  EXPECT_EQ(people.size(), 35u);  // 张晓龙 and 魏士博 are also 秘书长
  // Spot checks by name.
  const auto person = [&](CommitteeRole role, const std::string& post) {
    for (const RosterEntry& entry : roster) {
      if (entry.role == role && entry.post == post) return entry.person.value_or("");
    }
    return std::string();
  };
  EXPECT_EQ(person(CommitteeRole::kDirector, "市政府副市长"), "马斌");
  EXPECT_EQ(person(CommitteeRole::kDeputyDirector, "市卫生健康委主任"), "魏士博");
  EXPECT_EQ(person(CommitteeRole::kSecretaryGeneral, "市卫生健康委主任"), "魏士博");
  EXPECT_EQ(org.HolderOn(c.office_director_post, D("2021-01-01")), "魏士博");
  EXPECT_EQ(c.office_department, "市卫生健康委");
  EXPECT_EQ(person(CommitteeRole::kMember, "张掖日报社副社长、副总编辑"), "刘泽");
  EXPECT_EQ(person(CommitteeRole::kMember, "市烟草专卖局副局长"), "贾贵昌");
  // 张晓龙 is 秘书长 concurrently (兼).
  for (const RosterEntry& entry : roster) {
    if (entry.role == CommitteeRole::kSecretaryGeneral && entry.post == "市政府办副主任") {
      EXPECT_TRUE(entry.concurrent);
    }
  }
  EXPECT_EQ(org.Approver(c, D("2021-01-01")).second, "马斌");
  EXPECT_EQ(c.working_groups.size(), 15u);
}

TEST(OrganisationExamples, LiuzhouCommitteeByPostsWithOneMemberPerDepartment) {
  ParsedOrganisation parsed = ParseOrganisation(ReadTextFile(ExamplePath("liuzhou.org.ha")), "l");
  ASSERT_TRUE(parsed.ok()) << Messages(parsed);
  EXPECT_TRUE(parsed.diagnostics.empty()) << Messages(parsed);
  const Organisation& org = *parsed.organisation;
  const Committee& c = *org.FindCommittee("柳州市");
  const auto roster = org.RosterOn(c, D("2021-01-01"));
  EXPECT_EQ(Count(roster, CommitteeRole::kDirector), 1);
  EXPECT_EQ(Count(roster, CommitteeRole::kDeputyDirector), 4);
  EXPECT_EQ(Count(roster, CommitteeRole::kSecretaryGeneral), 1);
  // 委员: one 分管领导 for each of the 29 departments and units the seed lists.
  const std::set<std::string> listed = {
      "市委宣传部", "市卫生健康委", "市教育局", "市体育局", "市发改委", "市科技局",
      "市工业和信息化局", "市公安局", "市民政局", "市财政局", "市人力资源社会保障局",
      "市自然资源和规划局", "市生态环境局", "市住房城乡建设局", "市交通运输局", "市委农办",
      "市文化广电旅游局", "市市场监管局", "市扶贫办", "市医保局", "市中医药局", "市烟草局",
      "市总工会", "团市委", "市妇联", "市科协", "市残联", "柳州机场", "柳州火车站"};
  ASSERT_EQ(listed.size(), 29u);
  std::multiset<std::string> member_departments;
  for (const RosterEntry& entry : roster) {
    if (entry.role == CommitteeRole::kMember) member_departments.insert(entry.department);
    EXPECT_FALSE(entry.person.has_value());  // defined by post: no names in the seed
  }
  EXPECT_EQ(member_departments.size(), 29u);
  EXPECT_EQ(std::set<std::string>(member_departments.begin(), member_departments.end()), listed);
  // The secretary-general is the deputy secretary-general, concurrently.
  for (const RosterEntry& entry : roster) {
    if (entry.role == CommitteeRole::kSecretaryGeneral) {
      EXPECT_EQ(entry.post, "市政府分管卫生健康工作的副秘书长");
      EXPECT_TRUE(entry.concurrent);
    }
  }
  EXPECT_EQ(org.Approver(c, D("2021-01-01")).first, "市政府分管卫生健康工作的副市长");
}

constexpr const char* kTown = R"(组织 "示例"
职务 "副县长" 部门 县政府
职务 "县卫健局局长" 部门 县卫健局
职务 "县教育局副局长" 部门 县教育局
任职 赵一 "副县长" 自 2020-01-01
任职 钱二 "县卫健局局长" 自 2020-01-01 至 2021-07-01
任职 孙三 "县卫健局局长" 自 2021-07-01
任职 李四 "县教育局副局长" 自 2020-01-01
委员会 "县推进委员会" {
  辖区 甲县
  成立 2020-01-01
  主任 "副县长"
  副主任 "县卫健局局长"
  办公室 县卫健局
  办公室主任 "县卫健局局长"
  变更 2021-03-01 增加 "成员" "县教育局副局长" 提出 县卫健局 批准 "副县长" 文件 "县推委〔2021〕1号"
  会议 全体会议 2021-01-15 {
    决定 "通过年度工作要点"
    任务 "制定考核细则" 负责 县卫健局 期限 2021-03-31
    任务 "开展健康学校创建" 负责 县教育局 期限 2021-06-30 完成 2021-06-01
  }
}
)";

TEST(OrganisationText, SuccessionChangesAndTasksThroughTheText) {
  ParsedOrganisation parsed = ParseOrganisation(kTown, "town.org.ha");
  ASSERT_TRUE(parsed.ok()) << Messages(parsed);
  const Organisation& org = *parsed.organisation;
  const Committee& c = *org.FindCommittee("甲县");
  // The deputy director's seat passes from 钱二 to 孙三 with the post.
  const auto seat_holder = [&](const char* date, CommitteeRole role) {
    for (const RosterEntry& e : org.RosterOn(c, D(date))) {
      if (e.role == role) return e.person.value_or("");
    }
    return std::string();
  };
  EXPECT_EQ(seat_holder("2021-06-30", CommitteeRole::kDeputyDirector), "钱二");
  EXPECT_EQ(seat_holder("2021-07-01", CommitteeRole::kDeputyDirector), "孙三");
  // The approved change: 李四's post joins on 2021-03-01, not before.
  EXPECT_EQ(seat_holder("2021-02-28", CommitteeRole::kMember), "");
  EXPECT_EQ(seat_holder("2021-03-01", CommitteeRole::kMember), "李四");
  ASSERT_EQ(c.history.size(), 1u);
  EXPECT_EQ(c.history[0].document, "县推委〔2021〕1号");
  // Tasks: the first is overdue after its due date; the second was done.
  const auto overdue = org.OverdueTasks(c, D("2021-04-01"));
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].second->owner, "县卫健局");
  EXPECT_EQ(org.ResponsibilitiesOf(c, "县卫健局", D("2021-04-01")).open_tasks.size(), 1u);
}

TEST(OrganisationText, AChangeNotProposedByTheOfficeIsRejected) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  std::string text = kTown;
  const std::string proposed = "提出 县卫健局";
  text.replace(text.find(proposed), proposed.size(), "提出 县教育局");
  ParsedOrganisation parsed = ParseOrganisation(text, "town.org.ha");
  EXPECT_FALSE(parsed.ok());
  ASSERT_FALSE(parsed.diagnostics.empty());
  EXPECT_EQ(parsed.diagnostics[0].code, DiagnosticCode::kChangeRejected);
  EXPECT_EQ(parsed.diagnostics[0].line, 16);
  EXPECT_NE(parsed.diagnostics[0].message.find("proposed by the committee's office"),
            std::string::npos);
}

}  // namespace
}  // namespace healthact

namespace healthact {
namespace {

// The seeds' "若干名（具体人员由推进委员会按程序确定）" seats and the duties they
// state, read from both example organisations.
TEST(OrganisationExamples, SeatsByProcedureAndDutiesAreRead) {
  for (const char* file : {"zhangye.org.ha", "liuzhou.org.ha"}) {
    ParsedOrganisation parsed = ParseOrganisation(ReadTextFile(ExamplePath(file)), file);
    ASSERT_TRUE(parsed.ok()) << file;
    const Committee& committee = parsed.organisation->committees.front();
    ASSERT_EQ(committee.seats_by_procedure.size(), 1u) << file;
    const SeatsByProcedure& seats = committee.seats_by_procedure.front();
    EXPECT_NE(seats.kind.find("人大代表"), std::string::npos);
    EXPECT_FALSE(seats.number.has_value());  // 若干
    EXPECT_EQ(seats.decided_by, "推进委员会按程序确定");
    ASSERT_EQ(committee.duties.size(), 1u);
    EXPECT_EQ(committee.duties.front().department, "市卫生健康委");
  }
  const std::string text =
      "组织 \"t\"\n职务 \"主任职务\" 部门 甲部门\n辖区 甲市 市\n委员会 \"会\" {\n  辖区 甲市\n"
      "  成立 2020-01-01\n  主任 \"主任职务\"\n  办公室 甲部门\n"
      "  待定席位 \"专家代表\" 名额 3 确定 \"会\"\n  职责 甲部门 \"负责本部门的监测评估\"\n"
      "  职责 乙部门 \"x\"\n}\n";
  ParsedOrganisation parsed = ParseOrganisation(text, "t.org.ha");
  // 乙部门 holds no post: its duty is refused, at its place.
  ASSERT_FALSE(parsed.ok());
  bool refused = false;
  for (const Diagnostic& d : parsed.diagnostics) refused |= d.line == 11 && d.severity == Severity::kError;
  EXPECT_TRUE(refused);
  parsed = ParseOrganisation(text.substr(0, text.find("  职责 乙部门")) + "}\n", "t.org.ha");
  ASSERT_TRUE(parsed.ok());
  const Committee& committee = parsed.organisation->committees.front();
  EXPECT_EQ(committee.seats_by_procedure.front().number, std::optional<int>(3));
  EXPECT_EQ(committee.duties.front().text, "负责本部门的监测评估");
}

}  // namespace
}  // namespace healthact

// The assessment round's rules, replayed over the Zhangye organisation: the
// office (市卫生健康委; its director 魏士博, its deputy 宋生礼) opens the round,
// accepts and returns submissions and circulates the result; the committee's
// director (市政府副市长, 马斌) approves.
#include <filesystem>

#include "healthact/lang/organisation_text.hpp"
#include "healthact/core/language.hpp"
#include "healthact/round/round.hpp"
#include "test_support.hpp"

namespace healthact {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kCounties = {"甘州区", "肃南裕固族自治县", "民乐县", "临泽县",
                                            "高台县", "山丹县"};

std::shared_ptr<const Organisation> Zhangye() {
  const fs::path file = fs::path(HEALTHACT_SOURCE_DIR) / "examples" / "zhangye.org.ha";
  ParsedOrganisation parsed =
      ParseOrganisation(::healthact::testing::ReadTextFile(file.string()), "zhangye.org.ha");
  EXPECT_TRUE(parsed.ok());
  return parsed.organisation;
}

Instant At(const char* text) { return *Instant::Parse(text); }

RoundEvent Opened() {
  RoundDefinition definition;
  definition.framework = "健康张掖行动考核指标框架";
  definition.framework_sha256 = "0";
  definition.year = 2022;
  definition.units = kCounties;
  definition.committee = "张掖市";
  definition.deadline = At("2023-01-15T18:00:00");
  return RoundEvent{At("2023-01-02T09:00:00"), RoundOpened{definition, "魏士博"}};
}

RoundEvent Submitted(const std::string& unit, const char* at, const std::string& figures = "x") {
  return RoundEvent{At(at), SubmissionOf(unit, "统计员", "县卫生健康局", figures)};
}

TEST(Instant, ParsesAndPrints) {
  EXPECT_EQ(At("2023-01-05T09:30:07").ToString(), "2023-01-05T09:30:07");
  EXPECT_EQ(At("2023-01-05").ToString(), "2023-01-05T00:00:00");
  EXPECT_FALSE(Instant::Parse("2023-01-05T24:00:00"));
  EXPECT_FALSE(Instant::Parse("2023-01-05 09:30"));
  EXPECT_FALSE(Instant::Parse("2023-01-05T09:30:00Zjunk"));
  EXPECT_LT(At("2023-01-05T09:30:00"), At("2023-01-05T09:30:01"));
}

TEST(Round, AWholeRoundForTheSixCounties) {
  absl::StatusOr<Round> round = Round::Replay({Opened()}, Zhangye());
  ASSERT_TRUE(round.ok()) << round.status();
  // Six submissions; 高台县 after the deadline.
  for (const std::string& county : kCounties) {
    if (county == "高台县") continue;
    ASSERT_TRUE(round->Append(Submitted(county, "2023-01-10T10:00:00", county + " v1")).ok()) << county;
  }
  EXPECT_EQ(round->StatusAt().missing, (std::vector<std::string>{"高台县"}));
  ASSERT_TRUE(round->Append(Submitted("高台县", "2023-01-16T10:00:00", "高台县 v1")).ok());
  RoundStatus status = round->StatusAt();
  EXPECT_TRUE(status.missing.empty());
  EXPECT_EQ(status.late, (std::vector<std::string>{"高台县"}));
  // The office's deputy returns 山丹县's for correction, with the reason.
  ASSERT_TRUE(round->Append({At("2023-01-17T09:00:00"),
                             SubmissionReturned{"山丹县", 1, "宋生礼", "指标23 数值有误"}})
                  .ok());
  EXPECT_EQ(round->StatusAt().returned, (std::vector<std::string>{"山丹县"}));
  // The return needs a reason; only the latest revision is judged.
  EXPECT_EQ(round->Check({At("2023-01-17T09:00:00"), SubmissionReturned{"甘州区", 1, "宋生礼", ""}}).code(),
            absl::StatusCode::kInvalidArgument);
  // A county clerk may not accept.
  EXPECT_EQ(round->Check({At("2023-01-17T09:00:00"), SubmissionAccepted{"甘州区", 1, "殷大斌"}}).code(),
            absl::StatusCode::kPermissionDenied);
  // The resubmission is a second revision; the first is kept.
  ASSERT_TRUE(round->Append(Submitted("山丹县", "2023-01-18T09:00:00", "山丹县 v2")).ok());
  EXPECT_EQ(round->Submission("山丹县", 1)->figures, "山丹县 v1");
  EXPECT_EQ(round->Submission("山丹县", 2)->figures, "山丹县 v2");
  EXPECT_EQ(round->Check({At("2023-01-18T10:00:00"), SubmissionAccepted{"山丹县", 1, "魏士博"}}).code(),
            absl::StatusCode::kFailedPrecondition);
  // Approval before everything is accepted is refused, naming who is not.
  const absl::Status early = round->Check({At("2023-01-18T10:00:00"), RoundApproved{"马斌"}});
  EXPECT_EQ(early.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(early.message().find("甘州区"), std::string::npos);
  for (const std::string& county : kCounties) {
    const int revision = county == "山丹县" ? 2 : 1;
    ASSERT_TRUE(round->Append({At("2023-01-19T09:00:00"), SubmissionAccepted{county, revision, "魏士博"}}).ok())
        << county;
  }
  EXPECT_EQ(round->AcceptedFigures().at("山丹县")->figures, "山丹县 v2");
  // The office's director may not approve; the committee's director may, by
  // name or by post.
  const absl::Status refused = round->Check({At("2023-01-20T09:00:00"), RoundApproved{"魏士博"}});
  EXPECT_EQ(refused.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(refused.message().find("市政府副市长（马斌）"), std::string::npos);
  EXPECT_TRUE(round->Check({At("2023-01-20T09:00:00"), RoundApproved{"市政府副市长"}}).ok());
  ASSERT_TRUE(round->Append({At("2023-01-20T09:00:00"), RoundApproved{"马斌"}}).ok());
  // Locked: no submission after approval.
  const absl::Status locked = round->Check(Submitted("甘州区", "2023-01-21T09:00:00"));
  EXPECT_EQ(locked.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(locked.message().find("已审定"), std::string::npos);
  // Publication is the office's, after approval.
  EXPECT_EQ(round->Check({At("2023-01-21T09:00:00"), RoundPublished{"马斌"}}).code(),
            absl::StatusCode::kPermissionDenied);
  ASSERT_TRUE(round->Append({At("2023-01-21T09:00:00"), RoundPublished{"魏士博"}}).ok());
  EXPECT_EQ(round->StatusAt().state, RoundState::kPublished);
  EXPECT_EQ(round->Check(Submitted("甘州区", "2023-01-22T09:00:00")).code(),
            absl::StatusCode::kFailedPrecondition);
  // Events keep time order.
  EXPECT_EQ(round->Check(Submitted("甘州区", "2023-01-01T09:00:00")).code(),
            absl::StatusCode::kInvalidArgument);

  // The history rebuilds any past state: before the approval, 山丹县 was
  // returned on the 17th and resubmitted on the 18th.
  EXPECT_EQ(round->StatusAt(At("2023-01-17T12:00:00")).returned, (std::vector<std::string>{"山丹县"}));
  EXPECT_EQ(round->StatusAt(At("2023-01-19T23:59:59")).state, RoundState::kCollecting);
  EXPECT_EQ(round->StatusAt(At("2023-01-20T09:00:00")).state, RoundState::kApproved);
  EXPECT_EQ(round->StatusAt(At("2023-01-20T09:00:00")).approved_by, "马斌");

  // Replaying the whole history (1 opening, 7 submissions, 1 return, 6
  // acceptances, the approval, the publication: 17 events) gives the same
  // round; a history the rules did not allow does not replay, and says which
  // event broke them (the 18th).
  absl::StatusOr<Round> again = Round::Replay(round->history(), Zhangye());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->StatusAt().state, RoundState::kPublished);
  std::vector<RoundEvent> forged = round->history();
  forged.push_back(Submitted("甘州区", "2023-01-22T09:00:00"));
  const absl::StatusOr<Round> refused_replay = Round::Replay(forged, Zhangye());
  EXPECT_FALSE(refused_replay.ok());
  EXPECT_NE(refused_replay.status().message().find("第 18 项（提交，2023-01-22T09:00:00）："), std::string::npos)
      << refused_replay.status();
  {
    ScopedLanguage english(Language::kEnglish);
    const absl::StatusOr<Round> in_english = Round::Replay(forged, Zhangye());
    EXPECT_NE(in_english.status().message().find("event 18 (submitted, 2023-01-22T09:00:00): "), std::string::npos)
        << in_english.status();
  }

  // A correction reopens the round, by the director with a reason; the
  // earlier approval stays in the history.
  EXPECT_EQ(round->Check({At("2023-02-01T09:00:00"), RoundReopened{"马斌", ""}}).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(round->Append({At("2023-02-01T09:00:00"), RoundReopened{"马斌", "甘州区 指标9 更正"}}).ok());
  EXPECT_EQ(round->StatusAt().state, RoundState::kCollecting);
  EXPECT_TRUE(round->Append(Submitted("甘州区", "2023-02-02T09:00:00", "甘州区 v2")).ok());
  EXPECT_EQ(round->StatusAt(At("2023-01-25T00:00:00")).state, RoundState::kPublished);
}

TEST(Round, RefusesWhatIsNotARound) {
  EXPECT_FALSE(Round::Replay({}, Zhangye()).ok());
  EXPECT_FALSE(Round::Replay({Submitted("甘州区", "2023-01-10T10:00:00")}, Zhangye()).ok());
  // Only the office opens a round.
  RoundEvent opened = Opened();
  std::get<RoundOpened>(opened.body).by = "殷大斌";
  EXPECT_EQ(Round::Replay({opened}, Zhangye()).status().code(), absl::StatusCode::kPermissionDenied);
  // A unit's name across lines would come back from the store as two units.
  RoundEvent split = Opened();
  std::get<RoundOpened>(split.body).definition.units.push_back("甘州\n区");
  EXPECT_EQ(Round::Replay({split}, Zhangye()).status().code(), absl::StatusCode::kInvalidArgument);
  // A unit outside the round; figures that do not match their hash.
  absl::StatusOr<Round> round = Round::Replay({Opened()}, Zhangye());
  ASSERT_TRUE(round.ok());
  EXPECT_EQ(round->Check(Submitted("柳州市", "2023-01-10T10:00:00")).code(),
            absl::StatusCode::kInvalidArgument);
  RoundEvent tampered = Submitted("甘州区", "2023-01-10T10:00:00", "a");
  std::get<FiguresSubmitted>(tampered.body).figures = "b";
  EXPECT_EQ(round->Check(tampered).code(), absl::StatusCode::kDataLoss);
}

// An opened round whose six counties' figures are accepted, approved by 马斌 on the 20th.
Round Approved() {
  absl::StatusOr<Round> round = Round::Replay({Opened()}, Zhangye());
  EXPECT_TRUE(round.ok());
  for (const std::string& county : kCounties) {
    EXPECT_TRUE(round->Append(Submitted(county, "2023-01-10T10:00:00", county)).ok());
  }
  for (const std::string& county : kCounties) {
    EXPECT_TRUE(round->Append({At("2023-01-11T10:00:00"), SubmissionAccepted{county, 1, "魏士博"}}).ok());
  }
  EXPECT_TRUE(round->Append({At("2023-01-20T09:00:00"), RoundApproved{"马斌"}}).ok());
  return *std::move(round);
}

TEST(Round, TheOverallReportIsFormedAgreedReportedUpCirculatedAndPublished) {
  // Before approval there is no result to report on.
  absl::StatusOr<Round> collecting = Round::Replay({Opened()}, Zhangye());
  ASSERT_TRUE(collecting.ok());
  EXPECT_EQ(collecting->Check({At("2023-01-12T09:00:00"), ReportStepOf(ReportAction::kForm, "魏士博", "报告")}).code(),
            absl::StatusCode::kFailedPrecondition);

  Round round = Approved();
  // The office forms it, twice (a revised draft); the later draft is in force.
  ASSERT_TRUE(round.Append({At("2023-01-21T09:00:00"), ReportStepOf(ReportAction::kForm, "魏士博", "初稿")}).ok());
  ASSERT_TRUE(round.Append({At("2023-01-21T15:00:00"), ReportStepOf(ReportAction::kForm, "宋生礼", "修改稿")}).ok());
  EXPECT_EQ(round.StatusAt().report.formed->text, "修改稿");
  EXPECT_EQ(round.StatusAt(At("2023-01-21T12:00:00")).report.formed->text, "初稿");
  // Nothing goes up before the committee agrees; the office may not agree.
  EXPECT_EQ(round.Check({At("2023-01-22T09:00:00"), ReportStepOf(ReportAction::kSendUp, "魏士博")}).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(round.Check({At("2023-01-22T09:00:00"), ReportStepOf(ReportAction::kAgree, "魏士博")}).code(),
            absl::StatusCode::kPermissionDenied);
  ASSERT_TRUE(round.Append({At("2023-01-22T09:00:00"), ReportStepOf(ReportAction::kAgree, "马斌")}).ok());
  // Once agreed, the text is fixed, and each step is taken once.
  EXPECT_EQ(round.Check({At("2023-01-22T10:00:00"), ReportStepOf(ReportAction::kForm, "魏士博", "三稿")}).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(round.Check({At("2023-01-22T10:00:00"), ReportStepOf(ReportAction::kAgree, "马斌")}).code(),
            absl::StatusCode::kFailedPrecondition);
  // Reporting up and circulating are the office's, publishing the director's.
  EXPECT_EQ(round.Check({At("2023-01-23T09:00:00"), ReportStepOf(ReportAction::kSendUp, "马斌")}).code(),
            absl::StatusCode::kPermissionDenied);
  ASSERT_TRUE(round.Append({At("2023-01-23T09:00:00"), ReportStepOf(ReportAction::kSendUp, "魏士博")}).ok());
  ASSERT_TRUE(round.Append({At("2023-01-23T10:00:00"), ReportStepOf(ReportAction::kCirculate, "魏士博")}).ok());
  EXPECT_EQ(round.Check({At("2023-01-24T09:00:00"), ReportStepOf(ReportAction::kRelease, "魏士博")}).code(),
            absl::StatusCode::kPermissionDenied);
  ASSERT_TRUE(round.Append({At("2023-01-24T09:00:00"), ReportStepOf(ReportAction::kRelease, "马斌")}).ok());
  const ReportStatus report = round.StatusAt().report;
  EXPECT_EQ(report.steps.size(), 5u);
  EXPECT_EQ(report.steps.at(ReportAction::kSendUp).second, "魏士博");
  EXPECT_EQ(report.steps.at(ReportAction::kRelease).first, At("2023-01-24T09:00:00"));
  // A step carries no text but the forming; a text that does not match its hash is refused.
  OverallReportStep forged = ReportStepOf(ReportAction::kForm, "魏士博", "a");
  forged.text = "b";
  Round other = Approved();
  EXPECT_EQ(other.Check({At("2023-01-21T09:00:00"), forged}).code(), absl::StatusCode::kDataLoss);
  // Withdrawing the approval leaves no report in force (the history keeps it).
  ASSERT_TRUE(other.Append({At("2023-01-21T09:00:00"), ReportStepOf(ReportAction::kForm, "魏士博", "稿")}).ok());
  ASSERT_TRUE(other.Append({At("2023-01-21T10:00:00"), ApprovalWithdrawn{"马斌", "甘州区 数据更正"}}).ok());
  EXPECT_EQ(other.StatusAt().report.formed, nullptr);
  EXPECT_NE(other.StatusAt(At("2023-01-21T09:30:00")).report.formed, nullptr);
  // And the whole history replays.
  EXPECT_TRUE(Round::Replay(round.history(), Zhangye()).ok());
}

TEST(RoundJson, EveryEventReadsBackAsWritten) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  RoundEvent opened = Opened();
  std::get<RoundOpened>(opened.body).definition.targets_of = 2024;
  std::get<RoundOpened>(opened.body).definition.level = UnitLevel::kCounty;
  std::get<RoundOpened>(opened.body).definition.assessment_group = {"宋生礼", "曹俊"};
  std::get<RoundOpened>(opened.body).definition.send_up_deadline = At("2023-02-01T18:00:00");
  const std::vector<RoundEvent> events = {
      opened,
      Submitted("甘州区", "2023-01-10T10:00:00", "unit,indicator,year,value\n甘州区,23,2022,\"76.8\"\n"),
      {At("2023-01-11T10:00:00"), SubmissionAccepted{"甘州区", 1, "魏士博"}},
      {At("2023-01-11T11:00:00"), SubmissionReturned{"临泽县", 2, "魏士博", "指标 9 有误\t\"核\""}},
      {At("2023-01-12T10:00:00"), ReviewOf("宋生礼", {"宋生礼", "曹俊"}, {"甘州区"}, 18446744073709551615ull, "v")},
      {At("2023-01-13T10:00:00"), RoundApproved{"马斌"}},
      {At("2023-01-13T11:00:00"), ApprovalWithdrawn{"马斌", "更正"}},
      {At("2023-01-14T10:00:00"), RoundPublished{"魏士博"}},
      {At("2023-01-15T10:00:00"), RoundReopened{"马斌", "更正"}},
      {At("2023-01-16T10:00:00"), ReportStepOf(ReportAction::kForm, "魏士博", "# 报告\n")},
      {At("2023-01-16T11:00:00"), ReportStepOf(ReportAction::kSendUp, "魏士博")},
      {At("2023-01-17T10:00:00"), UnitRoundReceived{"甘州区", "魏士博", std::string(64, 'a'), "甘州区框架", 2022,
                                                    RoundKind::kTrial, RoundState::kPublished, "王岚", "a,b\n"}},
  };
  EXPECT_NE(RoundEventJson(1, opened).find("\"send_up_deadline\": \"2023-02-01T18:00:00\""), std::string::npos);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const std::string line = RoundEventJson(static_cast<std::int64_t>(k) + 1, events[k]);
    const absl::StatusOr<NumberedRoundEvent> read = ParseRoundEventJson(line);
    ASSERT_TRUE(read.ok()) << line << "\n" << read.status();
    EXPECT_EQ(read->seq, static_cast<std::int64_t>(k) + 1);
    // Written again, the event read gives the same line: nothing was lost.
    EXPECT_EQ(RoundEventJson(read->seq, read->event), line);
  }
  // What is not an event says what is wrong.
  EXPECT_NE(ParseRoundEventJson("{\"seq\": 1").status().message().find("not a line of JSON"), std::string::npos);
  EXPECT_NE(ParseRoundEventJson("{\"seq\": 1, \"at\": \"2023-01-10T10:00:00\", \"event\": \"submit\", "
                                "\"unit\": \"甘州区\", \"by\": \"x\", \"document\": \"\", \"figures\": \"f\"}")
                .status().message().find("the event 'submit' has no 'sha256'"),
            std::string::npos);
  EXPECT_NE(ParseRoundEventJson("{\"seq\": 1, \"at\": \"2023-01-10T10:00:00\", \"event\": \"accept\", "
                                "\"unit\": \"甘州区\", \"revision\": 99999999999, \"by\": \"x\"}")
                .status().message().find("'revision' of the event 'accept' is not an integer of a sensible size"),
            std::string::npos);
  EXPECT_FALSE(ParseRoundEventJson("{\"seq\": 1, \"at\": \"2023-01-10\", \"event\": \"approve\", \"by\": 5}").ok());
  EXPECT_FALSE(ParseRoundEventJson("{\"seq\": 1, \"at\": \"2023-01-10\", \"event\": \"dance\"}").ok());
  EXPECT_FALSE(ParseRoundEventJson("{\"seq\": 1, \"at\": \"\xff\", \"event\": \"approve\", \"by\": \"x\"}").ok());
  EXPECT_FALSE(ParseRoundEventJson("[1, 2]").ok());
  // A number past the signed range is an error, not a wrap-around to -1.
  EXPECT_FALSE(ParseRoundEventJson("{\"seq\": 18446744073709551615, \"at\": \"2023-01-10\", \"event\": "
                                   "\"approve\", \"by\": \"x\"}").ok());
}

TEST(Round, GroupsAreMadeOfTheOrganisationsPeopleAndPosts) {
  const ScopedLanguage english(Language::kEnglish);  // the messages are checked in English
  // 宋生礼 (市卫生健康委副主任) and 曹俊 hold seats on 2023-01-02; a post named
  // as such is a member too.
  RoundEvent opened = Opened();
  std::get<RoundOpened>(opened.body).definition.assessment_group = {"宋生礼", "曹俊", "市卫生健康委主任"};
  EXPECT_TRUE(Round::Replay({opened}, Zhangye()).ok());
  // A name the organisation does not know is refused, and named.
  std::get<RoundOpened>(opened.body).definition.assessment_group = {"宋生礼", "宋生里"};
  const absl::Status stranger = Round::Replay({opened}, Zhangye()).status();
  EXPECT_EQ(stranger.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(stranger.message().find("'宋生里'"), std::string::npos) << stranger;
  std::get<RoundOpened>(opened.body).definition.assessment_group = {"宋生礼", "宋生礼"};
  EXPECT_EQ(Round::Replay({opened}, Zhangye()).status().code(), absl::StatusCode::kInvalidArgument);
  // A person is a member only while holding a seat: 宋生礼's starts 2020-01-01.
  std::get<RoundOpened>(opened.body).definition.assessment_group = {"宋生礼"};
  opened.at = At("2019-12-31T09:00:00");
  EXPECT_EQ(Round::Replay({opened}, Zhangye()).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace healthact

// ParseOrganisation: statements to an Organisation, every problem reported
// with its position.
#include <algorithm>
#include <map>
#include <set>

#include "core/strings.hpp"
#include "core/text_limits.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/core/decimal.hpp"
#include "healthact/model/reporting_unit.hpp"
#include "healthact/lang/organisation_text.hpp"
#include "lang/org_grammar.hpp"
#include "lang/org_vocabulary.hpp"
#include "lang/statement_loop.hpp"
#include "healthact/core/messages.hpp"

namespace healthact {

using messages::Format;
using messages::Tr;
namespace {

using dsl::OrgKeyword;
using dsl::ast::OrgStatement;
using dsl::ast::Token;

class OrgChecker {
 public:
  OrgChecker(std::string_view file, std::string_view text, std::vector<Diagnostic>& diagnostics)
      : file_(file), text_(text), diagnostics_(diagnostics) {}

  std::shared_ptr<Organisation> Run(const std::vector<OrgStatement>& statements);

 private:
  void Report(DiagnosticCode code, std::size_t offset, std::string message) {
    diagnostics_.push_back(dsl::MakeDiagnostic(code, file_, lines_, offset, std::move(message)));
  }
  OrgKeyword KeywordOf(const OrgStatement& s) const { return *dsl::LookupOrgKeyword(s.head.text); }

  // The arguments of a statement: positional ones, and labelled ones ("自 2020-03-01").
  struct Arguments {
    std::vector<const Token*> positional;
    std::map<std::string, const Token*> labelled;
    std::set<std::string> flags;  // labels without a value (兼)
  };
  std::optional<Arguments> Read(const OrgStatement& s, std::size_t positional,
                                std::size_t optional_positional,
                                const std::vector<std::string_view>& labels,
                                const std::vector<std::string_view>& flags, std::string_view usage);
  std::optional<Date> ReadDate(const Token& token);

  void TopLevel(const OrgStatement& s);
  void CommitteeBlock(const OrgStatement& s);
  void CommitteeStatement(const OrgStatement& s, Committee& committee);
  void MeetingBlock(const OrgStatement& s, Committee& committee);
  bool KnownPost(const Token& post);
  bool KnownDepartment(const Token& department);

  std::string_view file_;
  std::string_view text_;
  utf8::LineIndex lines_{text_};  // after text_: made from it
  std::vector<Diagnostic>& diagnostics_;
  std::shared_ptr<Organisation> org_ = std::make_shared<Organisation>();
  bool has_header_ = false;
  std::map<std::string, std::size_t> committee_offsets_;
  std::map<std::string, std::size_t> jurisdiction_offsets_;
  struct PendingChange {
    std::string committee;
    SeatChange change;
    std::size_t offset;
  };
  std::vector<PendingChange> changes_;
};

std::optional<OrgChecker::Arguments> OrgChecker::Read(const OrgStatement& s, std::size_t positional,
                                                      std::size_t optional_positional,
                                                      const std::vector<std::string_view>& labels,
                                                      const std::vector<std::string_view>& flags,
                                                      std::string_view usage) {
  Arguments out;
  const auto& args = s.arguments;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Token& a = args[i];
    const bool is_label =
        !a.quoted && std::find(labels.begin(), labels.end(), a.text) != labels.end();
    const bool is_flag = !a.quoted && std::find(flags.begin(), flags.end(), a.text) != flags.end();
    if (is_flag) {
      out.flags.insert(a.text);
    } else if (is_label) {
      if (i + 1 >= args.size()) {
        Report(DiagnosticCode::kWrongArguments, a.offset,
               Format("'$0' needs a value: $1", a.text, usage));
        return std::nullopt;
      }
      out.labelled[a.text] = &args[++i];
    } else if (out.positional.size() < positional + optional_positional && out.labelled.empty()) {
      out.positional.push_back(&a);
    } else {
      Report(DiagnosticCode::kWrongArguments, a.offset,
             Format("unexpected '$0': $1", a.text, usage));
      return std::nullopt;
    }
  }
  if (out.positional.size() < positional) {
    Report(DiagnosticCode::kWrongArguments, s.head.offset, Format("too few arguments: $0", usage));
    return std::nullopt;
  }
  for (const Token* t : out.positional) {
    if (t->text.empty()) {
      Report(DiagnosticCode::kEmptyName, t->offset, std::string(Tr("empty name")));
      return std::nullopt;
    }
  }
  return out;
}

std::optional<Date> OrgChecker::ReadDate(const Token& token) {
  std::optional<Date> date = Date::Parse(token.text);
  if (!date) {
    Report(DiagnosticCode::kBadDate, token.offset,
           Format("'$0' is not a date (write 2020-03-15)", token.text));
  }
  return date;
}

bool OrgChecker::KnownPost(const Token& post) {
  if (org_->FindPost(post.text) != nullptr) return true;
  Report(DiagnosticCode::kUnknownReference, post.offset,
         Format("post '$0' is not declared (职务 \"$0\" 部门 …)", post.text));
  return false;
}

bool OrgChecker::KnownDepartment(const Token& department) {
  for (const Post& post : org_->posts) {
    if (post.department == department.text) return true;
  }
  Report(DiagnosticCode::kUnknownReference, department.offset,
         Format("department '$0' has no declared post (职务 … 部门 $0)", department.text));
  return false;
}

std::shared_ptr<Organisation> OrgChecker::Run(const std::vector<OrgStatement>& statements) {
  // Posts and tenures first, so that committees may refer to them in any order.
  for (const OrgStatement& s : statements) {
    const OrgKeyword k = KeywordOf(s);
    if (k == OrgKeyword::kPost || k == OrgKeyword::kTenure) TopLevel(s);
  }
  for (const OrgStatement& s : statements) {
    const OrgKeyword k = KeywordOf(s);
    if (k != OrgKeyword::kPost && k != OrgKeyword::kTenure) TopLevel(s);
  }
  if (!has_header_) {
    Report(DiagnosticCode::kMissingHeader, 0, std::string(Tr("an organisation text begins with 组织 \"name\"")));
  }
  // Changes in date order, each checked against the procedure.
  std::stable_sort(changes_.begin(), changes_.end(), [](const PendingChange& a, const PendingChange& b) {
    return a.change.date < b.change.date;
  });
  for (const PendingChange& pending : changes_) {
    absl::Status status = org_->ProposeChange(pending.committee, pending.change);
    if (!status.ok()) {
      Report(DiagnosticCode::kChangeRejected, pending.offset, std::string(status.message()));
    }
  }
  // Structural checks, each committee on the date of its last event.
  for (const Committee& committee : org_->committees) {
    Date date = committee.established;
    for (const SeatChange& change : committee.history) date = std::max(date, change.date);
    Organisation one = *org_;
    one.committees = {committee};
    one.jurisdictions.clear();
    for (const OrganisationFinding& finding : one.Check(date)) {
      Report(DiagnosticCode::kOrganisationStructure, committee_offsets_[committee.name],
             Format("$0: $1", committee.name, finding.message));
    }
  }
  for (const std::string& jurisdiction : org_->jurisdictions) {
    if (org_->FindCommittee(jurisdiction) == nullptr) {
      Report(DiagnosticCode::kOrganisationStructure, jurisdiction_offsets_[jurisdiction],
             Format("$0 has no committee of its own", jurisdiction));
    }
  }
  if (HasErrors(diagnostics_)) return nullptr;
  return org_;
}

void OrgChecker::TopLevel(const OrgStatement& s) {
  if (!s.body.empty() && KeywordOf(s) != OrgKeyword::kCommittee) {
    Report(DiagnosticCode::kWrongArguments, s.head.offset,
           Format("$0 takes no { block }", s.head.text));
    return;
  }
  switch (KeywordOf(s)) {
    case OrgKeyword::kOrganisation: {
      if (has_header_) {
        Report(DiagnosticCode::kDuplicateStatement, s.head.offset, std::string(Tr("组织 is stated twice")));
      }
      has_header_ = true;
      Read(s, 1, 0, {}, {}, "组织 \"name\"");
      return;
    }
    case OrgKeyword::kSource:
      Read(s, 1, 1, {}, {}, "来源 \"document\" [\"place\"]");
      return;
    case OrgKeyword::kJurisdiction: {
      auto args = Read(s, 2, 0, {"上级"}, {}, "辖区 NAME LEVEL [上级 NAME]");
      if (!args) return;
      if (!ParseUnitLevel(args->positional[1]->text)) {
        Report(DiagnosticCode::kUnknownValue, args->positional[1]->offset,
               Format("unknown level '$0' (市, 县区, 乡镇, 村)", args->positional[1]->text));
        return;
      }
      const std::string& name = args->positional[0]->text;
      if (ParseUnitLevel(args->positional[1]->text) == UnitLevel::kCounty) {
        org_->jurisdictions.push_back(name);
        jurisdiction_offsets_[name] = s.head.offset;
      }
      return;
    }
    case OrgKeyword::kPost: {
      auto args = Read(s, 1, 0, {"部门"}, {}, "职务 \"POST\" 部门 DEPARTMENT");
      if (!args) return;
      if (!args->labelled.count("部门")) {
        Report(DiagnosticCode::kWrongArguments, s.head.offset, std::string(Tr("a post names its 部门")));
        return;
      }
      if (org_->FindPost(args->positional[0]->text) != nullptr) {
        Report(DiagnosticCode::kDuplicateStatement, args->positional[0]->offset,
               Format("post '$0' is declared twice", args->positional[0]->text));
        return;
      }
      org_->posts.push_back(Post{args->positional[0]->text, args->labelled["部门"]->text});
      return;
    }
    case OrgKeyword::kTenure: {
      auto args = Read(s, 2, 0, {"自", "至"}, {}, "任职 PERSON \"POST\" 自 DATE [至 DATE]");
      if (!args || !KnownPost(*args->positional[1])) return;
      if (!args->labelled.count("自")) {
        Report(DiagnosticCode::kWrongArguments, s.head.offset, std::string(Tr("a tenure starts on a date: 自 2020-03-01")));
        return;
      }
      std::optional<Date> from = ReadDate(*args->labelled["自"]);
      std::optional<Date> until;
      if (args->labelled.count("至")) {
        until = ReadDate(*args->labelled["至"]);
        if (!until) return;
      }
      if (!from) return;
      if (until && !(*from < *until)) {
        Report(DiagnosticCode::kBadDate, args->labelled["至"]->offset,
               Format("the tenure ends ($0) before it starts ($1)", until->ToString(), from->ToString()));
        return;
      }
      Tenure tenure{args->positional[0]->text, args->positional[1]->text, *from, until};
      for (const Tenure& other : org_->tenures) {
        const bool overlap = other.post == tenure.post &&
                             (!other.until || tenure.from < *other.until) &&
                             (!tenure.until || other.from < *tenure.until);
        if (overlap) {
          Report(DiagnosticCode::kDuplicateStatement, s.head.offset,
                 Format("$0 would be held by $1 and $2 at once", tenure.post, other.person, tenure.person));
          return;
        }
      }
      org_->tenures.push_back(std::move(tenure));
      return;
    }
    case OrgKeyword::kCommittee:
      CommitteeBlock(s);
      return;
    default:
      Report(DiagnosticCode::kUnknownStatement, s.head.offset,
             Format("$0 belongs inside 委员会 \"…\" { … }", s.head.text));
  }
}

void OrgChecker::CommitteeBlock(const OrgStatement& s) {
  auto args = Read(s, 1, 0, {}, {}, "委员会 \"NAME\" { … }");
  if (!args) return;
  Committee committee;
  committee.name = args->positional[0]->text;
  if (committee_offsets_.count(committee.name)) {
    Report(DiagnosticCode::kDuplicateStatement, args->positional[0]->offset,
           Format("committee '$0' is declared twice", committee.name));
    return;
  }
  committee_offsets_[committee.name] = s.head.offset;
  for (const OrgStatement& inner : s.body) CommitteeStatement(inner, committee);
  if (committee.jurisdiction.empty()) {
    Report(DiagnosticCode::kWrongArguments, s.head.offset,
           Format("committee '$0' names no 辖区", committee.name));
  }
  if (committee.established == Date{}) {
    Report(DiagnosticCode::kWrongArguments, s.head.offset,
           Format("committee '$0' states no 成立 date", committee.name));
  }
  org_->committees.push_back(std::move(committee));
}

void OrgChecker::CommitteeStatement(const OrgStatement& s, Committee& c) {
  const OrgKeyword k = KeywordOf(s);
  if (!s.body.empty() && k != OrgKeyword::kMeeting) {
    Report(DiagnosticCode::kWrongArguments, s.head.offset,
           Format("$0 takes no { block }", s.head.text));
    return;
  }
  const auto role_of = [](OrgKeyword keyword) -> std::optional<CommitteeRole> {
    switch (keyword) {
      case OrgKeyword::kDirector: return CommitteeRole::kDirector;
      case OrgKeyword::kDeputyDirector: return CommitteeRole::kDeputyDirector;
      case OrgKeyword::kMember:
      case OrgKeyword::kCouncillor: return CommitteeRole::kMember;
      case OrgKeyword::kSecretaryGeneral: return CommitteeRole::kSecretaryGeneral;
      default: return std::nullopt;
    }
  };
  if (const std::optional<CommitteeRole> role = role_of(k)) {
    auto args = Read(s, 1, 0, {}, {"兼"}, text::StrCat(s.head.text, " \"POST\" [兼]"));
    if (!args || !KnownPost(*args->positional[0])) return;
    c.seats.push_back(Seat{*role, args->positional[0]->text, args->flags.count("兼") > 0});
    return;
  }
  switch (k) {
    case OrgKeyword::kJurisdiction: {
      auto args = Read(s, 1, 0, {}, {}, "辖区 NAME");
      if (args) c.jurisdiction = args->positional[0]->text;
      return;
    }
    case OrgKeyword::kEstablished: {
      auto args = Read(s, 1, 0, {}, {}, "成立 DATE");
      if (!args) return;
      if (auto date = ReadDate(*args->positional[0])) c.established = *date;
      return;
    }
    case OrgKeyword::kOffice: {
      auto args = Read(s, 1, 0, {}, {}, "办公室 DEPARTMENT");
      if (args && KnownDepartment(*args->positional[0])) c.office_department = args->positional[0]->text;
      return;
    }
    case OrgKeyword::kOfficeDirector: {
      auto args = Read(s, 1, 0, {}, {}, "办公室主任 \"POST\"");
      if (args && KnownPost(*args->positional[0])) c.office_director_post = args->positional[0]->text;
      return;
    }
    case OrgKeyword::kOfficeMember: {
      auto args = Read(s, 1, 0, {}, {}, "办公室成员 \"WHO\"");
      if (args) c.office_members.push_back(args->positional[0]->text);
      return;
    }
    case OrgKeyword::kExpertsAppointedBy: {
      auto args = Read(s, 1, 0, {}, {}, "专家聘请 \"BY\"");
      if (args) c.experts_appointed_by = args->positional[0]->text;
      return;
    }
    case OrgKeyword::kSeatsByProcedure: {
      auto args = Read(s, 1, 0, {"名额", "确定"}, {}, "待定席位 \"KIND\" 名额 若干|N 确定 \"WHO\"");
      if (!args) return;
      SeatsByProcedure seats{args->positional[0]->text, std::nullopt,
                             args->labelled.count("确定") ? args->labelled["确定"]->text : ""};
      if (args->labelled.count("名额") && args->labelled["名额"]->text != "若干") {
        const Token& count = *args->labelled["名额"];
        absl::StatusOr<Decimal> n = Decimal::Parse(count.text);
        if (!n.ok() || n->scale() != 0 || *n < Decimal::FromInt(1) || *n > Decimal::FromInt(1000)) {
          Report(DiagnosticCode::kWrongArguments, count.offset,
                 Format("名额 is 若干 or a number of seats from 1 to 1000, not '$0'", count.text));
          return;
        }
        seats.number = std::stoi(n->ToString());
      }
      c.seats_by_procedure.push_back(std::move(seats));
      return;
    }
    case OrgKeyword::kDuties: {
      auto args = Read(s, 2, 0, {}, {}, "职责 DEPARTMENT \"TEXT\"");
      if (args && KnownDepartment(*args->positional[0])) {
        c.duties.push_back(DepartmentDuty{args->positional[0]->text, args->positional[1]->text});
      }
      return;
    }
    case OrgKeyword::kExpert: {
      auto args = Read(s, 1, 0, {"领域"}, {}, "专家 PERSON 领域 \"FIELD\"");
      if (args) {
        c.experts.push_back(ExpertMember{args->positional[0]->text,
                                         args->labelled.count("领域") ? args->labelled["领域"]->text : ""});
      }
      return;
    }
    case OrgKeyword::kSpecialActions: {
      auto args = Read(s, 1, 0, {}, {}, "专项行动 N");
      if (!args) return;
      absl::StatusOr<Decimal> n = Decimal::Parse(args->positional[0]->text);
      if (!n.ok() || n->scale() != 0 || n->is_negative() || *n > Decimal::FromInt(1000)) {
        Report(DiagnosticCode::kWrongArguments, args->positional[0]->offset,
               std::string(Tr("专项行动 takes the number of special actions announced")));
        return;
      }
      c.announced_working_groups = std::stoi(n->ToString());
      return;
    }
    case OrgKeyword::kWorkingGroup: {
      auto args = Read(s, 1, 0, {"牵头"}, {}, "工作组 \"ACTION\" [牵头 DEPARTMENT]");
      if (!args) return;
      std::string lead;
      if (args->labelled.count("牵头")) {
        if (!KnownDepartment(*args->labelled["牵头"])) return;
        lead = args->labelled["牵头"]->text;
      }
      c.working_groups.push_back(WorkingGroup{args->positional[0]->text, lead});
      return;
    }
    case OrgKeyword::kChange: {
      auto args = Read(s, 4, 0, {"提出", "批准", "文件"}, {},
                       "变更 DATE 增加|减少 \"ROLE\" \"POST\" 提出 WHO 批准 WHO [文件 \"DOC\"]");
      if (!args) return;
      std::optional<Date> date = ReadDate(*args->positional[0]);
      const std::string& kind = args->positional[1]->text;
      if (kind != "增加" && kind != "减少") {
        Report(DiagnosticCode::kUnknownValue, args->positional[1]->offset,
               Format("unknown change '$0' (增加 or 减少)", kind));
        return;
      }
      const std::optional<CommitteeRole> role = ParseCommitteeRole(args->positional[2]->text);
      if (!role) {
        Report(DiagnosticCode::kUnknownValue, args->positional[2]->offset,
               Format("unknown role '$0' (主任, 副主任, 成员 or 秘书长)", args->positional[2]->text));
        return;
      }
      if (!date || !KnownPost(*args->positional[3])) return;
      SeatChange change;
      change.kind = kind == "增加" ? SeatChange::Kind::kAdd : SeatChange::Kind::kRemove;
      change.date = *date;
      change.seat = Seat{*role, args->positional[3]->text, false};
      change.proposed_by = args->labelled.count("提出") ? args->labelled["提出"]->text : "";
      change.approved_by = args->labelled.count("批准") ? args->labelled["批准"]->text : "";
      change.document = args->labelled.count("文件") ? args->labelled["文件"]->text : "";
      changes_.push_back(PendingChange{c.name, change, s.head.offset});
      return;
    }
    case OrgKeyword::kMeeting:
      MeetingBlock(s, c);
      return;
    default:
      Report(DiagnosticCode::kUnknownStatement, s.head.offset,
             Format("$0 does not belong inside a committee", s.head.text));
  }
}

void OrgChecker::MeetingBlock(const OrgStatement& s, Committee& c) {
  auto args = Read(s, 2, 0, {}, {}, "会议 KIND DATE { 决定 … 任务 … }");
  if (!args) return;
  const std::optional<MeetingKind> kind = ParseMeetingKind(args->positional[0]->text);
  if (!kind) {
    Report(DiagnosticCode::kUnknownValue, args->positional[0]->offset,
           Format("unknown meeting '$0' (全体会议, 主任办公会议 or 办公室会议)", args->positional[0]->text));
    return;
  }
  std::optional<Date> date = ReadDate(*args->positional[1]);
  if (!date) return;
  Meeting meeting{*kind, *date, {}, {}};
  {
    for (const OrgStatement& inner : s.body) {
      const OrgKeyword k = KeywordOf(inner);
      if (k == OrgKeyword::kDecision) {
        if (auto a = Read(inner, 1, 0, {}, {}, "决定 \"TEXT\"")) {
          meeting.decisions.push_back(a->positional[0]->text);
        }
      } else if (k == OrgKeyword::kTask) {
        auto a = Read(inner, 1, 0, {"负责", "期限", "完成"}, {},
                      "任务 \"TEXT\" 负责 DEPARTMENT 期限 DATE [完成 DATE]");
        if (!a) continue;
        if (!a->labelled.count("负责") || !a->labelled.count("期限")) {
          Report(DiagnosticCode::kWrongArguments, inner.head.offset,
                 std::string(Tr("a task names its owner (负责) and due date (期限)")));
          continue;
        }
        if (!KnownDepartment(*a->labelled["负责"])) continue;
        std::optional<Date> due = ReadDate(*a->labelled["期限"]);
        std::optional<Date> done;
        if (a->labelled.count("完成")) {
          done = ReadDate(*a->labelled["完成"]);
          if (!done) continue;
        }
        if (!due) continue;
        meeting.tasks.push_back(Task{a->positional[0]->text, a->labelled["负责"]->text, *due, done});
      } else {
        Report(DiagnosticCode::kUnknownStatement, inner.head.offset,
               Format("$0 does not belong inside a meeting (决定 or 任务)", inner.head.text));
      }
    }
  }
  c.meetings.push_back(std::move(meeting));
}

}  // namespace

ParsedOrganisation ParseOrganisation(std::string_view text, std::string_view file_name) {
  ParsedOrganisation result;
  if (const auto bad = utf8::FindInvalid(text)) {
    result.diagnostics.push_back(dsl::MakeDiagnostic(
        DiagnosticCode::kInvalidUtf8, file_name, text.substr(0, *bad), *bad,
        std::string(Tr("the text is not valid UTF-8; save the file as UTF-8"))));
    return result;
  }
  if (std::optional<Diagnostic> limit = CheckTextSize(text, file_name, limits::kMaxTextBytes);
      limit || (limit = CheckNesting(text, file_name))) {
    result.diagnostics.push_back(std::move(*limit));
    return result;
  }
  std::vector<OrgStatement> statements = dsl::ParseStatements<OrgStatement>(
      text, file_name, dsl::ParseOrgStatement, dsl::StartsOrgStatement, result.diagnostics);
  const bool syntax_ok = !HasErrors(result.diagnostics);
  OrgChecker checker(file_name, text, result.diagnostics);
  std::shared_ptr<Organisation> organisation = checker.Run(statements);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  if (syntax_ok && organisation) result.organisation = std::move(organisation);
  return result;
}

}  // namespace healthact

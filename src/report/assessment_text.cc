#include "healthact/report/assessment_text.hpp"

#include "assess/verdict_words.hpp"
#include "core/escape.hpp"
#include "report/report_parts.hpp"
#include "report/units_in_order.hpp"
#include "core/strings.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <utility>

namespace healthact {
namespace {

using escape::JsonString;

// The bytes that make a CSV field quoted, as a table: a long CSV asks of
// every byte of every reason (find_first_of made a memchr per character, a
// chain of comparisons a branch per byte).
constexpr auto kQuotedByCsv = [] {
  std::array<bool, 256> quoted{};
  quoted[','] = quoted['"'] = quoted['\n'] = quoted['\r'] = true;
  return quoted;
}();

// Whether a CSV field must be quoted.
bool NeedsCsvQuotes(std::string_view text) {
  bool quoted = false;
  for (char c : text) quoted |= kQuotedByCsv[static_cast<unsigned char>(c)];
  return quoted;
}

// A CSV field appended to `out`, quoted when it must be.
void AppendCsvField(std::string& out, std::string_view text) {
  if (!NeedsCsvQuotes(text)) {
    out.append(text);
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// The field appended to `out` since `start`, quoted in place if it must be:
// a field worded straight into the row needs no string of its own.
void QuoteCsvFieldFrom(std::string& out, std::size_t start) {
  if (!NeedsCsvQuotes(std::string_view(out).substr(start))) return;
  const std::string field = out.substr(start);
  out.resize(start);
  AppendCsvField(out, field);
}

// `text`, which takes `columns` columns, appended to `out` padded to `width`
// columns, on the left or the right.
void AppendPadded(std::string& out, std::string_view text, int columns, int width, bool right = false) {
  const std::size_t padding = static_cast<std::size_t>(std::max(0, width - columns));
  if (right) out.append(padding, ' ');
  out += text;
  if (!right) out.append(padding, ' ');
}

// "20/3/1/0/1/0": met, not met, missing, pending, invalid, not applicable.
void AppendCounts(std::string& out, const VerdictCounts& c) {
  // In a buffer, appended once: eleven appends cost more than the digits.
  const int counts[] = {c.met, c.not_met, c.missing, c.pending, c.invalid, c.not_applicable};
  char text[6 * 12];
  char* at = text;
  for (std::size_t k = 0; k < 6; ++k) {
    if (k > 0) *at++ = '/';
    at = std::to_chars(at, text + sizeof text, counts[k]).ptr;
  }
  out.append(text, at);
}

void AppendFindingsJson(std::string& out, const std::vector<Finding>& findings) {
  out += "\"findings\": [";
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    text::StrAppend(&out, k > 0 ? ", " : "", "{\"rule\": ", JsonString(f.rule), ", \"kind\": ",
                    JsonString(FindingKindName(f.kind)), ", \"severity\": ",
                    JsonString(f.severity == Severity::kError ? "error" : "warning"),
                    ", \"indicators\": [");
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
      text::StrAppend(&out, i > 0 ? ", " : "", JsonString(f.indicators[i]));
    }
    out += "], \"values\": [";
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      text::StrAppend(&out, i > 0 ? ", " : "", "{\"key\": ", JsonString(f.values[i].key),
                      ", \"year\": ", f.values[i].year, ", \"value\": ", JsonString(f.values[i].value),
                      "}");
    }
    text::StrAppend(&out, "], \"message\": ", JsonString(f.message), "}");
  }
  out += "]";
}

// The messages of the findings that concern indicator `number`, for the CSV.
std::string FindingsOn(const std::vector<Finding>& findings, const std::string& number) {
  std::string out;
  for (const Finding& f : findings) {
    if (std::find(f.indicators.begin(), f.indicators.end(), number) == f.indicators.end()) continue;
    text::StrAppend(&out, out.empty() ? "" : "；", report_parts::FindingText(f));
  }
  return out;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    if (static_cast<unsigned char>(text[offset]) < 0x80) {  // ASCII: one column, no decoding
      ++width;
      ++offset;
      continue;
    }
    const char32_t cp = utf8::Next(text, offset);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

namespace report_parts {

void AppendFailed(std::string& out, std::string_view number, bool invalid, std::string_view separator) {
  if (!out.empty()) out += separator;
  out += number;
  if (invalid) out += "（无效）";
}

std::string FailedText(const UnitResult& result, std::string_view separator) {
  std::string out;
  for (const auto& [number, invalid] : result.failed) AppendFailed(out, number, invalid, separator);
  return out;
}

std::string AssessmentJsonHead(std::string_view framework, int year, const DecisionRecord& record,
                               Explanation explanation) {
  return text::StrCat(
      "{\"framework\": ", JsonString(framework), ", \"year\": ", year,
      ", \"record\": {\"framework_sha256\": ", JsonString(record.framework_sha256),
      ", \"observations_sha256\": ", JsonString(record.observations_sha256),
      ", \"library_version\": ", JsonString(record.library_version),
      ", \"explanation\": ", JsonString(explanation == Explanation::kAll ? "all" : "failures"),
      "},\n \"units\": [");
}

const TargetTexts::Texts& TargetTexts::Of(const Verdict& verdict) {
  for (std::size_t tried = 0; tried < entries_.size(); ++tried) {
    const std::size_t at = (next_ + tried) % entries_.size();
    Entry& entry = entries_[at];
    if (entry.target == verdict.target && entry.part == verdict.part) {
      next_ = at + 1;
      return entry.texts;
    }
  }
  Entry& made = entries_.emplace_back(Entry{verdict.target, verdict.part, {}});
  made.texts.text = TargetText(verdict);
  made.texts.json = JsonString(made.texts.text);
  AppendCsvField(made.texts.csv, made.texts.text);
  made.texts.threshold = verdict_words::ThresholdText(verdict);
  next_ = entries_.size();
  return made.texts;
}

void AppendVerdictJson(std::string& out, const Verdict& verdict, TargetTexts& targets) {
  const TargetTexts::Texts& target = targets.Of(verdict);
  // The numbers, the statuses and the words of a reason need no escape; only
  // what a framework or a finding wrote may, so the value and the reason are
  // worded in place and escaped only when they have to be.  The value is
  // worded once, for its field and its reason.
  std::string value;  // a few bytes: no allocation
  AppendValueText(value, verdict);
  out += "{\"indicator\": ";
  escape::AppendJsonString(out, verdict.indicator);
  out += ", \"status\": \"";
  out += VerdictStatusName(verdict.status);  // a fixed ASCII word
  out += "\", \"value\": ";
  escape::AppendJsonString(out, value);
  out += ", \"target\": ";
  out += target.json;
  out += ", \"reason\": ";
  const std::size_t open = out.size();
  out += '"';
  verdict_words::AppendReasonText(out, verdict, {target.text, target.threshold, value});
  escape::CloseJsonString(out, open);
  if (!verdict.parts.empty()) {
    out += ", \"parts\": [";
    for (std::size_t i = 0; i < verdict.parts.size(); ++i) {
      if (i > 0) out += ", ";
      AppendVerdictJson(out, verdict.parts[i], targets);
    }
    out += "]";
  }
  out += "}";
}

void AppendUnitJsonBegin(std::string& out, const UnitResult& r) {
  const VerdictCounts& c = r.counts;
  text::StrAppend(&out,
      "{\"unit\": ", JsonString(r.unit), ", \"score\": ", JsonString(r.score.ToString()),
      ", \"rank\": ", r.rank, ", \"rank_within_parent\": ", r.rank_within_parent,
      ", \"grade\": ", JsonString(r.grade), ", \"counts\": {\"met\": ", c.met,
      ", \"not_met\": ", c.not_met, ", \"missing\": ", c.missing, ", \"pending\": ", c.pending,
      ", \"invalid\": ", c.invalid, ", \"not_applicable\": ", c.not_applicable, "}, ");
  AppendFindingsJson(out, r.findings);
  out += ", \"verdicts\": [";
}

namespace {

// What goes before one of a unit's verdicts in the JSON; `first` is false
// from then on.
std::string_view VerdictSeparator(bool& first) {
  const std::string_view separator = first ? "\n    " : ",\n    ";
  first = false;
  return separator;
}

}  // namespace

void AppendUnitJson(std::string& out, const UnitResult& r, Explanation explanation, TargetTexts& targets) {
  AppendUnitJsonBegin(out, r);
  bool first = true;
  for (const ShownVerdict& shown : r.verdicts) {
    if (!IsShown(shown.verdict, explanation)) continue;
    out += VerdictSeparator(first);
    AppendVerdictJson(out, shown.verdict, targets);
  }
  out += kUnitJsonEnd;
}

}  // namespace report_parts

namespace {

// A unit's data asked into the cache before the unit is written.
void PrefetchUnitOf(const Assessment& a, std::size_t u) { a.observations().PrefetchUnit(a.units()[u]); }

// One unit's object of the JSON's "units", after a comma unless it is the
// first; its verdicts explained and written one at a time.
class JsonUnitWriter {
 public:
  JsonUnitWriter(const Assessment& a, Explanation explanation, std::size_t first)
      : a_(a), explanation_(explanation), first_(first) {}
  void Prefetch(std::size_t u) const { PrefetchUnitOf(a_, u); }
  void operator()(std::size_t u, std::string& out) {
    out += u == first_ ? "\n  " : ",\n  ";
    report_parts::AppendUnitJsonBegin(out, UnitRankingOf(a_, u));
    bool first = true;
    report_parts::ForEachShownVerdict(a_, u, explanation_, [&](const Indicator&, const Verdict& verdict) {
      if (!IsShown(verdict, explanation_)) return;
      out += report_parts::VerdictSeparator(first);
      report_parts::AppendVerdictJson(out, verdict, targets_);
    });
    out += report_parts::kUnitJsonEnd;
  }

 private:
  const Assessment& a_;
  Explanation explanation_;
  std::size_t first_;
  report_parts::TargetTexts targets_;
};

// One unit's rows of the CSV, a verdict explained and written at a time.  A
// target's texts are the same for every unit: made once per target and
// part, by each thread that writes.
class CsvUnitWriter {
 public:
  CsvUnitWriter(const Assessment& a, Explanation explanation) : a_(a), explanation_(explanation) {}
  void Prefetch(std::size_t u) const { PrefetchUnitOf(a_, u); }

  void operator()(std::size_t u, std::string& out) {
    // What every row of the unit begins with: unit,rank,score,grade,
    lead_.clear();
    AppendCsvField(lead_, a_.observations().unit_name(a_.units()[u]));
    text::StrAppend(&lead_, ",", a_.rank(u), ",");
    a_.score(u).AppendTo(lead_);
    lead_ += ',';
    AppendCsvField(lead_, a_.grade(u));
    lead_ += ',';
    const std::vector<Finding>& findings = a_.findings(u);
    report_parts::ForEachShownVerdict(a_, u, explanation_, [&](const Indicator& indicator, const Verdict& verdict) {
      const std::string on = findings.empty() ? std::string() : FindingsOn(findings, indicator.number);
      Row(verdict, on, out);
      for (const Verdict& part : verdict.parts) Row(part, on, out);
    });
  }

 private:
  void Row(const Verdict& v, std::string_view findings, std::string& out) {
    const report_parts::TargetTexts::Texts& target = targets_.Of(v);
    value_.clear();
    AppendValueText(value_, v);
    out += lead_;
    AppendCsvField(out, v.indicator);
    out += ',';
    out += VerdictStatusName(v.status);  // a fixed ASCII word
    out += ',';
    AppendCsvField(out, value_);
    out += ',';
    out += target.csv;
    out += ',';
    const std::size_t reason = out.size();
    verdict_words::AppendReasonText(out, v, {target.text, target.threshold, value_});
    QuoteCsvFieldFrom(out, reason);
    out += ',';
    AppendCsvField(out, findings);
    out += '\n';
  }

  const Assessment& a_;
  Explanation explanation_;
  report_parts::TargetTexts targets_;
  std::string lead_;   // the unit's, kept for its capacity
  std::string value_;  // the row's value, worded once for its field and its reason
};

}  // namespace

void WriteAssessmentJson(const Assessment& a, Explanation explanation, const TextSink& sink) {
  sink(report_parts::AssessmentJsonHead(a.framework().name(), a.year(), a.record(), explanation));
  const std::vector<std::size_t>& ranking = a.ranking();
  const std::size_t first = ranking.empty() ? 0 : ranking.front();
  report_parts::WriteUnitsInOrder(ranking, [&] { return JsonUnitWriter(a, explanation, first); }, sink);
  sink(report_parts::kAssessmentJsonEnd);
}

std::string AssessmentToJson(const Assessment& a, Explanation explanation) {
  std::string out;
  WriteAssessmentJson(a, explanation, [&](std::string_view piece) { out.append(piece); });
  return out;
}

void WriteAssessmentCsv(const Assessment& a, Explanation explanation, const TextSink& sink) {
  sink("unit,rank,score,grade,indicator,status,value,target,reason,findings\n");
  report_parts::WriteUnitsInOrder(a.ranking(), [&] { return CsvUnitWriter(a, explanation); }, sink);
}

std::string AssessmentToCsv(const Assessment& a, Explanation explanation) {
  std::string out;
  WriteAssessmentCsv(a, explanation, [&](std::string_view piece) { out.append(piece); });
  return out;
}

std::string AssessmentToMarkdown(const Assessment& a, Explanation explanation) {
  std::string out = text::StrCat("# ", escape::Markdown(a.framework().name()), "：", a.year(), "年考核结果\n\n",
                                 "| 排名 | 单位 | 得分 | 等级 | 达标 | 未达标 | 缺报 | 待公布 | 无效 | 不适用 |\n",
                                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  std::vector<UnitResult> results;
  for (std::size_t u : a.ranking()) results.push_back(UnitResultOf(a, u, explanation));
  for (const UnitResult& r : results) {
    const VerdictCounts& c = r.counts;
    text::StrAppend(&out, "| ", r.rank, " | ", escape::Markdown(r.unit), " | ", r.score.ToString(), " | ", escape::Markdown(r.grade),
                    " | ", c.met, " | ", c.not_met, " | ", c.missing, " | ", c.pending, " | ",
                    c.invalid, " | ", c.not_applicable, " |\n");
  }
  for (const UnitResult& r : results) {
    std::string rows;
    for (const ShownVerdict& shown : r.verdicts) {
      text::StrAppend(&rows, "| ", shown.verdict.indicator, " | ", escape::Markdown(shown.indicator->name), " | ",
                      report_parts::StatusWord(shown.verdict.status), " | ", escape::Markdown(ReasonText(shown.verdict)),
                      " |\n");
    }
    std::string findings;
    for (const Finding& finding : r.findings) {
      text::StrAppend(&findings, "- ", escape::Markdown(report_parts::FindingText(finding)), "\n");
    }
    if (rows.empty() && findings.empty()) continue;
    text::StrAppend(&out, "\n## ", escape::Markdown(r.unit), "\n\n");
    if (!rows.empty()) text::StrAppend(&out, "| 序号 | 指标 | 结果 | 说明 |\n| --- | --- | --- | --- |\n", rows);
    if (!findings.empty()) text::StrAppend(&out, rows.empty() ? "" : "\n", "校验发现：\n\n", findings);
  }
  text::StrAppend(&out, "\n框架 SHA-256 ", a.record().framework_sha256, "；数据 SHA-256 ",
                  a.record().observations_sha256, "；healthact ", a.record().library_version, "\n");
  return out;
}

void WriteAssessmentTable(const Assessment& a, const TextSink& sink) {
  const std::size_t n = a.unit_count();
  const std::vector<Indicator>& indicators = a.framework().indicators();
  // The tallies and the failed indicators of every unit, read indicator by
  // indicator as the statuses are stored, rather than unit by unit across
  // them (a cache miss a verdict on a large assessment), and a block of
  // units at a time, so that the block's tallies stay in the cache across
  // the indicators (a pass over all of them per indicator made 500 000
  // units 17 times as slow as 40 000).  A unit's failed indicators are bits,
  // worded when its row is written: a string per unit was an allocation
  // each, and a cache miss each when read back in ranking order.
  constexpr std::size_t kBlock = 4096;
  const std::size_t words = (indicators.size() + 63) / 64;
  std::vector<VerdictCounts> counts(n);
  std::vector<std::uint64_t> failed(n * words), invalid(n * words);
  for (std::size_t block = 0; block < n; block += kBlock) {
    const std::size_t end = std::min(n, block + kBlock);
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const std::uint64_t bit = std::uint64_t{1} << (i % 64);
      for (std::size_t u = block; u < end; ++u) {
        const VerdictStatus status = a.status(u, i);
        counts[u].Add(status);
        if (status == VerdictStatus::kNotMet || status == VerdictStatus::kInvalid) {
          failed[u * words + i / 64] |= bit;
          if (status == VerdictStatus::kInvalid) invalid[u * words + i / 64] |= bit;
        }
      }
    }
  }
  // The ASCII cells (rank, score, tallies) are one column a byte; the
  // names and grades are measured.  Every row is measured first, then written
  // a few at a time: the table is never held whole (it is tens of megabytes
  // for a national assessment), and no row's cells are kept as strings.
  constexpr std::string_view kHeader[] = {"排名", "单位", "得分", "等级", "达标/未达标/缺报/待公布/无效/不适用"};
  int widths[5];
  for (std::size_t c = 0; c < 5; ++c) widths[c] = DisplayWidth(kHeader[c]);
  std::vector<int> name_widths(n);
  std::string cell;
  const auto ascii_width = [&](const auto& append) {
    cell.clear();
    append(cell);
    return static_cast<int>(cell.size());
  };
  const auto rank_of = [&](std::string& out, std::size_t u) { text::StrAppend(&out, a.rank(u)); };
  const auto name_of = [&](std::size_t u) -> const std::string& { return a.observations().unit_name(a.units()[u]); };
  for (std::size_t u = 0; u < n; ++u) {  // in stored order: the widest is the widest in any order
    name_widths[u] = DisplayWidth(name_of(u));
    widths[0] = std::max(widths[0], ascii_width([&](std::string& out) { rank_of(out, u); }));
    widths[1] = std::max(widths[1], name_widths[u]);
    widths[2] = std::max(widths[2], ascii_width([&](std::string& out) { a.score(u).AppendTo(out); }));
    widths[3] = std::max(widths[3], DisplayWidth(a.grade(u)));
    widths[4] = std::max(widths[4], ascii_width([&](std::string& out) { AppendCounts(out, counts[u]); }));
  }
  std::string out = text::StrCat(a.framework().name(), "  ", a.year(), "年\n");
  for (std::size_t c = 0; c < 5; ++c) {
    AppendPadded(out, kHeader[c], DisplayWidth(kHeader[c]), widths[c], c == 0 || c == 2);
    out += "  ";
  }
  out += "未达标指标\n";
  const auto append_ascii = [&](const auto& append, int width, bool right) {
    const int columns = ascii_width(append);
    AppendPadded(out, cell, columns, width, right);
    out += "  ";
  };
  std::string findings;  // what validation found, unit by unit in ranking order
  std::string failed_text;
  constexpr std::size_t kPiece = std::size_t{64} << 10;
  // In ranking order every unit's cells are a cache miss each: asked for a
  // few rows ahead, and its name (behind its entry in the observations) a
  // few rows later, once that entry is in the cache.
  constexpr std::size_t kAhead = 16;
  const std::vector<std::size_t>& ranking = a.ranking();
  for (std::size_t k = 0; k < ranking.size(); ++k) {
    if (k + kAhead < ranking.size()) {
      const std::size_t ahead = ranking[k + kAhead];
      __builtin_prefetch(&a.units()[ahead]);
      __builtin_prefetch(&counts[ahead]);
      __builtin_prefetch(&failed[ahead * words]);
      __builtin_prefetch(&name_widths[ahead]);
    }
    if (k + kAhead / 2 < ranking.size()) __builtin_prefetch(&name_of(ranking[k + kAhead / 2]));
    const std::size_t u = ranking[k];
    append_ascii([&](std::string& o) { rank_of(o, u); }, widths[0], true);
    AppendPadded(out, name_of(u), name_widths[u], widths[1]);
    out += "  ";
    append_ascii([&](std::string& o) { a.score(u).AppendTo(o); }, widths[2], true);
    AppendPadded(out, a.grade(u), DisplayWidth(a.grade(u)), widths[3]);
    out += "  ";
    append_ascii([&](std::string& o) { AppendCounts(o, counts[u]); }, widths[4], false);
    failed_text.clear();
    for (std::size_t w = 0; w < words; ++w) {
      for (std::uint64_t bits = failed[u * words + w]; bits != 0; bits &= bits - 1) {
        const std::size_t i = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        report_parts::AppendFailed(failed_text, indicators[i].number, (invalid[u * words + w] >> (i % 64)) & 1, ",");
      }
    }
    out += failed_text;
    out += '\n';
    for (const Finding& finding : a.findings(u)) {
      text::StrAppend(&findings, "  ", name_of(u), "  ", report_parts::FindingText(finding), "\n");
    }
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  if (!findings.empty()) text::StrAppend(&out, "\n校验发现:\n", findings);
  sink(out);
}

std::string AssessmentToTable(const Assessment& a) {
  std::string out;
  WriteAssessmentTable(a, [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace healthact

// FormatFrameworkText: a framework's own text laid out, for `healthact fmt`.
//
// It prints the syntax tree, not the checked Framework: the model of a
// county's framework is the city's with the county's changes applied, so
// printing it (FormatFramework) would turn the county's file into a copy of
// the city's.  Comments are not in the tree; they are found in the text with
// their byte offsets and put back beside the statement they preceded or
// followed, so that none is lost.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "core/escape.hpp"
#include "core/strings.hpp"
#include "core/text_limits.hpp"
#include "core/utf8.hpp"
#include "healthact/core/limits.hpp"
#include "healthact/core/measure_unit.hpp"
#include "healthact/core/messages.hpp"
#include "healthact/lang/dsl.hpp"
#include "lang/grammar.hpp"
#include "lang/statement_loop.hpp"
#include "lang/vocabulary.hpp"

namespace healthact {
namespace {

namespace ast = dsl::ast;

// A `# …` comment: where it starts, its text (up to the end of its line,
// without trailing white space), and whether code precedes it on its line.
struct Comment {
  std::size_t offset = 0;
  std::string_view text;
  bool after_code = false;
};

// The comments of a text that parses: a `#` outside a quoted text begins one.
// (UTF-8 continuation bytes are never '#', '"' or '\\'.)
std::vector<Comment> FindComments(std::string_view text) {
  std::vector<Comment> comments;
  bool code_on_line = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      code_on_line = false;
    } else if (c == '"') {
      code_on_line = true;
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::string_view body = text.substr(i, end - i);
      while (!body.empty() && (body.back() == ' ' || body.back() == '\t' || body.back() == '\r')) {
        body.remove_suffix(1);
      }
      comments.push_back(Comment{i, body, code_on_line});
      i = end - 1;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // A full-width or no-break space before a comment is still space.
      std::size_t next = i;
      const char32_t cp = utf8::Next(text, next);
      if (cp != U'\u3000' && cp != U'\u00A0' && cp != U'\uFEFF') code_on_line = true;
      i = next - 1;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f') {
      code_on_line = true;
    }
  }
  return comments;
}

// The first '}' at or after `from` that is neither in a quoted text nor in a
// comment: an indicator's closing brace, when `from` is its keyword (its
// statements hold no brace outside their quoted texts).
std::size_t ClosingBrace(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (text[i] == '#') {
      i = std::min(text.find('\n', i), text.size());
    } else if (text[i] == '}') {
      return i;
    }
  }
  return text.size();
}

// Whether the source has a blank line right before `offset`.
bool BlankLineBefore(std::string_view text, std::size_t offset) {
  int newlines = 0;
  while (offset > 0) {
    const char c = text[offset - 1];
    if (c == '\n') {
      if (++newlines == 2) return true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
    --offset;
  }
  return false;
}

template <typename E, std::size_t N>
std::string_view Canonical(const std::array<vocabulary::Word<E>, N>& words, std::string_view text) {
  const std::optional<E> value = vocabulary::Lookup(words, text);
  return value ? vocabulary::Chinese(words, *value) : text;
}

std::string_view KeywordOf(const ast::Token& head) {
  const std::optional<vocabulary::Keyword> keyword = vocabulary::LookupKeyword(head.text);
  return keyword ? vocabulary::Spelling(*keyword).chinese : std::string_view(head.text);
}

bool Is(const ast::Token& head, vocabulary::Keyword keyword) {
  return vocabulary::LookupKeyword(head.text) == keyword;
}

std::string_view UnitWord(std::string_view text) {
  const std::optional<MeasureUnit> unit = ParseMeasureUnit(text);
  return unit ? MeasureUnitSymbol(*unit) : text;
}

// A value's word (实现, --, 下降) in its canonical spelling; numbers as written.
std::string_view ValueWord(std::string_view text) {
  if (dsl::IsAchievementWord(text)) return "实现";
  if (vocabulary::Lookup(vocabulary::kAbsences, text)) return Canonical(vocabulary::kAbsences, text);
  return Canonical(vocabulary::kTrendKinds, text);
}

std::string ItemText(const ast::Item& item) {
  std::string out;
  if (item.comparator) out += Canonical(vocabulary::kComparators, item.comparator->text);
  out += ValueWord(item.body.text);
  if (item.unit) {
    // "74.6岁" stays joined and "实现 %" apart: a unit written apart from a
    // word would otherwise become part of the word.
    if (item.unit->offset != item.body.offset + item.body.text.size()) out += ' ';
    out += UnitWord(item.unit->text);
  }
  return out;
}

std::string ValueText(const ast::Value& value) {
  std::string out;
  for (const ast::Item& item : value) {
    if (!out.empty()) out += "，";
    out += ItemText(item);
  }
  return out;
}

// The grammar nests a sum's terms and a term's factors as Exprs of their
// own; only a factor that is an Expr was written in parentheses.
enum class Level { kSum, kTerm, kFactor };

std::string ExprText(const ast::Expr& expr, Level level = Level::kSum);

std::string OperandText(const ast::Operand& operand, Level level) {
  if (const auto* token = boost::get<ast::Token>(&operand)) return token->text;
  const ast::Expr& expr = boost::get<ast::x3::forward_ast<ast::Expr>>(operand).get();
  if (level == Level::kTerm) return ExprText(expr, Level::kTerm);
  return "(" + ExprText(expr, Level::kSum) + ")";
}

std::string ExprText(const ast::Expr& expr, Level level) {
  const Level operands = level == Level::kSum ? Level::kTerm : Level::kFactor;
  std::string out = OperandText(expr.first, operands);
  for (const ast::Operation& operation : expr.rest) {
    text::StrAppend(&out, " ", operation.op.text, " ", OperandText(operation.operand, operands));
  }
  return out;
}

std::string SourceText(const ast::SourceStmt& source) {
  std::string out = text::StrCat(KeywordOf(source.head), " ", escape::DslString(source.document.text));
  if (source.locator) text::StrAppend(&out, " ", escape::DslString(source.locator->text));
  return out;
}

// One statement on one line (an indicator's opening line for an indicator).
struct StatementText {
  std::string operator()(const ast::Simple& s) const {
    std::string_view argument = s.argument.text;
    if (Is(s.head, vocabulary::Keyword::kUnit)) argument = UnitWord(argument);
    if (Is(s.head, vocabulary::Keyword::kDirection)) argument = Canonical(vocabulary::kDirections, argument);
    if (Is(s.head, vocabulary::Keyword::kCategory)) argument = Canonical(vocabulary::kCategories, argument);
    if (Is(s.head, vocabulary::Keyword::kBinding)) argument = Canonical(vocabulary::kBindingForces, argument);
    if (Is(s.head, vocabulary::Keyword::kPartialCredit)) {
      argument = Canonical(vocabulary::kPartialCredits, argument);
    }
    return text::StrCat(KeywordOf(s.head), " ", s.argument.quoted ? escape::DslString(argument) : std::string(argument));
  }
  std::string operator()(const ast::SourceStmt& s) const { return SourceText(s); }
  std::string operator()(const ast::SettingStmt& s) const {
    return text::StrCat(KeywordOf(s.head), " ", ItemText(s.value));
  }
  std::string operator()(const ast::CountStmt& s) const {
    return text::StrCat(KeywordOf(s.head), " ", s.name.text, " ", UnitWord(s.unit.text));
  }
  std::string operator()(const ast::Assignment& s) const {
    std::string_view subject = s.subject.text;
    if (Is(s.head, vocabulary::Keyword::kDepartmentWeight)) {
      subject = Canonical(vocabulary::kDepartmentParts, subject);
    }
    if (Is(s.head, vocabulary::Keyword::kTaskCredit)) subject = Canonical(vocabulary::kTaskStates, subject);
    return text::StrCat(KeywordOf(s.head), " ", s.subject.quoted ? escape::DslString(subject) : std::string(subject),
                        " ", s.value.text);
  }
  std::string operator()(const ast::YearValueStmt& s) const {
    std::string out =
        text::StrCat(KeywordOf(s.head), " ", ValueWord(s.year.text), " ", ValueText(s.value));
    if (s.source) text::StrAppend(&out, " ", SourceText(*s.source));
    return out;
  }
  std::string operator()(const ast::PartStmt& s) const {
    return text::StrCat(KeywordOf(s.head), " ", s.number.text, " ", escape::DslString(s.name.text));
  }
  std::string operator()(const ast::FormulaStmt& s) const {
    std::string out = text::StrCat(KeywordOf(s.head), " ", ExprText(s.expression));
    if (s.round) {
      text::StrAppend(&out, " ", KeywordOf(s.round->head), " ", s.round->places.text);
      if (s.round->rule) text::StrAppend(&out, " ", Canonical(vocabulary::kRoundings, s.round->rule->text));
    }
    return out;
  }
  std::string operator()(const ast::RangeStmt& s) const {
    return text::StrCat(KeywordOf(s.head), " ", ValueWord(s.low.text), " ", ValueWord(s.high.text));
  }
  std::string operator()(const ast::RuleStmt& s) const {
    std::string out = text::StrCat(KeywordOf(s.head), " ", Canonical(vocabulary::kSeverities, s.severity.text),
                                   " ", ExprText(s.left), " ",
                                   Canonical(vocabulary::kComparators, s.comparator.text), " ",
                                   ExprText(s.right));
    if (s.message) text::StrAppend(&out, " ", escape::DslString(s.message->text));
    return out;
  }
  std::string operator()(const ast::IndicatorStmt& s) const {
    std::string out = text::StrCat(KeywordOf(s.head), " ", s.number.text);
    if (s.name) text::StrAppend(&out, " ", escape::DslString(s.name->text));
    return out + " {";
  }
};

// Writes the lines, putting each comment back before the first line that
// follows it in the source, or after the line it trails.
class Layout {
 public:
  Layout(std::string_view text, std::vector<Comment> comments)
      : text_(text), comments_(std::move(comments)) {}

  // A statement's line for the source at `offset`; `separate` asks for a
  // blank line before it, above the comments that lead into it.
  void Line(std::size_t offset, int depth, std::string_view line, bool separate) {
    const bool led = FlushCommentsBefore(offset, depth, separate);
    if ((separate && !led) || BlankLineBefore(text_, offset)) Blank();
    Append(depth, line);
  }

  // A block's closing brace at `offset`; the comments before it stay inside.
  void Close(std::size_t offset, int depth) {
    FlushCommentsBefore(offset, depth + 1, false);
    Append(depth, "}");
  }

  std::string Finish() {
    FlushCommentsBefore(text_.size(), 0, false);
    return std::move(out_);
  }

 private:
  // Writes the comments before `offset`; true when some of them lead into
  // the line there (no blank line between them and it).
  bool FlushCommentsBefore(std::size_t offset, int depth, bool separate) {
    std::size_t end = next_comment_;
    while (end < comments_.size() && comments_[end].offset < offset) ++end;
    std::size_t lead = end;
    if (offset >= text_.size() || !BlankLineBefore(text_, offset)) {
      while (lead > next_comment_ && !comments_[lead - 1].after_code) {
        --lead;
        if (BlankLineBefore(text_, comments_[lead].offset)) break;
      }
    }
    for (; next_comment_ < end; ++next_comment_) {
      const Comment& comment = comments_[next_comment_];
      if (comment.after_code && !out_.empty()) {
        out_.pop_back();  // the '\n' of the line it trails
        text::StrAppend(&out_, "  ", comment.text, "\n");
        continue;
      }
      if (BlankLineBefore(text_, comment.offset) || (separate && next_comment_ == lead)) Blank();
      Append(depth, comment.text);
    }
    return lead < end;
  }

  void Append(int depth, std::string_view line) {
    out_.append(static_cast<std::size_t>(2 * depth), ' ');
    text::StrAppend(&out_, line, "\n");
  }

  // One blank line at most, none at the top or right after a block opens.
  void Blank() {
    if (out_.empty() || out_.ends_with("\n\n") || out_.ends_with("{\n")) return;
    out_ += '\n';
  }

  std::string_view text_;
  std::vector<Comment> comments_;
  std::size_t next_comment_ = 0;
  std::string out_;
};

std::size_t HeadOffset(const auto& statement) {
  return boost::apply_visitor([](const auto& s) { return s.head.offset; }, statement);
}

}  // namespace

absl::StatusOr<std::string> FormatFrameworkText(std::string_view text, std::string_view file_name) {
  std::optional<Diagnostic> refused;
  if (const std::optional<std::size_t> bad = utf8::FindInvalid(text)) {
    refused = dsl::MakeDiagnostic(DiagnosticCode::kInvalidUtf8, file_name, text.substr(0, *bad), *bad,
                                  messages::Format("the text is not valid UTF-8 (byte 0x$0); save the file as UTF-8",
                                                   absl::StrFormat("%02X", static_cast<unsigned char>(text[*bad]))));
  } else if (!(refused = CheckTextSize(text, file_name, limits::kMaxTextBytes))) {
    refused = CheckNesting(text, file_name);
  }
  if (refused) return absl::InvalidArgumentError(refused->ToString());
  Layout layout(text, FindComments(text));
  std::size_t offset = 0;
  bool first = true;
  while (true) {
    ast::TopStmt statement;
    dsl::SyntaxError error;
    const dsl::StatementResult result = dsl::ParseTopStatement(text, offset, statement, error);
    if (result == dsl::StatementResult::kEndOfText) break;
    if (result == dsl::StatementResult::kError) {
      return absl::InvalidArgumentError(
          dsl::MakeDiagnostic(error.code, file_name, text, error.offset, error.message).ToString());
    }
    const auto* indicator = boost::get<ast::IndicatorStmt>(&statement);
    const auto* simple = boost::get<ast::Simple>(&statement);
    // Indicators, and the 依据 that heads a group of them, stand apart.
    const bool separate =
        !first && (indicator != nullptr || (simple && Is(simple->head, vocabulary::Keyword::kBasis)));
    layout.Line(HeadOffset(statement), 0, boost::apply_visitor(StatementText{}, statement), separate);
    if (indicator) {
      for (const ast::InnerStmt& inner : indicator->body) {
        layout.Line(HeadOffset(inner), 1, boost::apply_visitor(StatementText{}, inner), false);
      }
      layout.Close(ClosingBrace(text, indicator->head.offset), 0);
    }
    first = false;
  }
  return layout.Finish();
}

}  // namespace healthact

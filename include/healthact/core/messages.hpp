// Messages in the reader's language, through gettext catalogs.
//
// Every text for people is written once in the code, in the language it was
// first written in, as a literal wrapped in Tr() or Format() (Noop() in a table): the library's
// diagnostics and the tool's messages in English, the verdict reasons and
// notes in Chinese (the documents' words).  po/zh.po gives the Chinese of
// the English ones and po/en.po the English of the Chinese ones; msgfmt
// compiles both at build time and the library carries them (no file to find
// at run time).  A text a catalog lacks is written as it is in the code; a
// test (tests/catalogs_test.py) fails when one does.
//
// Placeholders are Abseil's $0, $1, …, so that a translation may put them in
// another order.  Public so that the tool (and a program built on the
// library) writes its own messages through the same catalogs.
#ifndef HEALTHACT_MESSAGES_HPP_
#define HEALTHACT_MESSAGES_HPP_

#include <string>
#include <string_view>

#include "absl/strings/substitute.h"
#include "healthact/core/language.hpp"

namespace healthact::messages {

// `msgid` (a literal) in the calling thread's language.
std::string_view Tr(const char* msgid);

// Marks a literal in a table as a message, for Tr() to translate where it is
// shown (the table is built before any language is chosen); xgettext finds it
// by this name.
constexpr const char* Noop(const char* msgid) { return msgid; }

namespace internal {
// Abseil's string_view, where it is not std::string_view (Debian builds it so).
inline absl::string_view View(std::string_view text) { return absl::string_view(text.data(), text.size()); }
template <typename T>
const T& Pass(const T& value) {
  return value;
}
inline absl::string_view Pass(std::string_view text) { return View(text); }
}  // namespace internal

// `msgid` in the thread's language with its placeholders filled.
template <typename... Args>
std::string Format(const char* msgid, const Args&... args) {
  return absl::Substitute(internal::View(Tr(msgid)), internal::Pass(args)...);
}

}  // namespace healthact::messages

#endif  // HEALTHACT_MESSAGES_HPP_

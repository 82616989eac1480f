// The language the library writes its messages in: diagnostics, verdict
// reasons, review and monitoring notes, the tool's own messages.  Chinese or
// English, chosen per thread, so that a host (an MIS, a Python process) can
// serve both without touching the process's locale or environment.
//
// Codes, positions, JSON keys, status names and every figure are the same in
// both languages: only the words for people change.
#ifndef HEALTHACT_LANGUAGE_HPP_
#define HEALTHACT_LANGUAGE_HPP_

#include <cstdint>
#include <optional>
#include <string_view>

namespace healthact {

enum class Language : std::int32_t { kChinese = 0, kEnglish = 1 };

// The calling thread's language: Chinese, the documents' language, until the
// thread chooses another.
Language CurrentLanguage();
void SetCurrentLanguage(Language language);

// "zh", "en", or a locale name: zh_CN.UTF-8 and zh_TW are Chinese, en_GB and
// de_DE.UTF-8 are English (the only other language there is).  nullopt for C,
// POSIX and the empty name, which state no preference.
std::optional<Language> ParseLanguage(std::string_view name);

// The language the environment asks for, as a command-line program reads it:
// LANGUAGE's first entry, else LC_ALL, LC_MESSAGES, LANG, the first that is
// set and states a preference.
std::optional<Language> LanguageFromEnvironment();

// The thread's language for the life of a scope.
class ScopedLanguage {
 public:
  explicit ScopedLanguage(Language language) : previous_(CurrentLanguage()) { SetCurrentLanguage(language); }
  ~ScopedLanguage() { SetCurrentLanguage(previous_); }
  ScopedLanguage(const ScopedLanguage&) = delete;
  ScopedLanguage& operator=(const ScopedLanguage&) = delete;

 private:
  Language previous_;
};

}  // namespace healthact

#endif  // HEALTHACT_LANGUAGE_HPP_

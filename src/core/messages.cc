#include "healthact/core/messages.hpp"

#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <locale>
#include <string>
#include <vector>

#include "core/catalogs.hpp"

namespace healthact {
namespace {

thread_local Language current_language = Language::kChinese;

// One language's catalog, read by Boost.Locale's gettext reader from the
// compiled catalog the library carries: glibc's libintl would choose the
// language by the process's locale and LANGUAGE, which a library embedded
// in another program must neither depend on nor change, and which cannot
// differ between two threads.
class Catalog {
 public:
  explicit Catalog(std::string_view language, std::string_view compiled) {
    boost::locale::gnu_gettext::messages_info info;
    info.language = std::string(language);
    info.encoding = "UTF-8";
    info.paths = {"/healthact"};
    info.domains = {boost::locale::gnu_gettext::messages_info::domain("healthact")};
    const std::string file = "/healthact/" + std::string(language) + "/LC_MESSAGES/healthact.mo";
    info.callback = [file, compiled](const std::string& name, const std::string&) {
      return name == file ? std::vector<char>(compiled.begin(), compiled.end()) : std::vector<char>();
    };
    locale_ = std::locale(std::locale::classic(), boost::locale::gnu_gettext::create_messages_facet<char>(info));
    format_ = &std::use_facet<boost::locale::message_format<char>>(locale_);
  }

  // The translation of `msgid`, or nullptr.
  const char* Find(const char* msgid) const { return format_->get(0, nullptr, msgid); }

 private:
  std::locale locale_;  // owns the facet
  const boost::locale::message_format<char>* format_ = nullptr;
};

const Catalog& CatalogOf(Language language) {
  static const Catalog chinese("zh", catalogs::kChinese);
  static const Catalog english("en", catalogs::kEnglish);
  return language == Language::kChinese ? chinese : english;
}

}  // namespace

Language CurrentLanguage() { return current_language; }
void SetCurrentLanguage(Language language) { current_language = language; }

std::optional<Language> ParseLanguage(std::string_view name) {
  if (name.empty() || name == "C" || name == "POSIX" || name.starts_with("C.")) return std::nullopt;
  if (name == "zh" || name.starts_with("zh_") || name.starts_with("zh-") || name.starts_with("zh.")) {
    return Language::kChinese;
  }
  return Language::kEnglish;
}

std::optional<Language> LanguageFromEnvironment() {
  if (const char* list = std::getenv("LANGUAGE"); list != nullptr && *list != '\0') {
    const std::string_view all(list);
    if (std::optional<Language> first = ParseLanguage(all.substr(0, all.find(':')))) return first;
  }
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value == nullptr || *value == '\0') continue;
    return ParseLanguage(value);  // the first set decides, as setlocale reads them
  }
  return std::nullopt;
}

namespace messages {

namespace {

// The last translations looked up, by the msgid's address: a reason is
// written for every verdict of an assessment, and the catalog's lookup
// hashes the whole msgid every time.  The address alone does not decide (a
// caller may pass a temporary's text, and another text may come to live at
// that address later): the entry keeps the msgid's text and is used only
// when it still matches.
struct CachedTranslation {
  const char* msgid = nullptr;
  Language language = Language::kChinese;
  std::string text;  // the msgid's text when it was looked up
  std::string_view translated;
};
constexpr std::size_t kCachedTranslations = 256;
thread_local std::array<CachedTranslation, kCachedTranslations> cached_translations;

std::string_view Lookup(const char* msgid) {
  const char* translated = CatalogOf(current_language).Find(msgid);
  return translated != nullptr ? std::string_view(translated) : std::string_view(msgid);
}

}  // namespace

std::string_view Tr(const char* msgid) {
  const auto address = reinterpret_cast<std::uintptr_t>(msgid);
  CachedTranslation& entry = cached_translations[(address >> 3) % kCachedTranslations];
  if (entry.msgid == msgid && entry.language == current_language && entry.text == msgid) {
    // A text not in the catalog is the msgid itself: the caller's, not the copy.
    return entry.translated.data() == entry.text.data() ? std::string_view(msgid, entry.text.size())
                                                        : entry.translated;
  }
  const std::string_view translated = Lookup(msgid);
  entry.msgid = msgid;
  entry.language = current_language;
  entry.text = msgid;
  // Untranslated, the view is of the caller's msgid: remembered as "itself".
  entry.translated = translated.data() == msgid ? std::string_view(entry.text) : translated;
  return translated;
}

}  // namespace messages
}  // namespace healthact

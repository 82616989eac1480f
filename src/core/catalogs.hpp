// The compiled message catalogs (po/zh.po, po/en.po through msgfmt), as the
// library carries them: generated at build time into catalogs.cc.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_CATALOGS_HPP_
#define HEALTHACT_SRC_CATALOGS_HPP_

#include <string_view>

namespace healthact::catalogs {

extern const std::string_view kChinese;  // zh.mo: the Chinese of the English texts
extern const std::string_view kEnglish;  // en.mo: the English of the Chinese texts

}  // namespace healthact::catalogs

#endif  // HEALTHACT_SRC_CATALOGS_HPP_

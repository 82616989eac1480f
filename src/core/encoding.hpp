// Text that comes in another encoding than UTF-8: Chinese spreadsheets
// saved as CSV are GB18030 (GBK) unless the clerk chose "CSV UTF-8".
// Internal header: not installed.
#ifndef HEALTHACT_SRC_CORE_ENCODING_HPP_
#define HEALTHACT_SRC_CORE_ENCODING_HPP_

#include <optional>
#include <string>
#include <string_view>

namespace healthact::encoding {

// `text` (not valid UTF-8) read as GB18030 and converted to UTF-8 by glibc's
// iconv, when the whole of it converts and reads as Chinese text: every
// character outside ASCII a CJK ideograph, CJK or full-width punctuation, or
// a common symbol (°, ±, ×, ‰, …).  nullopt otherwise: the bytes are not
// GB18030 text, or not text a figures file holds, and no guess is made.
std::optional<std::string> FromGb18030(std::string_view text);

}  // namespace healthact::encoding

#endif  // HEALTHACT_SRC_CORE_ENCODING_HPP_

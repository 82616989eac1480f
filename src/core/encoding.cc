// FromGb18030 (encoding.hpp), through glibc's iconv.
#include "core/encoding.hpp"

#include <iconv.h>

#include <cerrno>

#include "core/utf8.hpp"

namespace healthact::encoding {
namespace {

// What a figures file written in Chinese holds outside ASCII.
bool IsChineseText(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||   // extension A
         (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation
         (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
         (c >= 0x2000 && c <= 0x206F) ||   // general punctuation (—, …, ‰)
         (c >= 0x2100 && c <= 0x218F) ||   // letterlike, number forms (℃, Ⅰ)
         (c >= 0x00A0 && c <= 0x00FF);     // Latin-1 symbols (°, ±, ×, ÷)
}

}  // namespace

std::optional<std::string> FromGb18030(std::string_view text) {
  const iconv_t converter = iconv_open("UTF-8", "GB18030");
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(text.size() * 2 + 16, '\0');  // GBK's two bytes become three; grown on E2BIG
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* to = out.data();
  std::size_t to_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(converter, &in, &in_left, &to, &to_left) != static_cast<std::size_t>(-1)) continue;
    if (errno != E2BIG) {
      ok = false;  // EILSEQ or EINVAL: not GB18030
      break;
    }
    const std::size_t used = out.size() - to_left;
    out.resize(out.size() * 2);
    to = out.data() + used;
    to_left = out.size() - used;
  }
  iconv_close(converter);
  if (!ok) return std::nullopt;
  out.resize(out.size() - to_left);
  if (utf8::FindInvalid(out)) return std::nullopt;
  for (std::size_t offset = 0; offset < out.size();) {
    const char32_t c = utf8::Next(out, offset);
    if (c >= 0x80 && !IsChineseText(c)) return std::nullopt;
  }
  return out;
}

}  // namespace healthact::encoding

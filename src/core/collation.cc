#include "core/collation.hpp"

#include <unicode/uclean.h>
#include <unicode/ucol.h>
#include <unicode/uiter.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

namespace healthact::collation {
namespace {

struct CloseCollator {
  void operator()(UCollator* collator) const { ucol_close(collator); }
};
using Collator = std::unique_ptr<UCollator, CloseCollator>;

// A collator for one listing.  After the first, which loads ICU's data
// (some 25 ms), opening one costs about a microsecond: ICU caches it.
Collator OpenChinese() {
  UErrorCode error = U_ZERO_ERROR;
  Collator collator(ucol_open("zh", &error));
  if (U_FAILURE(error)) return nullptr;
  ucol_setAttribute(collator.get(), UCOL_NUMERIC_COLLATION, UCOL_ON, &error);
  if (U_FAILURE(error)) return nullptr;
  return collator;
}

// The text's sort key: comparing two keys' bytes compares the texts.
std::string SortKey(const UCollator* collator, std::string_view text) {
  UCharIterator iterator;
  std::string key;
  std::uint32_t state[2] = {0, 0};
  char part[256];
  while (true) {
    uiter_setUTF8(&iterator, text.data(), static_cast<std::int32_t>(text.size()));
    UErrorCode error = U_ZERO_ERROR;
    const std::int32_t written = ucol_nextSortKeyPart(collator, &iterator, state, reinterpret_cast<uint8_t*>(part),
                                                      static_cast<std::int32_t>(sizeof part), &error);
    if (U_FAILURE(error)) return std::string(text);
    key.append(part, static_cast<std::size_t>(written));
    if (written < static_cast<std::int32_t>(sizeof part)) return key;
  }
}

}  // namespace

std::vector<std::int32_t> Ranks(const std::vector<std::string_view>& texts) {
  std::vector<std::int32_t> order(texts.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::string> keys;
  if (texts.size() > 1) {
    if (const Collator collator = OpenChinese()) {
      keys.reserve(texts.size());
      for (std::string_view text : texts) keys.push_back(SortKey(collator.get(), text));
    }
  }
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    if (!keys.empty()) {
      if (const int by_key = keys[a].compare(keys[b]); by_key != 0) return by_key < 0;
    }
    return texts[a] < texts[b];
  });
  std::vector<std::int32_t> ranks(texts.size());
  for (std::size_t position = 0; position < order.size(); ++position) {
    ranks[order[position]] = static_cast<std::int32_t>(position);
  }
  return ranks;
}

void ReleaseCaches() { u_cleanup(); }

}  // namespace healthact::collation

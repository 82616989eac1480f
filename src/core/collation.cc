#include "core/collation.hpp"

#include <unicode/uclean.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <future>
#include <memory>
#include <numeric>
#include <string>
#include <system_error>
#include <thread>

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

// The sort keys of texts[from, to), one after another in `bytes`, key k
// ending at ends[k - from]: comparing two keys' bytes compares the texts.
// One buffer, not a string a key: a listing of 40 000 names made 40 000
// allocations, and the sort's comparisons ran all over the heap.  Keys come
// from UTF-16 through ucol_getSortKey, which costs less than ICU's
// incremental ucol_nextSortKeyPart over UTF-8.  False when ICU fails.
bool MakeSortKeys(const std::vector<std::string_view>& texts, std::size_t from, std::size_t to,
                  std::string& bytes, std::vector<std::size_t>& ends) {
  const Collator collator = OpenChinese();
  if (!collator) return false;
  std::u16string utf16;
  bytes.clear();
  ends.clear();
  ends.reserve(to - from);
  for (std::size_t k = from; k < to; ++k) {
    const std::string_view text = texts[k];
    UErrorCode error = U_ZERO_ERROR;
    std::int32_t length = 0;
    // A UTF-8 text needs at most one UTF-16 unit a byte.
    utf16.resize(text.size());
    u_strFromUTF8(utf16.data(), static_cast<std::int32_t>(utf16.size()), &length, text.data(),
                  static_cast<std::int32_t>(text.size()), &error);
    if (U_FAILURE(error)) return false;
    const std::size_t at = bytes.size();
    // A key is rarely more than four bytes a unit; ICU says how many it
    // needs when they do not fit, and the key is made again.
    std::size_t room = 4 * static_cast<std::size_t>(length) + 16;
    while (true) {
      bytes.resize(at + room);
      const std::int32_t needed = ucol_getSortKey(collator.get(), utf16.data(), length,
                                                  reinterpret_cast<uint8_t*>(bytes.data() + at),
                                                  static_cast<std::int32_t>(room));
      if (needed <= 0) return false;
      if (static_cast<std::size_t>(needed) <= room) {
        bytes.resize(at + static_cast<std::size_t>(needed) - 1);  // without its closing 0
        break;
      }
      room = static_cast<std::size_t>(needed);
    }
    ends.push_back(bytes.size());
  }
  return true;
}

// A long listing's keys are made on two cores (a key costs some 2 000
// instructions; 40 000 names took a tenth of `healthact assess`), each half
// with its own collator: a UCollator is not to be shared between threads.
inline constexpr std::size_t kKeysOnTwoCores = 8192;

}  // namespace

std::vector<std::int32_t> Ranks(const std::vector<std::string_view>& texts) {
  const std::size_t n = texts.size();
  std::vector<std::int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::string bytes[2];
  std::vector<std::size_t> ends[2];
  std::vector<std::string_view> keys;
  if (n > 1) {
    const std::size_t half = n >= kKeysOnTwoCores && std::thread::hardware_concurrency() >= 2 ? n / 2 : n;
    bool made_second = half == n;
    std::future<bool> second;
    if (half < n) {
      try {
        second = std::async(std::launch::async, [&] { return MakeSortKeys(texts, half, n, bytes[1], ends[1]); });
      } catch (const std::system_error&) {
        made_second = MakeSortKeys(texts, half, n, bytes[1], ends[1]);  // no thread to be had
      }
    }
    const bool made_first = MakeSortKeys(texts, 0, half, bytes[0], ends[0]);
    if (second.valid()) made_second = second.get();
    if (made_first && made_second) {
      keys.reserve(n);
      for (int part = 0; part < 2; ++part) {
        std::size_t begin = 0;
        for (std::size_t end : ends[part]) {
          keys.emplace_back(bytes[part].data() + begin, end - begin);
          begin = end;
        }
      }
    }
  }
  std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
    if (!keys.empty()) {
      if (const int by_key = keys[static_cast<std::size_t>(a)].compare(keys[static_cast<std::size_t>(b)]);
          by_key != 0) {
        return by_key < 0;
      }
    }
    return texts[static_cast<std::size_t>(a)] < texts[static_cast<std::size_t>(b)];
  });
  std::vector<std::int32_t> ranks(n);
  for (std::size_t position = 0; position < order.size(); ++position) {
    ranks[static_cast<std::size_t>(order[position])] = static_cast<std::int32_t>(position);
  }
  return ranks;
}

void ReleaseCaches() { u_cleanup(); }

}  // namespace healthact::collation

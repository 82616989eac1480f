// The first of a few given bytes in a text, sixteen bytes at a time.
//
// The readers of data files and the checks that pass over a whole framework
// text before it is parsed look for a handful of ASCII bytes among many that
// are not (digits, or Chinese in UTF-8, whose bytes are all 0x80 or more and
// so never equal an ASCII byte).  Where SSE2 is (every x86-64), one load and
// a comparison per byte sought rule out sixteen bytes without a branch each;
// a byte loop's mispredictions had made it a fifth of reading a large file.
#ifndef HEALTHACT_SRC_CORE_BYTE_SEARCH_HPP_
#define HEALTHACT_SRC_CORE_BYTE_SEARCH_HPP_

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace healthact {

// The first byte in [at, end) equal to one of kBytes, or `end`.
template <char... kBytes>
inline const char* FindFirstOf(const char* at, const char* end) {
  static_assert(sizeof...(kBytes) > 0);
#if defined(__SSE2__)
  while (end - at >= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    __m128i found = _mm_setzero_si128();
    ((found = _mm_or_si128(found, _mm_cmpeq_epi8(block, _mm_set1_epi8(kBytes)))), ...);
    if (const int mask = _mm_movemask_epi8(found); mask != 0) {
      return at + __builtin_ctz(static_cast<unsigned>(mask));
    }
    at += 16;
  }
#endif
  while (at < end && ((*at != kBytes) && ...)) ++at;
  return at;
}

}  // namespace healthact

#endif  // HEALTHACT_SRC_CORE_BYTE_SEARCH_HPP_

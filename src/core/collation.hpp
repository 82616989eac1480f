// The order an office lists names in when nothing else gives one: Chinese
// collation as ICU has it for "zh" (pinyin, then strokes for what pinyin
// cannot tell apart), with digits compared by their numeric value (第2组
// before 第10组).  Never the order of code points, which puts 丁 before 甲.
// Internal header: not installed.
#ifndef HEALTHACT_SRC_COLLATION_HPP_
#define HEALTHACT_SRC_COLLATION_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

namespace healthact::collation {

// Each text's position in that order (0 for the first).  Texts the
// collation holds equal are ordered by their bytes, so that the order is
// total and the same on every machine.  The texts must be UTF-8.
std::vector<std::int32_t> Ranks(const std::vector<std::string_view>& texts);

// Releases ICU's process-wide caches (u_cleanup): for hact_shutdown only.
void ReleaseCaches();

}  // namespace healthact::collation

#endif  // HEALTHACT_SRC_COLLATION_HPP_

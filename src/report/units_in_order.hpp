// Each unit's text of a long report (CSV, JSON), made on two cores and
// written in the order given.  Internal header: not installed.
//
// Explaining a verdict and wording its reason costs far more than judging
// it, so an assessment's CSV or JSON took several times as long as its
// table.  The units are independent: a second thread makes every other batch
// of units while the calling thread makes and writes the rest.  The text is
// the same byte for byte as on one thread.
#ifndef HEALTHACT_SRC_REPORT_UNITS_IN_ORDER_HPP_
#define HEALTHACT_SRC_REPORT_UNITS_IN_ORDER_HPP_

#include <algorithm>
#include <cstddef>
#include <future>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "healthact/core/language.hpp"
#include "healthact/report/assessment_text.hpp"

namespace healthact::report_parts {

// Units a batch; fewer than two batches' worth are made on the calling
// thread alone (a thread is not worth starting for them).
inline constexpr std::size_t kUnitsPerBatch = 512;
// How many units ahead a writer's data are asked into the cache.
inline constexpr std::size_t kPrefetchAhead = 4;

// Calls make_writer() once for each thread it uses; the writer's
// `void operator()(std::size_t unit, std::string& out)` appends the unit's
// text to `out`, and `void Prefetch(std::size_t unit)` is told of each unit
// a few units before it is written (Observations::PrefetchUnit).  A writer is used by one thread at a time, so it may keep
// its own caches.  The second thread speaks the caller's language.  An
// exception from a writer reaches the caller, after the other thread has
// finished.
template <typename MakeWriter>
void WriteUnitsInOrder(const std::vector<std::size_t>& units, MakeWriter make_writer, const TextSink& sink) {
  const std::size_t n = units.size();
  auto mine = make_writer();
  const auto make_batch = [&units, n](auto& writer, std::size_t from, std::string& out) {
    out.clear();
    const std::size_t end = std::min(n, from + kUnitsPerBatch);
    for (std::size_t i = from; i < std::min(end, from + kPrefetchAhead); ++i) writer.Prefetch(units[i]);
    for (std::size_t i = from; i < end; ++i) {
      if (i + kPrefetchAhead < end) writer.Prefetch(units[i + kPrefetchAhead]);
      writer(units[i], out);
    }
  };
  std::string text;
  if (n < 2 * kUnitsPerBatch || std::thread::hardware_concurrency() < 2) {
    for (std::size_t from = 0; from < n; from += kUnitsPerBatch) {
      make_batch(mine, from, text);
      sink(text);
    }
    return;
  }
  // The second thread makes every odd batch into one of two texts, the next
  // one begun before this thread writes the last, so that neither waits
  // while the other writes.
  auto theirs = make_writer();
  const Language language = CurrentLanguage();
  std::string their_text[2];
  const auto start = [&](std::size_t from, std::string& out) -> std::future<void> {
    if (from >= n) return {};
    try {
      return std::async(std::launch::async, [&, from] {
        const ScopedLanguage speaking(language);
        make_batch(theirs, from, out);
      });
    } catch (const std::system_error&) {
      return {};  // no thread to be had: the batch is made on this one
    }
  };
  std::future<void> other = start(kUnitsPerBatch, their_text[0]);  // its end waits for the thread
  for (std::size_t from = 0, pair = 0; from < n; from += 2 * kUnitsPerBatch, ++pair) {
    make_batch(mine, from, text);
    sink(text);
    const std::size_t second = from + kUnitsPerBatch;
    if (second >= n) break;
    std::string& made = their_text[pair % 2];
    if (other.valid()) {
      other.get();
    } else {
      make_batch(mine, second, made);
    }
    other = start(second + 2 * kUnitsPerBatch, their_text[(pair + 1) % 2]);
    sink(made);
  }
}

}  // namespace healthact::report_parts

#endif  // HEALTHACT_SRC_REPORT_UNITS_IN_ORDER_HPP_

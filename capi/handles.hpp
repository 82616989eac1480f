// What the C interface's opaque handles hold, and the rules every entry point
// follows: one status per kind of failure, the message in hact_last_error(),
// which a call that succeeds leaves empty, and no exception out.  Internal to
// capi/: nothing here is installed.
#ifndef HEALTHACT_CAPI_HANDLES_HPP_
#define HEALTHACT_CAPI_HANDLES_HPP_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "healthact.h"
#include "healthact/assess/aggregation.hpp"
#include "healthact/assess/assessment.hpp"
#include "healthact/core/language.hpp"
#include "healthact/assess/review.hpp"
#include "healthact/core/diagnostic.hpp"
#include "healthact/data/observations.hpp"
#include "healthact/model/framework.hpp"
#include "healthact/model/organisation.hpp"
#include "healthact/store/round_file.hpp"

struct hact_diagnostics {
  std::vector<healthact::Diagnostic> items;
  std::vector<std::string> codes;  // "E006", kept for the const char* handed out
};

struct hact_framework {
  std::shared_ptr<const healthact::Framework> framework;
  std::vector<std::string> units;                              // per indicator
  std::map<std::pair<int32_t, int32_t>, std::string> targets;  // (index, year)
};

struct hact_observations {
  // Copy-on-write: an assessment keeps the snapshot it was computed from.
  std::shared_ptr<healthact::Observations> observations = std::make_shared<healthact::Observations>();
  // Set by hact_observations_create: every key added is checked against its
  // indicator numbers, part numbers and count names.
  std::shared_ptr<const healthact::Framework> framework;
  std::set<std::string, std::less<>> keys;
  healthact::Observations& Writable() {
    if (observations.use_count() > 1) {
      observations = std::make_shared<healthact::Observations>(*observations);
    }
    return *observations;
  }
};

// A committee's seats on one date, as a handle of its own: reading it does
// not change the organisation, and two rosters can be read side by side.
struct hact_roster {
  std::vector<healthact::RosterEntry> seats;
  std::vector<std::string> roles;
};

// Tasks of an organisation's meetings, as a handle of their own.
struct hact_tasks {
  struct Item {
    std::string description, owner, due, meeting;
  };
  std::vector<Item> items;
};

struct hact_organisation {
  std::shared_ptr<const healthact::Organisation> organisation;
  // The text it was parsed from, which a round's file keeps; `changed` once
  // a seat change made it differ from that text.
  std::string text;
  bool changed = false;
  // The last roster asked for by hact_organisation_roster (the older pair).
  hact_roster roster;
  // Every approver asked for, by (committee, date): node-based, so that the
  // strings handed out live as long as the handle.
  std::map<std::pair<int32_t, std::string>, std::pair<std::string, std::string>> approvers;
};

struct hact_assessment {
  std::optional<healthact::Assessment> assessment;
  std::vector<std::string> scores;  // by unit index
  // "2,3": each finding's indicators, by unit index, made once.
  std::map<std::size_t, std::vector<std::string>> finding_indicators;
  // Verdicts are explained on first request and kept, so that the strings
  // handed out stay valid; the mutex lets several threads read at once.
  mutable std::mutex mutex;
  struct ShownVerdict {
    healthact::Verdict verdict;
    std::string value, target, reason;  // its texts, made once
  };
  // By (unit index, indicator index, part or -1, language): a thread that
  // reads in English gets its own texts, and the Chinese ones stay valid.
  mutable std::map<std::tuple<std::size_t, std::size_t, int32_t, healthact::Language>, ShownVerdict> verdicts;
};

// A spot-check (复核): the units drawn and, once verified values are given,
// what differs and the assessment recomputed on them.
struct hact_review {
  std::optional<healthact::Assessment> original;  // a copy (it shares the verdicts' storage)
  std::vector<healthact::UnitId> drawn;
  std::vector<std::string> drawn_names;
  std::optional<healthact::ReviewResult> result;
  struct ShownDiscrepancy {
    std::string reported, verified;
  };
  std::vector<ShownDiscrepancy> shown;  // by discrepancy, made once
  // Keeps what the verified values found, with its texts.
  void Keep(healthact::ReviewResult found) {
    result.emplace(std::move(found));
    shown.clear();
    for (const healthact::Discrepancy& d : result->discrepancies) {
      shown.push_back({d.reported.ToString(), d.verified.ToString()});
    }
  }
};

// Parents' values aggregated from their children's, and why some are not.
struct hact_aggregation {
  healthact::AggregationResult result;
};

// A round's file, open.
struct hact_round {
  std::optional<healthact::RoundFile> file;
};

// Where a round stood at a moment: the replayed round (the status points
// into its history) and the texts handed out.
struct hact_round_status {
  std::optional<healthact::Round> round;
  healthact::RoundStatus status;
  int32_t events = 0;
  std::string approved_at, published_at;
  std::vector<std::string> last_submitted;  // by unit
};

namespace healthact::capi {

// This thread's last failure message (hact_last_error).
std::string& LastError();

// Records `message` as the last error and returns `status`.
int32_t Fail(int32_t status, std::string message);
int32_t NullArgument(const char* name);
// A status of the library as the C interface's: NOT_FOUND for what does not
// exist, INTERNAL for a bug or an I/O failure, INVALID for everything the
// rules refuse.
int32_t FailWith(const absl::Status& status);

// Runs one entry point: clears the last error, so that a call that succeeds
// leaves it empty, and turns any exception into HACT_ERROR_INTERNAL.
template <typename Body>
int32_t Guard(Body body) noexcept {
  try {
    LastError().clear();
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(HACT_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return Fail(HACT_ERROR_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return Fail(HACT_ERROR_INTERNAL, "internal error");
  }
}

// HACT_OK, or HACT_ERROR_INVALID when a string that came in is not UTF-8:
// names and keys go out again in JSON and reports, which must be UTF-8.
int32_t CheckUtf8(std::string_view text, const char* name);
int32_t CheckUtf8(const char* text, const char* name);  // NULL is fine

// Hands the diagnostics to the caller (if asked) and returns HACT_OK, or
// HACT_ERROR_INVALID with the first error as the message.
int32_t HandOver(std::vector<Diagnostic> found, bool ok, hact_diagnostics** diagnostics);

// A framework handle around a checked framework.
std::unique_ptr<hact_framework> MakeFramework(std::shared_ptr<const Framework> framework);

// An assessment handle around a computed assessment.
std::unique_ptr<hact_assessment> WrapAssessment(Assessment assessment);

// (indicator index, part index or -1) of an indicator or part number ("9",
// "25.1"), or nothing when the framework has neither.
std::optional<std::pair<std::size_t, int32_t>> FindNumber(const Framework& framework,
                                                          std::string_view number);

// Copies `bytes` into a buffer the caller releases with hact_free, NUL added
// after them (so that text can be read as a C string); *length, if not NULL,
// receives their number without the NUL.
int32_t CopyOut(std::string_view bytes, char** out, size_t* length);

// The unit at rank `position` (0 is first), or HACT_ERROR_RANGE.
int32_t UnitAtPosition(const Assessment& a, int32_t position, std::size_t& u);

}  // namespace healthact::capi

#endif  // HEALTHACT_CAPI_HANDLES_HPP_

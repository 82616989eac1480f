// A round kept in one SQLite file the user names: its definition, the
// framework and organisation texts it is judged by (so that the round
// assesses exactly them, whatever happens to the files later), and its
// events, append-only.  Every append is one transaction that reads the
// history, replays it, checks the new event against the rules and writes it,
// so two processes appending at once are serialised and neither can append
// what the other's event has made wrong; an event the store acknowledged is
// on disk (synchronous=FULL) and a killed process leaves the last
// acknowledged state.  Every row carries a SHA-256 of its content; a file
// that is not a round, is truncated or corrupt, or whose rows do not match
// their hash is refused with an error, never read as a result.
#ifndef HEALTHACT_ROUND_STORE_HPP_
#define HEALTHACT_ROUND_STORE_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "healthact/round/round.hpp"

namespace healthact {

class RoundStore {
 public:
  // Creates `path` holding a new round opened by `opening` (checked against
  // `organisation`, the parse of `organisation_text`); refuses a file that
  // exists.
  static absl::StatusOr<RoundStore> Create(const std::string& path, const RoundEvent& opening,
                                           std::string_view framework_text,
                                           std::string_view organisation_text,
                                           std::shared_ptr<const Organisation> organisation);
  // Creates `path` holding a whole `history` (from software that kept the
  // events itself: ParseRoundEventJson), written in one transaction once it
  // replays under the rules; refuses a file that exists.
  static absl::StatusOr<RoundStore> Import(const std::string& path, const std::vector<RoundEvent>& history,
                                           std::string_view framework_text,
                                           std::string_view organisation_text,
                                           std::shared_ptr<const Organisation> organisation);
  // Opens a round's file, checking that it is one and intact; read-only
  // for a file received from another office, which is never written.
  enum class Access : std::uint8_t { kReadWrite, kReadOnly };
  static absl::StatusOr<RoundStore> Open(const std::string& path, Access access = Access::kReadWrite);

  RoundStore(RoundStore&&) noexcept;
  RoundStore& operator=(RoundStore&&) noexcept;
  ~RoundStore();

  const std::string& framework_text() const { return framework_text_; }
  const std::string& organisation_text() const { return organisation_text_; }
  // The SHA-256 of the file's bytes as they are now.
  absl::StatusOr<std::string> FileSha256() const;

  // Every event, in order, each checked against its hash.
  absl::StatusOr<std::vector<RoundEvent>> Events() const;
  // Appends `event` if the rules allow it after the stored history, judged
  // by `organisation` (the store's own, parsed by the caller); returns its
  // position (1 for the opening).
  absl::StatusOr<std::int64_t> Append(const RoundEvent& event,
                                      std::shared_ptr<const Organisation> organisation);

  struct Connection;  // the SQLite connection; opaque

 private:
  explicit RoundStore(std::unique_ptr<Connection> connection);
  std::unique_ptr<Connection> connection_;
  std::string framework_text_;
  std::string organisation_text_;
};

}  // namespace healthact

#endif  // HEALTHACT_ROUND_STORE_HPP_

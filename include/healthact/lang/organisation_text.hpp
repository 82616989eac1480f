// Organisation texts (.org.ha): the committee, its office, experts, working
// groups, posts and who held them, changes and meetings, as the documents
// state them.  docs/organisation.md is the reference.
#ifndef HEALTHACT_ORGANISATION_TEXT_HPP_
#define HEALTHACT_ORGANISATION_TEXT_HPP_

#include <memory>
#include <string_view>
#include <vector>

#include "healthact/core/diagnostic.hpp"
#include "healthact/model/organisation.hpp"

namespace healthact {

struct ParsedOrganisation {
  std::shared_ptr<const Organisation> organisation;  // null when there is an error
  std::vector<Diagnostic> diagnostics;               // errors, and the structural warnings
  bool ok() const { return organisation != nullptr; }
};

// Parses and checks an organisation text.  Seat changes are checked against
// the documents' procedure as they are read; the structural checks run on
// each committee's roster on the date of its last recorded event.
ParsedOrganisation ParseOrganisation(std::string_view text, std::string_view file_name);

}  // namespace healthact

#endif  // HEALTHACT_ORGANISATION_TEXT_HPP_

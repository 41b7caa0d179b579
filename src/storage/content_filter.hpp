#pragma once

// Which contents a screen shows: the contents list, the board, a search and a saved view all
// filter on the same things under the same names, so they share this one type (each adds its own
// order and paging around it) and these tables of names, read from a query string by the API and
// from a saved view's JSON by search/.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace copydesk::storage {

//! What contents are asked for. Each list means "any of"; an empty list means no filter; a range
//! includes its start and excludes its end.
struct ContentFilter {
  std::vector<std::string> types;  //!< ids or keys
  std::vector<std::string> statuses;
  std::vector<std::string> channels;  //!< a channel includes its sub-channels
  std::vector<std::string> tags;
  std::vector<std::string> owners;
  std::vector<std::string> assignees;
  std::vector<std::string> projects;
  std::vector<std::string> languages;  //!< "fr", "en"
  //! Where the content stands in its publication: unscheduled, planned, late, published (see
  //! content/publication.hpp), evaluated when asked: "late" depends on now.
  std::vector<std::string> publications;
  //! Where the content stands among its linked translations: missing, out_of_date (see
  //! content/translations.hpp).
  std::vector<std::string> translations;
  bool archived = false;  //!< archived contents instead of live ones
  std::optional<TimeMs> publish_from, publish_to, updated_from, updated_to;
  //! The list's and the board's only: the search index keeps no due date, and a search or a
  //! saved view refuses these names.
  std::optional<TimeMs> due_from, due_to;
};

//! A list of a filter under the name it has in a query string ("type=…") and a saved view.
struct ContentFilterList {
  std::string_view name;
  std::vector<std::string> ContentFilter::*member;
};

//! A bound of a range under the name it has in a query string and a saved view.
struct ContentFilterBound {
  std::string_view name;
  std::optional<TimeMs> ContentFilter::*member;
};

//! The filter's lists by name.
inline constexpr ContentFilterList kContentFilterLists[] = {
    {"type", &ContentFilter::types},
    {"status", &ContentFilter::statuses},
    {"channel", &ContentFilter::channels},
    {"tag", &ContentFilter::tags},
    {"owner", &ContentFilter::owners},
    {"assignee", &ContentFilter::assignees},
    {"project", &ContentFilter::projects},
    {"language", &ContentFilter::languages},
    {"publication", &ContentFilter::publications},
    {"translation", &ContentFilter::translations},
};

//! The values the `publication` list takes; any other is refused, naming the list.
inline constexpr std::string_view kPublicationStates[] = {"unscheduled", "planned", "late",
                                                          "published"};

//! Refuses (422 naming `publication`) a value of the `publication` list that is not a state.
inline Result<void> CheckPublicationStates(const std::vector<std::string>& values) {
  for (const auto& v : values) {
    bool known = false;
    for (const auto state : kPublicationStates) known = known || v == state;
    if (!known)
      return Error::InvalidField("publication", "must be unscheduled, planned, late or published");
  }
  return {};
}

//! The values the `translation` list takes; any other is refused, naming the list.
inline constexpr std::string_view kTranslationStates[] = {"missing", "out_of_date"};

//! Refuses (422 naming `translation`) a value of the `translation` list that is not a state.
inline Result<void> CheckTranslationStates(const std::vector<std::string>& values) {
  for (const auto& v : values) {
    bool known = false;
    for (const auto state : kTranslationStates) known = known || v == state;
    if (!known) return Error::InvalidField("translation", "must be missing or out_of_date");
  }
  return {};
}

//! The bounds every screen filters on (publication and last change) by name.
inline constexpr ContentFilterBound kContentFilterBounds[] = {
    {"publish_from", &ContentFilter::publish_from},
    {"publish_to", &ContentFilter::publish_to},
    {"updated_from", &ContentFilter::updated_from},
    {"updated_to", &ContentFilter::updated_to},
};

//! The due date's bounds by name: the list's and the board's only.
inline constexpr ContentFilterBound kContentFilterDueBounds[] = {
    {"due_from", &ContentFilter::due_from},
    {"due_to", &ContentFilter::due_to},
};

//! The name of the filter's archived flag ("archived=true").
inline constexpr std::string_view kContentFilterArchived = "archived";

}  // namespace copydesk::storage

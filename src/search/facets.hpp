#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "search/search_index.hpp"

namespace copydesk::search::internal {

//! Hashes a string and a string_view alike, so a facet value is looked up without a copy.
struct ValueHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

//! Counts the facet values of every document the matcher shows it: each match when the matcher
//! visits them all, the first ones it checks otherwise (`seen` says how many). Only permitted
//! contents are matches, so only they are counted.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    ++seen;
    last = doc.get_docid();
    const std::string values = doc.get_value(kSlotFacets);
    const std::string_view all(values);
    std::size_t start = 0;
    while (start < all.size()) {
      auto end = all.find('\x1f', start);
      if (end == std::string_view::npos) end = all.size();
      const auto value = all.substr(start, end - start);
      // Most values were met before: found without copying the value.
      if (auto it = counts.find(value); it != counts.end())
        ++it->second;
      else
        counts.emplace(std::string(value), 1);
      start = end + 1;
    }
  }
  std::int64_t seen = 0;   //!< documents counted
  Xapian::docid last = 0;  //!< the last one (the matcher goes in the order of document ids)
  std::unordered_map<std::string, std::int64_t, ValueHash, std::equal_to<>>
      counts;  //!< facet value → documents counted
};

//! The counts a FacetSpy saw, by facet name (type, status, channel, tag, owner, language), each
//! scaled from the `spy.seen` documents counted to `matches` (none when they are the same: the
//! counts are then exact). A value seen at least once counts at least 1, and none more than
//! `matches`.
std::map<std::string, std::map<std::string, std::int64_t>> FacetsOf(const FacetSpy& spy,
                                                                    std::int64_t matches);

}  // namespace copydesk::search::internal

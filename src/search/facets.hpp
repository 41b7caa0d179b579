#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "search/search_index.hpp"

namespace copydesk::search::internal {

//! Counts every matching document's facet values: with check_at_least covering the whole index,
//! the matcher shows it every match, so counts are exact — and only permitted ones are matches.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    const std::string values = doc.get_value(kSlotFacets);
    std::size_t start = 0;
    while (start < values.size()) {
      auto end = values.find('\x1f', start);
      if (end == std::string::npos) end = values.size();
      ++counts[values.substr(start, end - start)];
      start = end + 1;
    }
  }
  std::unordered_map<std::string, std::int64_t> counts;  //!< facet value → matches
};

//! The counts a FacetSpy saw, by facet name (type, status, channel, tag, owner, language).
std::map<std::string, std::map<std::string, std::int64_t>> FacetsOf(const FacetSpy& spy);

}  // namespace copydesk::search::internal

#pragma once

// A search's answer as the API shows it: its hits, and its facets (how many of the matches fall
// on each type, status, channel, tag, owner and language).

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <string>

#include "search/search.hpp"

namespace copydesk::api {

//! One content found; its snippet (HTML-escaped text with <mark>s) when `with_snippet`.
boost::json::object HitJson(const search::SearchHit& hit, bool with_snippet);

//! Facet name → value → how many matching contents carry it.
boost::json::object FacetsJson(
    const std::map<std::string, std::map<std::string, std::int64_t>>& facets);

//! A search's answer: total, hits with their snippets, facets, and the corrected query when the
//! results are for it.
boost::json::object SearchResultJson(const search::SearchResult& result);

}  // namespace copydesk::api

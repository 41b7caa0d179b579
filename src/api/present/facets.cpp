#include "api/present/facets.hpp"

#include <boost/json/array.hpp>

#include "core/clock.hpp"

namespace copydesk::api {

namespace json = boost::json;

json::object HitJson(const search::SearchHit& hit, bool with_snippet) {
  json::array channels;
  for (const auto& c : hit.channel_ids) channels.push_back(json::string(c));
  json::object o{{"id", hit.id},
                 {"title", hit.title},
                 {"type", hit.type_id},
                 {"status", hit.status_id ? json::value(*hit.status_id) : json::value(nullptr)},
                 {"channels", std::move(channels)},
                 {"language", hit.language},
                 {"updated_at", FormatTime(hit.updated_at)},
                 {"score", hit.score}};
  if (with_snippet) o["snippet"] = hit.snippet;
  return o;
}

json::object FacetsJson(const std::map<std::string, std::map<std::string, std::int64_t>>& facets) {
  json::object out;
  for (const auto& [name, values] : facets) {
    json::object counts;
    for (const auto& [value, count] : values) counts[value] = count;
    out[name] = std::move(counts);
  }
  return out;
}

json::object SearchResultJson(const search::SearchResult& result) {
  json::array items;
  for (const auto& hit : result.items) items.push_back(HitJson(hit, true));
  json::object body{{"total", result.total},
                    {"total_estimated", result.total_estimated},
                    {"items", std::move(items)},
                    {"facets", FacetsJson(result.facets)},
                    {"facets_estimated", result.facets_estimated}};
  if (result.corrected_query) body["corrected_query"] = *result.corrected_query;
  return body;
}

}  // namespace copydesk::api

#include "search/facets.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "search/search_index.hpp"

namespace copydesk::search::internal {

std::map<std::string, std::map<std::string, std::int64_t>> FacetsOf(const FacetSpy& spy,
                                                                    std::int64_t matches) {
  std::map<std::string, std::map<std::string, std::int64_t>> out{
      {"type", {}}, {"status", {}}, {"channel", {}}, {"tag", {}}, {"owner", {}}, {"language", {}}};
  std::map<std::string, std::string> tag_shown;  // folded → as first seen
  // Past the matches counted, each value is assumed to fall on the others as on those counted.
  const double scale = spy.seen > 0 && matches > spy.seen
                           ? static_cast<double>(matches) / static_cast<double>(spy.seen)
                           : 1.0;
  for (const auto& [value, seen] : spy.counts) {
    if (value.empty()) continue;
    const std::int64_t count = std::clamp<std::int64_t>(
        std::llround(static_cast<double>(seen) * scale), 1, std::max(matches, seen));
    const std::string v = value.substr(1);
    switch (value[0]) {
      case 'T':
        out["type"][v] += count;
        break;
      case 'S':
        out["status"][v] += count;
        break;
      case 'C':
        out["channel"][v] += count;
        break;
      case 'O':
        out["owner"][v] += count;
        break;
      case 'L':
        out["language"][v] += count;
        break;
      case 'K': {
        // "Gaz" and "gaz" are one tag.
        auto [it, added] = tag_shown.emplace(FoldForMatch(v), v);
        out["tag"][it->second] += count;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace copydesk::search::internal

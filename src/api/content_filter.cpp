#include "api/content_filter.hpp"

#include <span>
#include <string>

#include "api/content_json.hpp"

namespace copydesk::api {

Result<storage::ContentFilter> ReadContentFilter(const http::Request& req) {
  storage::ContentFilter f;
  for (const auto& list : storage::kContentFilterLists) f.*list.member = req.QueryParams(list.name);
  if (auto checked = storage::CheckPublicationStates(f.publications); !checked)
    return std::move(checked).error();
  if (auto checked = storage::CheckTranslationStates(f.translations); !checked)
    return std::move(checked).error();
  auto archived = BoolParam(req, std::string(storage::kContentFilterArchived));
  if (!archived) return std::move(archived).error();
  f.archived = archived->value_or(false);
  // A search refuses the due date's names before it reads its filter: they are absent there.
  using Bounds = std::span<const storage::ContentFilterBound>;
  for (const Bounds bounds :
       {Bounds(storage::kContentFilterBounds), Bounds(storage::kContentFilterDueBounds)}) {
    for (const auto& bound : bounds) {
      auto t = TimeParam(req, std::string(bound.name));
      if (!t) return std::move(t).error();
      f.*bound.member = *t;
    }
  }
  return f;
}

Result<void> IntParamBetween(const http::Request& req, const std::string& name, int min, int max,
                             int& value) {
  auto n = IntParam(req, name);
  if (!n) return std::move(n).error();
  if (!*n) return {};
  if (**n < min || **n > max) {
    return Error::InvalidField(
        name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  value = static_cast<int>(**n);
  return {};
}

Result<content::ListFilter> ReadListFilter(const http::Request& req) {
  content::ListFilter f;
  f.cursor = req.QueryParam("cursor");
  if (auto sort = req.QueryParam("sort")) {
    // "-updated" or "updated" with order=desc: both read naturally.
    if (!sort->empty() && sort->front() == '-') {
      f.sort = sort->substr(1);
      f.descending = true;
    } else {
      f.sort = *sort;
      f.descending = f.sort == "updated" || f.sort == "created";
    }
  }
  if (auto order = req.QueryParam("order")) {
    if (*order != "asc" && *order != "desc")
      return Error::InvalidField("order", "must be asc or desc");  // a value refused, as sort
    f.descending = *order == "desc";
  }
  if (auto limit = IntParamBetween(req, "limit", 1, 200, f.limit); !limit)
    return std::move(limit).error();
  auto filter = ReadContentFilter(req);
  if (!filter) return std::move(filter).error();
  static_cast<storage::ContentFilter&>(f) = std::move(filter).value();
  return f;
}

}  // namespace copydesk::api

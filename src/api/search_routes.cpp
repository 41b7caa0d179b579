// Search, and contents like a given one or like a text being written: path, input, the search
// (access is part of its queries), presenter.
#include <algorithm>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_filter.hpp"
#include "api/content_json.hpp"
#include "api/present/facets.hpp"
#include "core/text.hpp"
#include "search/search.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// A search's own parameters, beside the filter's names (without due dates: the index keeps none).
constexpr std::string_view kSearchParams[] = {"q",        "sort",   "offset", "limit",
                                              "spelling", "facets", "typing"};

bool IsSearchParam(std::string_view name) {
  const auto named = [name](const auto& entry) { return entry.name == name; };
  return std::ranges::find(kSearchParams, name) != std::end(kSearchParams) ||
         name == storage::kContentFilterArchived ||
         std::ranges::any_of(storage::kContentFilterLists, named) ||
         std::ranges::any_of(storage::kContentFilterBounds, named);
}

Result<search::SearchRequest> ReadSearchRequest(const http::Request& req) {
  // Every parameter a search understands is known; anything else is a mistake worth naming.
  for (const auto& [name, value] : req.query) {
    if (!IsSearchParam(name)) {
      return Error::BadRequest(name + " is not a search parameter.",
                               {{name, "is not a search parameter"}});
    }
  }
  search::SearchRequest r;
  r.q = req.QueryParam("q").value_or("");
  if (CountCharacters(r.q) > 1000)
    return Error::InvalidField("q", "must be at most 1000 characters");
  // The words are stemmed in the languages asked for: only those the index knows.
  for (const auto& l : req.QueryParams("language")) {
    if (l != "fr" && l != "en") return Error::InvalidField("language", "must be fr or en");
  }
  if (auto sort = req.QueryParam("sort")) {
    if (!search::IsSearchSort(*sort))
      return Error::InvalidField("sort", "must be relevance, updated or publish_at");
    r.sort = *sort;
  }
  if (auto offset = IntParamBetween(req, "offset", 0, 10000, r.offset); !offset)
    return std::move(offset).error();
  if (auto limit = IntParamBetween(req, "limit", 1, 100, r.limit); !limit)
    return std::move(limit).error();
  auto filter = ReadContentFilter(req);
  if (!filter) return std::move(filter).error();
  static_cast<storage::ContentFilter&>(r) = std::move(filter).value();
  // spelling=false: the words exactly as typed ("search instead for …"); facets=false: no facet
  // counts, for search as you type.
  auto spelling = BoolParam(req, "spelling");
  if (!spelling) return std::move(spelling).error();
  r.spelling = spelling->value_or(true);
  auto facets = BoolParam(req, "facets");
  if (!facets) return std::move(facets).error();
  r.facets = facets->value_or(true);
  // typing=true: the last word is being typed (the palette): it also matches as a prefix.
  auto typing = BoolParam(req, "typing");
  if (!typing) return std::move(typing).error();
  r.typing = typing->value_or(false);
  return r;
}

Result<int> SimilarLimit(std::optional<std::int64_t> limit) {
  if (!limit) return 5;
  if (*limit < 1 || *limit > 20) return Error::InvalidField("limit", "must be between 1 and 20");
  return static_cast<int>(*limit);
}

Result<int> ReadSimilarLimit(const http::Request& req) {
  auto raw = IntParam(req, "limit");
  if (!raw) return std::move(raw).error();
  return SimilarLimit(*raw);
}

// A text being written, to find the contents it resembles before it is saved.
struct SimilarText {
  std::string title;
  std::string text;
  std::optional<std::string> language;
  std::optional<std::int64_t> raw_limit;
  int limit = 5;
};

SimilarText ReadSimilarText(JsonInput& in) {
  SimilarText t;
  t.title = in.String("title", JsonInput::kOptional, 2000).value_or("");
  t.text = in.String("text", JsonInput::kOptional, 200000).value_or("");
  t.language = in.String("language");
  t.raw_limit = in.Int("limit");
  return t;
}

// The body read strictly first (400 naming a malformed member), then its values checked (422):
// the order of the answers a client gets.
Step SimilarTextInput() {
  return [read = Body(ReadSimilarText)](Call& c) -> Result<void> {
    if (auto ok = read(c); !ok) return ok;
    auto& t = c.input<SimilarText>();
    if (t.language && *t.language != "fr" && *t.language != "en")
      return Error::InvalidField("language", "must be fr or en");
    auto limit = SimilarLimit(t.raw_limit);
    if (!limit) return std::move(limit).error();
    t.limit = *limit;
    return {};
  };
}

json::object HitsJson(const std::vector<search::SearchHit>& hits) {
  return ItemsJson(hits, [](const search::SearchHit& hit) { return HitJson(hit, false); });
}

}  // namespace

void AddSearchRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);

  Mount(router, {
                    {"GET", "/api/v1/workspaces/{ws}/search", member, Query(ReadSearchRequest),
                     [&s](Call& c) {
                       return Present(s.search.Find(c.actor(), c.param("ws"),
                                                    c.input<search::SearchRequest>()),
                                      SearchResultJson);
                     }},
                    {"GET", "/api/v1/contents/{id}/similar", member, Query(ReadSimilarLimit),
                     [&s](Call& c) {
                       return Present(s.search.SimilarTo(c.actor(), c.param("id"), c.input<int>()),
                                      HitsJson);
                     }},
                    {"POST", "/api/v1/workspaces/{ws}/search/similar", member, SimilarTextInput(),
                     [&s](Call& c) {
                       const auto& t = c.input<SimilarText>();
                       return Present(s.search.SimilarToText(c.actor(), c.param("ws"), t.title,
                                                             t.text, t.language, t.limit),
                                      HitsJson);
                     }},
                });
}

}  // namespace copydesk::api

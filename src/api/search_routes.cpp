#include <algorithm>

#include "api/api.hpp"
#include "api/common.hpp"
#include "api/content_json.hpp"
#include "core/text.hpp"
#include "search/search.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

// Every parameter a search understands; anything else is a mistake worth naming.
constexpr std::string_view kSearchParams[] = {
    "q",       "type",     "status",       "channel",    "tag",          "owner",      "assignee",
    "project", "language", "updated_from", "updated_to", "publish_from", "publish_to", "sort",
    "offset",  "limit",    "archived",     "spelling",   "facets"};

Result<search::SearchRequest> ReadSearchRequest(const http::Request& req) {
  for (const auto& [name, value] : req.query) {
    if (std::find(std::begin(kSearchParams), std::end(kSearchParams), name) ==
        std::end(kSearchParams)) {
      return Error::BadRequest(name + " is not a search parameter.",
                               {{name, "is not a search parameter"}});
    }
  }
  search::SearchRequest r;
  r.q = req.QueryParam("q").value_or("");
  if (CountCharacters(r.q) > 1000)
    return Error::InvalidField("q", "must be at most 1000 characters");
  r.types = req.QueryParams("type");
  r.statuses = req.QueryParams("status");
  r.channels = req.QueryParams("channel");
  r.tags = req.QueryParams("tag");
  r.owners = req.QueryParams("owner");
  r.assignees = req.QueryParams("assignee");
  r.projects = req.QueryParams("project");
  r.languages = req.QueryParams("language");
  for (const auto& l : r.languages) {
    if (l != "fr" && l != "en") return Error::InvalidField("language", "must be fr or en");
  }
  if (auto sort = req.QueryParam("sort")) {
    if (!search::IsSearchSort(*sort))
      return Error::InvalidField("sort", "must be relevance, updated or publish_at");
    r.sort = *sort;
  }
  auto offset = IntParam(req, "offset");
  if (!offset) return std::move(offset).error();
  if (*offset) {
    if (**offset < 0 || **offset > 10000)
      return Error::InvalidField("offset", "must be between 0 and 10000");
    r.offset = static_cast<int>(**offset);
  }
  auto limit = IntParam(req, "limit");
  if (!limit) return std::move(limit).error();
  if (*limit) {
    if (**limit < 1 || **limit > 100)
      return Error::InvalidField("limit", "must be between 1 and 100");
    r.limit = static_cast<int>(**limit);
  }
  auto archived = BoolParam(req, "archived");
  if (!archived) return std::move(archived).error();
  r.archived = archived->value_or(false);
  // spelling=false: the words exactly as typed ("search instead for …"); facets=false: no facet
  // counts, for search as you type.
  auto spelling = BoolParam(req, "spelling");
  if (!spelling) return std::move(spelling).error();
  r.spelling = spelling->value_or(true);
  auto facets = BoolParam(req, "facets");
  if (!facets) return std::move(facets).error();
  r.facets = facets->value_or(true);
  struct Range {
    const char* name;
    std::optional<TimeMs>* out;
  };
  for (auto [name, out] :
       {Range{"updated_from", &r.updated_from}, Range{"updated_to", &r.updated_to},
        Range{"publish_from", &r.publish_from}, Range{"publish_to", &r.publish_to}}) {
    auto t = TimeParam(req, name);
    if (!t) return std::move(t).error();
    *out = *t;
  }
  return r;
}

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

json::object HitsJson(const std::vector<search::SearchHit>& hits) {
  json::array items;
  for (const auto& h : hits) items.push_back(HitJson(h, false));
  return {{"items", std::move(items)}};
}

Result<int> SimilarLimit(std::optional<std::int64_t> limit) {
  if (!limit) return 5;
  if (*limit < 1 || *limit > 20) return Error::InvalidField("limit", "must be between 1 and 20");
  return static_cast<int>(*limit);
}

}  // namespace

void AddSearchRoutes(http::Router& router, Services& s) {
  router.Add(
      "GET", "/api/v1/workspaces/{ws}/search", [&s](http::Request& req) -> Result<http::Response> {
        auto actor = Authenticate(s.accounts, req);
        if (!actor) return std::move(actor).error();
        auto request = ReadSearchRequest(req);
        if (!request) return std::move(request).error();
        auto found = s.search.Find(*actor, req.Param("ws"), *request);
        if (!found) return std::move(found).error();
        json::array items;
        for (const auto& hit : found->items) items.push_back(HitJson(hit, true));
        json::object facets;
        for (const auto& [name, values] : found->facets) {
          json::object counts;
          for (const auto& [value, count] : values) counts[value] = count;
          facets[name] = std::move(counts);
        }
        json::object body{
            {"total", found->total}, {"items", std::move(items)}, {"facets", std::move(facets)}};
        if (found->corrected_query) body["corrected_query"] = *found->corrected_query;
        return Json(200, body);
      });

  router.Add("GET", "/api/v1/contents/{id}/similar",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto raw = IntParam(req, "limit");
               if (!raw) return std::move(raw).error();
               auto limit = SimilarLimit(*raw);
               if (!limit) return std::move(limit).error();
               auto hits = s.search.SimilarTo(*actor, req.Param("id"), *limit);
               if (!hits) return std::move(hits).error();
               return Json(200, HitsJson(*hits));
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/search/similar",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto title = in->String("title", JsonInput::kOptional, 2000).value_or("");
               auto text = in->String("text", JsonInput::kOptional, 200000).value_or("");
               auto language = in->String("language");
               auto raw_limit = in->Int("limit");
               if (auto done = in->Finish(); !done) return std::move(done).error();
               if (language && *language != "fr" && *language != "en")
                 return Error::InvalidField("language", "must be fr or en");
               auto limit = SimilarLimit(raw_limit);
               if (!limit) return std::move(limit).error();
               auto hits =
                   s.search.SimilarToText(*actor, req.Param("ws"), title, text, language, *limit);
               if (!hits) return std::move(hits).error();
               return Json(200, HitsJson(*hits));
             });
}

}  // namespace copydesk::api

#include <boost/json/parse.hpp>

#include "api/api.hpp"
#include "api/common.hpp"
#include "search/saved_views.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

json::object ViewJson(const storage::SavedViewRecord& v) {
  std::error_code ec;
  auto filters = json::parse(v.filters_json, ec);
  if (ec || !filters.is_object()) filters = json::object();
  return {{"id", v.id},
          {"name", v.name},
          {"q", v.q},
          {"filters", std::move(filters)},
          {"sort", v.sort},
          {"shared", v.shared},
          {"author_id", v.author_id},
          {"screen", v.screen ? json::value(*v.screen) : json::value(nullptr)},
          {"created_at", FormatTime(v.created_at)},
          {"updated_at", FormatTime(v.updated_at)}};
}

search::ViewInput ReadViewInput(JsonInput& in, bool creating) {
  search::ViewInput v;
  v.name = in.String("name", creating ? JsonInput::kRequired : JsonInput::kOptional, 1000);
  v.q = in.String("q", JsonInput::kOptional, 8000);
  if (auto raw = in.Raw("filters")) {
    if (raw->is_object())
      v.filters = std::move(raw->as_object());
    else
      in.Fault("filters", "must be an object");
  }
  v.sort = in.String("sort");
  v.shared = in.Bool("shared");
  if (in.IsNull("screen")) {
    in.Raw("screen");
    v.screen = std::string();
  } else {
    v.screen = in.String("screen", JsonInput::kOptional, 16);
  }
  return v;
}

}  // namespace

void AddViewRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces/{ws}/views",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto views = s.views.List(*actor, req.Param("ws"));
               if (!views) return std::move(views).error();
               json::array items;
               for (const auto& v : *views) items.push_back(ViewJson(v));
               return Json(200, {{"items", std::move(items)}});
             });

  router.Add("POST", "/api/v1/workspaces/{ws}/views",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto input = ReadViewInput(*in, true);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto view = s.views.Create(*actor, req.Param("ws"), std::move(input));
               if (!view) return std::move(view).error();
               return Json(201, ViewJson(*view));
             });

  router.Add("PATCH", "/api/v1/workspaces/{ws}/views/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               auto in = ReadBody(req);
               if (!in) return std::move(in).error();
               auto input = ReadViewInput(*in, false);
               if (auto done = in->Finish(); !done) return std::move(done).error();
               auto view =
                   s.views.Update(*actor, req.Param("ws"), req.Param("id"), std::move(input));
               if (!view) return std::move(view).error();
               return Json(200, ViewJson(*view));
             });

  router.Add("DELETE", "/api/v1/workspaces/{ws}/views/{id}",
             [&s](http::Request& req) -> Result<http::Response> {
               auto actor = Authenticate(s.accounts, req);
               if (!actor) return std::move(actor).error();
               if (auto done = s.views.Delete(*actor, req.Param("ws"), req.Param("id")); !done)
                 return std::move(done).error();
               return NoContent();
             });
}

}  // namespace copydesk::api

// Saved views of a workspace (a search, its filters and sort): path, schema, policy (in
// search::SavedViews), presenter.
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
  const Step member = Member(s.accounts);
  const auto view_input = [](bool creating) {
    return Body([creating](JsonInput& in) { return ReadViewInput(in, creating); });
  };

  Mount(
      router,
      {
          {"GET",
           "/api/v1/workspaces/{ws}/views",
           member,
           {},
           [&s](Call& c) {
             return Present(s.views.List(c.actor(), c.param("ws")),
                            [](const auto& views) { return ItemsJson(views, ViewJson); });
           }},
          {"POST", "/api/v1/workspaces/{ws}/views", member, view_input(true),
           [&s](Call& c) {
             return Present(
                 s.views.Create(c.actor(), c.param("ws"), std::move(c.input<search::ViewInput>())),
                 ViewJson, 201);
           }},
          {"PATCH", "/api/v1/workspaces/{ws}/views/{id}", member, view_input(false),
           [&s](Call& c) {
             return Present(s.views.Update(c.actor(), c.param("ws"), c.param("id"),
                                           std::move(c.input<search::ViewInput>())),
                            ViewJson);
           }},
          {"DELETE",
           "/api/v1/workspaces/{ws}/views/{id}",
           member,
           {},
           [&s](Call& c) { return Done(s.views.Delete(c.actor(), c.param("ws"), c.param("id"))); }},
      });
}

}  // namespace copydesk::api

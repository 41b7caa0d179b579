#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

namespace json = boost::json;

void AddWorkspaceRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/workspaces", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    json::array items;
    for (const auto& [ws, role] : s.workspaces.List(*actor)) {
      auto item = WorkspaceJson(ws);
      item["role"] = role;
      items.push_back(std::move(item));
    }
    return Json(200, {{"items", std::move(items)}});
  });

  router.Add("POST", "/api/v1/workspaces", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto name = in->String("name", JsonInput::kRequired, 400);
    auto language = in->String("language", JsonInput::kOptional, 8);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto ws = s.workspaces.Create(*actor, *name, language);
    if (!ws) return std::move(ws).error();
    auto body = WorkspaceJson(*ws);
    body["role"] = "owner";
    return Json(201, body);
  });

  router.Add("GET", "/api/v1/workspaces/{ws}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto access = s.workspaces.Get(*actor, req.Param("ws"));
    if (!access) return std::move(access).error();
    auto body = WorkspaceJson(access->workspace);
    body["role"] = std::string(auth::RoleName(access->role));
    return Json(200, body);
  });

  router.Add("PATCH", "/api/v1/workspaces/{ws}", [&s](http::Request& req) -> Result<http::Response> {
    auto actor = Authenticate(s.accounts, req);
    if (!actor) return std::move(actor).error();
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto name = in->String("name", JsonInput::kOptional, 400);
    auto language = in->String("language", JsonInput::kOptional, 8);
    if (auto done = in->Finish(); !done) return std::move(done).error();
    auto ws = s.workspaces.Update(*actor, req.Param("ws"), name, language);
    if (!ws) return std::move(ws).error();
    return Json(200, WorkspaceJson(*ws));
  });
}

}  // namespace copydesk::api

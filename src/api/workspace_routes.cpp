// Workspaces: the caller's list, creating one, and its name and language. The rules are in
// workspace::Workspaces.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace json = boost::json;

namespace {

struct WorkspaceChange {
  std::optional<std::string> name, language;
  workspace::PageChange page;
};
WorkspaceChange ReadChange(JsonInput& in, bool creating) {
  WorkspaceChange out;
  out.name = in.String("name", creating ? JsonInput::kRequired : JsonInput::kOptional, 400);
  out.language = in.String("language", JsonInput::kOptional, 8);
  if (creating) return out;
  auto nullable = [&](const char* key, std::optional<std::optional<std::string>>& field,
                      std::size_t max) {
    if (in.IsNull(key)) {
      in.Raw(key);
      field = std::optional<std::string>();
    } else if (auto v = in.String(key, JsonInput::kOptional, max)) {
      field = *v;
    }
  };
  nullable("page_name", out.page.name, 400);
  nullable("page_avatar", out.page.avatar, 64);
  return out;
}

// A workspace as one of its members sees it: with their role in it.
json::object WithRole(json::object workspace, std::string_view role) {
  workspace["role"] = role;
  return workspace;
}

}  // namespace

void AddWorkspaceRoutes(http::Router& router, Services& s) {
  const Step member = Member(s.accounts);
  const auto creating = [](JsonInput& in) { return ReadChange(in, true); };
  const auto changing = [](JsonInput& in) { return ReadChange(in, false); };

  Mount(router,
        {
            {"GET",
             "/api/v1/workspaces",
             member,
             {},
             [&s](Call& c) -> Result<http::Response> {
               return Json(200, ItemsJson(s.workspaces.List(c.actor()), [](const auto& item) {
                             return WithRole(WorkspaceJson(item.first), item.second);
                           }));
             }},
            {"POST", "/api/v1/workspaces", member, Body(creating),
             [&s](Call& c) {
               const auto& in = c.input<WorkspaceChange>();
               return Present(
                   s.workspaces.Create(c.actor(), *in.name, in.language),
                   [](const auto& ws) { return WithRole(WorkspaceJson(ws), "owner"); }, 201);
             }},
            {"GET",
             "/api/v1/workspaces/{ws}",
             member,
             {},
             [&s](Call& c) {
               return Present(
                   s.workspaces.Get(c.actor(), c.param("ws")), [](const workspace::Access& access) {
                     return WithRole(WorkspaceJson(access.workspace), auth::RoleName(access.role));
                   });
             }},
            {"PATCH", "/api/v1/workspaces/{ws}", member, Body(changing),
             [&s](Call& c) {
               const auto& in = c.input<WorkspaceChange>();
               return Present(
                   s.workspaces.Update(c.actor(), c.param("ws"), in.name, in.language, in.page),
                   WorkspaceJson);
             }},
        });
}

}  // namespace copydesk::api

// The first run of an instance: whether it still waits for its owner, and the set-up itself.
#include "api/api.hpp"
#include "api/common.hpp"
#include "api/present/account.hpp"
#include "api/present/workspace.hpp"

namespace copydesk::api {

namespace {

struct SetupInput {
  std::string email, name, password, workspace_name;
  std::optional<std::string> language;
};
SetupInput ReadSetup(JsonInput& in) {
  SetupInput out;
  out.email = in.String("email", JsonInput::kRequired, 320).value_or("");
  out.name = in.String("name", JsonInput::kRequired, 400).value_or("");
  out.password = in.String("password", JsonInput::kRequired, 1024).value_or("");
  out.workspace_name = in.String("workspace_name", JsonInput::kRequired, 400).value_or("");
  out.language = in.String("language", JsonInput::kOptional, 8);
  return out;
}

}  // namespace

void AddSetupRoutes(http::Router& router, Services& s) {
  Mount(router, {
                    {"GET",
                     "/api/v1/setup",
                     Anyone(),
                     {},
                     [&s](Call&) -> Result<http::Response> {
                       // How a person who forgot their password gets a new one: by e-mail when the
                       // server can send it, else from an admin of their workspace.
                       return Json(200, {{"needed", s.workspaces.SetupNeeded()},
                                         {"password_reset",
                                          s.config.smtp_url.empty() ? "admin" : "email"}});
                     }},
                    // First run: creates the owner and the first workspace, and signs the owner in.
                    {"POST", "/api/v1/setup", Anyone(), Body(ReadSetup),
                     [&s](Call& c) -> Result<http::Response> {
                       const auto& in = c.input<SetupInput>();
                       auto outcome = s.workspaces.Setup(
                           in.email, in.name, in.password, in.workspace_name,
                           in.language.value_or("en"), c.request.remote_ip, UserAgent(c.request));
                       if (!outcome) return std::move(outcome).error();
                       return Json(201, {{"user", UserJson(outcome->user)},
                                         {"workspace", WorkspaceJson(outcome->workspace)},
                                         {"csrf_token", outcome->session.session.csrf_token}})
                           .With("Set-Cookie", SessionCookie(outcome->session.secret, s.config));
                     }},
                });
}

}  // namespace copydesk::api

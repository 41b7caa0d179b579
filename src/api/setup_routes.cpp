#include "api/api.hpp"
#include "api/common.hpp"

namespace copydesk::api {

void AddSetupRoutes(http::Router& router, Services& s) {
  router.Add("GET", "/api/v1/setup", [&s](http::Request&) -> Result<http::Response> {
    // How a person who forgot their password gets a new one: by e-mail when the server can send
    // it, else from an admin of their workspace.
    return Json(200, {{"needed", s.workspaces.SetupNeeded()},
                      {"password_reset", s.config.smtp_url.empty() ? "admin" : "email"}});
  });

  // First run: creates the owner and the first workspace, and signs the owner in.
  router.Add("POST", "/api/v1/setup", [&s](http::Request& req) -> Result<http::Response> {
    auto in = ReadBody(req);
    if (!in) return std::move(in).error();
    auto email = in->String("email", JsonInput::kRequired, 320);
    auto name = in->String("name", JsonInput::kRequired, 400);
    auto password = in->String("password", JsonInput::kRequired, 1024);
    auto workspace_name = in->String("workspace_name", JsonInput::kRequired, 400);
    auto language = in->String("language", JsonInput::kOptional, 8);
    if (auto done = in->Finish(); !done) return std::move(done).error();

    auto outcome = s.workspaces.Setup(*email, *name, *password, *workspace_name,
                                      language.value_or("en"), req.remote_ip,
                                      std::string(req.Header("User-Agent").value_or("")));
    if (!outcome) return std::move(outcome).error();
    return Json(201, {{"user", UserJson(outcome->user)},
                      {"workspace", WorkspaceJson(outcome->workspace)},
                      {"csrf_token", outcome->session.session.csrf_token}})
        .With("Set-Cookie", SessionCookie(outcome->session.secret, s.config));
  });
}

}  // namespace copydesk::api
